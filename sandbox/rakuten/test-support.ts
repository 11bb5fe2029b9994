import { after, before, beforeEach } from "node:test";
import { type ManualClock, manualClock, sendJson } from "../kit/test-support.ts";
import { type RakutenSandbox, type RakutenSandboxOptions, startRakutenSandbox } from "./server.ts";

/**
 * For tests that talk to the sandbox over HTTP — its own, and an RMS client's contract tests: a
 * manual clock, a started sandbox with one shop, and fetch wrappers for RMS (ESA auth) and control.
 */

// biome-ignore lint/suspicious/noExplicitAny: tests read whatever the sandbox answered.
type Loose = any;

export type Answer = { status: number; body: Loose; text: string; headers: Headers };

export type SandboxShop = {
  shopId: string;
  serviceSecret: string;
  licenseKey: string;
  licenseExpiresAt: string;
};

export const esa = (shop: { serviceSecret: string; licenseKey: string }) =>
  `ESA ${Buffer.from(`${shop.serviceSecret}:${shop.licenseKey}`).toString("base64")}`;

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text === "" ? null : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text, headers: response.headers };
}

export type TestSandbox = {
  sandbox: RakutenSandbox;
  clock: ManualClock;
  shop: SandboxShop;
  control(method: string, path: string, body?: unknown): Promise<Answer>;
  rms(
    path: string,
    body: unknown,
    init?: { shop?: SandboxShop; headers?: Record<string, string> },
  ): Promise<Answer>;
  /** Any RMS call with the shop's ESA header: a GET (query in `path`), or a PATCH/POST of JSON. */
  call(method: string, path: string, body?: unknown, init?: { shop?: SandboxShop }): Promise<Answer>;
  /** Places an order through the control API and returns the mall's view of it. */
  placeOrder(input?: unknown): Promise<Loose>;
  /** A buyer opens an R-Messe thread on the shop (a cancel request unless told); the thread back. */
  postInquiry(input?: Record<string, unknown>): Promise<Loose>;
  close(): Promise<void>;
};

export async function startTestSandbox(
  options: RakutenSandboxOptions & { start?: string; shopId?: string } = {},
): Promise<TestSandbox> {
  const clock = manualClock(options.start ?? "2025-06-10T10:00:00+09:00");
  const sandbox = await startRakutenSandbox({ now: clock.now, ...options });
  const control = async (method: string, path: string, body?: unknown) =>
    answer(await sendJson(`${sandbox.url}${path}`, method, body));
  const created = await control("POST", "/_sandbox/shops", { shopId: options.shopId ?? "365811" });
  const shop = created.body as SandboxShop;
  return {
    sandbox,
    clock,
    shop,
    control,
    async rms(path, body, init = {}) {
      const headers = {
        Authorization: esa(init.shop ?? shop),
        "Content-Type": "application/json; charset=utf-8",
        ...init.headers,
      };
      const payload = typeof body === "string" ? body : JSON.stringify(body);
      return answer(await fetch(`${sandbox.url}${path}`, { method: "POST", headers, body: payload }));
    },
    async call(method, path, body, init = {}) {
      const headers = {
        Authorization: esa(init.shop ?? shop),
        "Content-Type": "application/json; charset=utf-8",
      };
      const payload = body === undefined ? undefined : JSON.stringify(body);
      return answer(await fetch(`${sandbox.url}${path}`, { method, headers, body: payload }));
    },
    async placeOrder(input = {}) {
      const placed = await control("POST", `/_sandbox/shops/${shop.shopId}/orders`, input);
      if (placed.status !== 201) throw new Error(`placing an order failed: ${placed.text}`);
      return placed.body;
    },
    async postInquiry(input = {}) {
      const posted = await control("POST", `/_sandbox/shops/${shop.shopId}/inquiries`, {
        message: "注文をキャンセルしたいです",
        ...input,
      });
      if (posted.status !== 201) throw new Error(`posting an inquiry failed: ${posted.text}`);
      return posted.body;
    },
    close: () => sandbox.close(),
  };
}

/** An item with an SKU, for order inputs. */
export const item = (
  manageNumber: string,
  price: number,
  units = 1,
  extra: Record<string, unknown> = {},
) => ({
  manageNumber,
  itemName: `${manageNumber} の商品`,
  price,
  units,
  ...extra,
});

/**
 * One sandbox for a test file's R-Messe tests, put back before each test: the clock at 2025-06-10
 * 10:00 JST, no faults, the shop without inquiries. Call the answer inside a test or hook.
 */
export function inquiryTestSandbox(): () => TestSandbox {
  let t: TestSandbox | undefined;
  before(async () => {
    t = await startTestSandbox();
  });
  after(() => t?.close());
  beforeEach(async () => {
    if (!t) return;
    t.clock.set("2025-06-10T10:00:00+09:00");
    await t.control("DELETE", "/_sandbox/faults");
    for (const [n, i] of t.sandbox.state.inquiries)
      if (i.shopId === t.shop.shopId) t.sandbox.state.inquiries.delete(n);
  });
  return () => {
    if (!t) throw new Error("the inquiry sandbox is not started yet");
    return t;
  };
}

import { type ManualClock, manualClock, sendJson } from "../kit/test-support.ts";
import { type RslSandbox, type RslSandboxOptions, startRslSandbox } from "./server.ts";

/**
 * For tests that talk to the sandbox over HTTP — its own, and the RSL adapter's contract tests: a
 * manual clock, a started sandbox with one merchant and its product master, fetch wrappers for RSL's
 * API (Bearer key, Idempotency-Key) and the control API, and a valid 出荷依頼 to vary.
 */

// biome-ignore lint/suspicious/noExplicitAny: tests read whatever the sandbox answered.
type Loose = any;

export type Answer = { status: number; body: Loose; headers: Headers };

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, body: text === "" ? null : JSON.parse(text), headers: response.headers };
}

export type SandboxMerchant = { merchantId: string; apiKey: string };

export type TestSandbox = {
  sandbox: RslSandbox;
  clock: ManualClock;
  merchant: SandboxMerchant;
  control(method: string, path: string, body?: unknown): Promise<Answer>;
  api(
    method: string,
    path: string,
    init?: { body?: unknown; key?: string; apiKey?: string | null },
  ): Promise<Answer>;
  /** POST /api/v1/shipment-requests under `key` (a fresh one when not given). */
  request(body: unknown, key?: string): Promise<Answer>;
  /** A new merchant with these SKUs on the shelf. */
  newMerchant(products?: { sku: string; stock: number }[], extra?: object): Promise<SandboxMerchant>;
  close(): Promise<void>;
};

let keys = 0;
export const freshKey = () => `key-${process.pid}-${++keys}`;

/** A valid request for SKU MUG-1 (stock 10 in the default merchant), with fields replaced by `extra`. */
export const shipment = (extra: Record<string, unknown> = {}) => ({
  clientShipmentId: `S-${++keys}`,
  orderNumbers: ["365811-20250610-0000000001"],
  recipient: {
    name: "山田 太郎",
    postalCode: "150-0001",
    prefecture: "東京都",
    address1: "渋谷区神宮前1-2-3",
    address2: "神宮前ハイツ101",
    phone: "090-1234-5678",
  },
  lines: [{ sku: "MUG-1", quantity: 1 }],
  ...extra,
});

export async function startTestSandbox(
  options: RslSandboxOptions & { start?: string } = {},
): Promise<TestSandbox> {
  const clock = manualClock(options.start ?? "2025-06-10T10:00:00+09:00");
  const sandbox = await startRslSandbox({ now: clock.now, ...options });
  const control = async (method: string, path: string, body?: unknown) =>
    answer(await sendJson(`${sandbox.url}${path}`, method, body));
  const newMerchant = async (products = [{ sku: "MUG-1", stock: 10 }], extra = {}) => {
    const created = await control("POST", "/_sandbox/merchants", extra);
    if (created.status !== 201)
      throw new Error(`creating a merchant failed: ${JSON.stringify(created.body)}`);
    await control("PUT", `/_sandbox/merchants/${created.body.merchantId}/products`, products);
    return created.body as SandboxMerchant;
  };
  const merchant = await newMerchant();
  const api: TestSandbox["api"] = async (method, path, init = {}) => {
    const apiKey = init.apiKey === undefined ? merchant.apiKey : init.apiKey;
    const headers: Record<string, string> = {
      ...(apiKey === null ? {} : { Authorization: `Bearer ${apiKey}` }),
      ...(init.key === undefined ? {} : { "Idempotency-Key": init.key }),
      ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
    };
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    return answer(await fetch(`${sandbox.url}${path}`, { method, headers, body }));
  };
  return {
    sandbox,
    clock,
    merchant,
    control,
    api,
    request: (body, key = freshKey()) => api("POST", "/api/v1/shipment-requests", { body, key }),
    newMerchant,
    close: () => sandbox.close(),
  };
}

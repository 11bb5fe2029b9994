import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { spawnNode } from "#test/process.ts";
import { DEMO_BUYER_EMAIL, DEMO_BUYER_PASSWORD } from "./b2b.ts";
import { DEMO_EMAIL, DEMO_PASSWORD } from "./set-up.ts";

test("npm start -- --demo: orders of both shops (stock room, RSL) are imported and listed, a buyer's R-Messe cancel request stops an order, and SIGTERM stops it", async (t) => {
  const dataDir = join(tmpdir(), `juchu-demo-${crypto.randomUUID()}`);
  const child = spawnNode("server/main.ts", ["--demo", "--demo-interval=1"], {
    JUCHU_DATA_DIR: dataDir,
    PORT: "0",
    LOG_LEVEL: "warn",
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  let passed = false;
  try {
    // No deadline of its own: a slow machine only makes this slower; the runner's timeout ends a hang.
    const until = async <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> => {
      for (;;) {
        const found = await probe().catch(() => undefined);
        if (found !== undefined) return found;
        if (child.exitCode !== null) assert.fail(`the demo exited (${child.exitCode}) before its ${what}`);
        if (t.signal.aborted) assert.fail(`no ${what} before the test was stopped`);
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    const url = await until(
      "listening line",
      async () => out.match(/listening on (http:\/\/[\d.]+:\d+)/)?.[1],
    );
    await until("demo credentials", async () => (out.includes(DEMO_PASSWORD) ? true : undefined));
    assert.match(out, /demo@juchu\.example/);

    const session = await fetch(`${url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: DEMO_EMAIL, password: DEMO_PASSWORD }),
    });
    assert.equal(session.status, 200, await session.clone().text());
    const cookie = (session.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

    const get = async <T>(path: string) =>
      (await (await fetch(`${url}${path}`, { headers: { cookie } })).json()) as T;
    const shops = await get<{
      items: { id: string; name: string; channel: string; settings: { warehouseId?: string } }[];
    }>("/api/shops");
    const warehouses = await get<{
      items: { id: string; kind: string; settings: { yamatoBillingCustomerCode?: string } }[];
    }>("/api/warehouses");
    const rsl = warehouses.items.find((w) => w.kind === "rsl");
    const stockRoom = warehouses.items.find((w) => w.kind === "self");
    assert.match(
      stockRoom?.settings.yamatoBillingCustomerCode ?? "",
      /^\d{10,12}$/,
      "the stock room's ヤマト送り状CSV needs a B2 請求先顧客コード",
    );
    assert.ok(rsl, "the demo has an RSL warehouse");
    const rslShop = shops.items.find((s) => s.settings.warehouseId === rsl.id);
    assert.ok(rslShop, `a shop ships through RSL: ${JSON.stringify(shops.items)}`);
    // The BtoB desk's shop takes no mall orders (its order is the buyer's, checked below) nor their mails.
    const mallShops = shops.items.filter((s) => s.channel !== "b2b");
    for (const shop of mallShops) {
      const imported = await until(`imported order of ${shop.name}`, async () => {
        const body = await get<{ items: { mallOrderNumber: string; shopId: string }[] }>(
          "/api/orders?limit=100",
        );
        return body.items.find((o) => o.shopId === shop.id && /^\d+-\d{8}-\d+$/.test(o.mallOrderNumber));
      });
      assert.ok(imported.mallOrderNumber);
    }
    assert.match(out, /\[購入者\] 注文 /);

    // The BtoB desk: its buyer signs in to the portal and finds the demo's order in 発注履歴.
    const buyerSession = await fetch(`${url}/api/buyer/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: DEMO_BUYER_EMAIL, password: DEMO_BUYER_PASSWORD }),
    });
    assert.equal(buyerSession.status, 200, await buyerSession.clone().text());
    const buyerCookie = (buyerSession.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const history = (await (
      await fetch(`${url}/api/buyer/orders`, { headers: { cookie: buyerCookie } })
    ).json()) as {
      items: { total: number }[];
    };
    assert.deepEqual(
      history.items.map((o) => o.total),
      [680 * 20 + 850 * 12],
      "the demo's order at the company's own and its rank's prices",
    );

    // A buyer's R-Messe cancel request stops its order by itself (cancelled, or withdrawn from RSL).
    const stopped = await until("cancel inquiry acted on", async () => {
      const body = await get<{ items: { action: string; orderId: string | null }[] }>(
        "/api/inquiries?state=cancel",
      );
      return body.items.find((i) => i.orderId && ["cancelled", "withdrawn"].includes(i.action));
    });
    assert.ok(stopped.orderId);
    assert.match(out, /\[購入者\] R-Messe /);

    // The standard mails are on for both demo shops, kept unsent in the log (no SMTP in a demo).
    for (const shop of mallShops) {
      const settings = await get<{ items: { enabled: boolean }[] }>(`/api/shops/${shop.id}/mail-settings`);
      assert.equal(settings.items.filter((i) => i.enabled).length, 3, shop.name);
    }
    const templates = await get<{ items: { name: string }[] }>("/api/mail-templates");
    // The desk's own mails are made on its first order (the demo buyer's), apart from the malls' set.
    const deskMails = templates.items.filter((t) => t.name.startsWith("BtoB"));
    assert.equal(
      templates.items.length - deskMails.length,
      3,
      "one set of standard templates for both shops",
    );
    assert.deepEqual(
      deskMails.map((t) => t.name),
      ["BtoB ご注文受付"],
    );
    passed = true;
  } catch (error) {
    // The demo's own output is what tells why: it goes with the first failure, never replaced by a later one.
    throw new Error(`${(error as Error).message}\n--- demo output ---\n${out}`, { cause: error });
  } finally {
    if (child.exitCode === null) child.kill("SIGTERM");
    const code = await exited;
    await rm(dataDir, { recursive: true, force: true });
    if (passed) assert.equal(code, 0, `SIGTERM stops the demo cleanly:\n${out}`);
  }
});

import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { startRakutenSandbox } from "#sandbox/rakuten/server.ts";
import { startRslSandbox } from "#sandbox/rsl/server.ts";
import { bootServer, callApi, childDatabase, createAccountToken } from "#test/process.ts";
import { type RakutenSandbox, type SandboxControl, sandboxControl, sku } from "#test/rakuten.ts";
import { type RslControl, rslControl } from "#test/rsl.ts";
import { switchSyncOn } from "#test/setup-checklist.ts";

// kill -9 of the real server (npm start: API and workers in one process) after the cancel, while the
// automatic reply is at the mall: the mall took it but the answer never came back. The next process
// retries the reply job, reads the thread, and does not post it again.

let database: Awaited<ReturnType<typeof childDatabase>>;
let sandbox: RakutenSandbox;
let mall: SandboxControl;
let rsl: Awaited<ReturnType<typeof startRslSandbox>>;
let warehouse: RslControl;
let token: string;
let env: Record<string, string>;

before(async () => {
  sandbox = await startRakutenSandbox();
  mall = sandboxControl(sandbox);
  rsl = await startRslSandbox();
  warehouse = rslControl(rsl);
  database = await childDatabase();
  env = {
    ...database.env,
    JUCHU_RAKUTEN_API_URL: sandbox.url,
    JUCHU_RSL_API_URL: rsl.url,
    JUCHU_SECRET_KEY: randomBytes(32).toString("base64"),
  };
  token = await createAccountToken(env, { name: "停電商店", email: "kill@example.com" });
});
after(async () => {
  await database.close();
  await sandbox.close();
  await rsl.close();
});

const call = (url: string, method: string, path: string, body?: unknown) =>
  callApi(url, token, method, path, body);
const stopped = (child: ChildProcess) => new Promise((resolve) => child.once("exit", resolve));

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  ms = 90_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const got = await probe();
    if (got) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const merchantReplies = async (inquiryNumber: string) =>
  ((await mall.inquiry(inquiryNumber)).replies as { replyFrom: string }[]).filter(
    (r) => r.replyFrom === "merchant",
  );

test("killed after the cancel, with the reply at the mall but unanswered: the order is cancelled once, the reply goes once", async (t) => {
  const shop = await mall.createShop();
  const first = await bootServer(env);
  t.after(() => {
    if (first.child.exitCode === null && first.child.signalCode === null) first.child.kill("SIGKILL");
  });
  const created = await call(first.url, "POST", "/api/shops", {
    channel: "rakuten",
    name: "楽天 停電テスト店",
    settings: { gracePeriodMinutes: 0, inquiryLinkage: { enabled: true } },
    credentials: { serviceSecret: shop.serviceSecret, licenseKey: shop.licenseKey },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const shopId = created.body.id;
  // An unmapped item keeps the order at 確認待, where a cancel is allowed: no warehouse needed.
  const placed = await mall.placeOrder(shop.shopId, { packages: [{ items: [sku("mug", "blue", 1500)] }] });
  assert.equal((await call(first.url, "POST", `/api/shops/${shopId}/import`)).status, 200);
  const orderId = await until("the order at 確認待", async () => {
    const list = await call(first.url, "GET", `/api/orders?shopId=${shopId}`);
    const o = list.body.items.find(
      (x: { mallOrderNumber: string }) => x.mallOrderNumber === placed.orderNumber,
    );
    return o?.status === "awaiting_confirmation" ? (o.id as string) : null;
  });
  const asked = await mall.postInquiry(shop.shopId, {
    orderNumber: placed.orderNumber,
    message: "注文をキャンセルしたいです",
    cancelRequest: true,
  });
  await mall.fault({ path: "/es/1.0/inquirymng-api/inquiry/reply", kind: "timeout", processed: true });
  const polled = await call(first.url, "POST", `/api/shops/${shopId}/inquiry-import`);
  assert.equal(polled.body.decided, 1, JSON.stringify(polled.body));
  await until(
    "the cancel",
    async () => (await call(first.url, "GET", `/api/orders/${orderId}`)).body.status === "cancelled",
  );
  await until("the reply at the mall", async () => (await merchantReplies(asked.inquiryNumber)).length > 0);
  first.child.kill("SIGKILL");
  await stopped(first.child);
  await mall.clearFaults();

  const second = await bootServer(env);
  try {
    const inquiry = await until("the reply recorded", async () => {
      const list = await call(second.url, "GET", `/api/inquiries?shopId=${shopId}`);
      const found = list.body.items.find(
        (i: { inquiryNumber: string }) => i.inquiryNumber === asked.inquiryNumber,
      );
      return found?.replyState === "sent" ? found : null;
    });
    assert.equal(inquiry.action, "cancelled");
    assert.equal((await merchantReplies(asked.inquiryNumber)).length, 1, "the reply went once");
    assert.equal((await mall.inquiry(asked.inquiryNumber)).readByMerchant, true);
    const order = (await call(second.url, "GET", `/api/orders/${orderId}`)).body;
    const once = (type: string) => order.events.filter((e: { type: string }) => e.type === type).length;
    assert.equal(once("inquiry_cancel_action"), 1);
    assert.equal(once("inquiry_replied"), 1);
    assert.equal(
      order.events.filter((e: { toStatus: string | null }) => e.toStatus === "cancelled").length,
      1,
      "cancelled once",
    );
  } finally {
    second.child.kill("SIGTERM");
    await stopped(second.child);
  }
});

test("killed while RSL holds the withdrawal: the next process withdraws (same key), not cancelled, replies once", async (t) => {
  const first = await bootServer(env);
  t.after(() => {
    if (first.child.exitCode === null && first.child.signalCode === null) first.child.kill("SIGKILL");
  });
  const merchant = await warehouse.call("POST", "/merchants", { autoRegisterProducts: true });
  const rslWarehouse = await call(first.url, "POST", "/api/warehouses", {
    name: "RSL",
    kind: "rsl",
    credentials: { apiKey: merchant.apiKey },
  });
  const shop = await mall.createShop();
  const created = await call(first.url, "POST", "/api/shops", {
    channel: "rakuten",
    name: "楽天 取下げテスト店",
    settings: {
      gracePeriodMinutes: 0,
      shipmentRequestDelayMinutes: 0,
      warehouseId: rslWarehouse.body.id,
      inquiryLinkage: { enabled: true },
    },
    credentials: { serviceSecret: shop.serviceSecret, licenseKey: shop.licenseKey },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const shopId = created.body.id;
  // 受注連動 from a second ahead (a past start is refused), waited out below.
  await switchSyncOn((m, p, b) => call(first.url, m, p, b), shopId, {
    syncStartAt: new Date(Date.now() + 1000).toISOString(),
  });
  const product = await call(first.url, "POST", "/api/products", { sku: "MUG-KILL", name: "マグ" });
  await call(first.url, "POST", `/api/products/${product.body.id}/stock`, {
    onHand: 5,
    warehouseId: rslWarehouse.body.id,
  });
  await call(first.url, "POST", "/api/product-mappings", {
    shopId,
    mallItemCode: "mug",
    components: [{ productId: product.body.id, quantity: 1 }],
  });
  const placed = await mall.placeOrder(shop.shopId, { packages: [{ items: [sku("mug", "blue", 1500)] }] });
  await new Promise((r) => setTimeout(r, 1100));
  assert.equal((await call(first.url, "POST", `/api/shops/${shopId}/import`)).status, 200);
  const order = await until("the order at RSL", async () => {
    const list = await call(first.url, "GET", `/api/orders?shopId=${shopId}`);
    const o = list.body.items.find(
      (x: { mallOrderNumber: string }) => x.mallOrderNumber === placed.orderNumber,
    );
    if (o?.status !== "shipping") return null;
    return (await call(first.url, "GET", `/api/orders/${o.id}`)).body;
  });
  const reference = order.shipments[0].warehouseReference as string;
  const asked = await mall.postInquiry(shop.shopId, {
    orderNumber: placed.orderNumber,
    message: "キャンセルをお願いします",
    cancelRequest: true,
  });
  const withdrawal = `/api/v1/shipment-requests/${reference}/withdrawal`;
  await warehouse.fault({ path: withdrawal, delayMs: 600_000 });
  assert.equal((await call(first.url, "POST", `/api/shops/${shopId}/inquiry-import`)).body.decided, 1);
  await until("the withdrawal at RSL", async () => {
    const calls = await warehouse.call("GET", `/calls?path=${encodeURIComponent(withdrawal)}`);
    return calls.count > 0;
  });
  first.child.kill("SIGKILL");
  await stopped(first.child);
  await warehouse.call("DELETE", "/faults");

  const second = await bootServer(env);
  try {
    const inquiry = await until("the reply recorded", async () => {
      const list = await call(second.url, "GET", `/api/inquiries?shopId=${shopId}`);
      const found = list.body.items.find(
        (i: { inquiryNumber: string }) => i.inquiryNumber === asked.inquiryNumber,
      );
      return found?.replyState === "sent" ? found : null;
    });
    assert.equal(inquiry.action, "withdrawn");
    const after = (await call(second.url, "GET", `/api/orders/${order.id}`)).body;
    assert.equal(after.shipments[0].status, "unshippable");
    assert.notEqual(after.status, "cancelled");
    assert.equal(after.events.filter((e: { type: string }) => e.type === "inquiry_cancel_action").length, 1);
    assert.equal((await merchantReplies(asked.inquiryNumber)).length, 1, "the reply went once");
    const [request] = (await warehouse.requests(merchant.merchantId)).items;
    assert.equal(request?.status, "withdrawn");
  } finally {
    second.child.kill("SIGTERM");
    await stopped(second.child);
  }
});

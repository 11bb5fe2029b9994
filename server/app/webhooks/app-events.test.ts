import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eq } from "drizzle-orm";
import { juchuTemplateCsv } from "#server/channels/csv/profiles.ts";
import { shops } from "#server/db/schema.ts";
import type { TestApp } from "#test/app.ts";
import { orderBody } from "#test/catalog-api.ts";
import { connectRakutenShop, type SandboxControl, sku, startRakutenTestApp } from "#test/rakuten.ts";
import { startSmtpServer } from "#test/smtp.ts";
import { runWebhookJobs, startWebhookReceiver } from "#test/webhook-receiver.ts";
import { runShopImport } from "../channels/import-shop.ts";
import { saveInquiryPage } from "../inquiries/save-inquiry-page.ts";
import { dispatchMailTriggers } from "../mail/dispatch-mails.ts";

let t: TestApp;
let mall: SandboxControl;
let close: () => Promise<void>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let secret: string;

before(async () => {
  ({ app: t, mall, close } = await startRakutenTestApp({ mallTimeoutMs: 3000 }));
  smtp = await startSmtpServer();
  receiver = await startWebhookReceiver({ now: () => t.clock.now(), secrets: () => [secret] });
  const created = await t.api("POST", "/api/webhooks", {
    url: receiver.url,
    events: ["mail.failed", "import.failed", "inquiry.received"],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  secret = created.body.secret;
});
after(async () => {
  await receiver.close();
  await smtp.close();
  await close();
});

/** The events the receiver got from here on, once the workers have sent what is due. */
async function sentSince(from: number) {
  await runWebhookJobs(t);
  const got = receiver.received.slice(from);
  for (const r of got) assert.deepEqual(r.verifiedWith, [secret]);
  return got.map((r) => r.payload);
}

test("mail.failed: a mail (the キャンセル mail) the SMTP server refuses for good is told, with its order and the error", async () => {
  const shopId = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
  await t.api("PUT", "/api/mail-transport", {
    ...smtp.settings,
    fromAddress: "shop@example.jp",
    fromName: "店",
  });
  const copied = (await t.api("POST", "/api/mail-templates/standard/cancelled/copy")).body;
  await t.api("PUT", `/api/shops/${shopId}/mail-settings`, {
    items: [{ categoryId: copied.categoryId, enabled: true, templateId: copied.templateId }],
  });
  const from = receiver.received.length;
  smtp.failNext(1, 550);
  const order = await t.api(
    "POST",
    "/api/orders",
    orderBody(shopId, "MF-1", [{ mallItemCode: "x", quantity: 1 }]),
  );
  assert.equal(order.status, 201, JSON.stringify(order.body));
  assert.equal((await t.api("POST", `/api/orders/${order.body.id}/cancel`, {})).status, 200);
  while ((await dispatchMailTriggers(t.ctx)) > 0);
  await t.runDueJobs("send-mail");
  const [failed] = await sentSince(from);
  assert.equal(failed?.type, "mail.failed");
  assert.equal(failed?.data.orderId, order.body.id);
  assert.equal(failed?.data.shopId, shopId);
  assert.match(failed?.data.error, /mail\.rejected/);
});

test("import.failed: a mall import run that fails, and an order file the layout cannot read", async () => {
  const { shopId } = await connectRakutenShop(t, mall);
  assert.equal((await runShopImport(t.ctx, shopId))?.status, "succeeded");
  t.clock.advance(3 * 60_000);
  await mall.fault({ path: "/es/2.0/order/searchOrder/", kind: "status500" });
  const from = receiver.received.length;
  const run = await runShopImport(t.ctx, shopId);
  assert.equal(run?.status, "failed");
  const [mallRun] = await sentSince(from);
  assert.equal(mallRun?.type, "import.failed");
  assert.deepEqual(
    [mallRun?.data.kind, mallRun?.data.runId, mallRun?.data.shopId],
    ["mall", run?.runId, shopId],
  );
  assert.ok(mallRun?.data.errors.length > 0);

  const csvShop = (await t.api("POST", "/api/shops", { channel: "csv", name: "CSV店" })).body.id;
  const res = await fetch(`${t.url}/api/csv-imports?shopId=${csvShop}&profileId=futureshop&fileName=x.csv`, {
    method: "POST",
    headers: { authorization: `Bearer ${t.owner.apiToken}`, "content-type": "text/csv" },
    body: juchuTemplateCsv(),
  });
  const upload = (await res.json()) as { id: string };
  await t.runDueJobs("csv-import");
  const [csvRun] = await sentSince(from + 1);
  assert.equal(csvRun?.type, "import.failed");
  assert.deepEqual([csvRun?.data.kind, csvRun?.data.runId, csvRun?.data.shopId], ["csv", upload.id, csvShop]);
  assert.match(csvRun?.data.errors[0].message, /列がファイルにありません/);
});

test("inquiry.received: a new thread once, by id; seen again in the next window, not again", async () => {
  const shopId = (await t.api("POST", "/api/shops", { channel: "manual", name: "問合せ店" })).body.id;
  const [shop] = await t.database.db.select().from(shops).where(eq(shops.id, shopId));
  assert.ok(shop);
  const now = t.clock.now();
  const thread = {
    inquiryNumber: "INQ-1",
    mallOrderNumber: null,
    buyerName: "問合 太郎",
    message: "在庫はありますか",
    receivedAt: now,
    category: "商品について",
    cancelSignal: "none" as const,
    replies: [],
    readByMerchant: false,
    completed: false,
    updatedAt: now,
  };
  const from = receiver.received.length;
  await saveInquiryPage(t.ctx, shop, [thread]);
  await saveInquiryPage(t.ctx, shop, [{ ...thread, readByMerchant: true }]);
  const got = await sentSince(from);
  assert.deepEqual(
    got.map((p) => [p.type, p.data.inquiryNumber, p.data.shopId]),
    [["inquiry.received", "INQ-1", shopId]],
  );
  assert.ok(!JSON.stringify(got).includes("在庫はありますか"), "the buyer's words stay in Juchu");
});

test("a mall order's status changes are sent; a テスト取込 order's are not (it tells nobody outside)", async () => {
  const endpoint = await t.api("POST", "/api/webhooks", {
    url: receiver.url,
    events: ["order.status_changed"],
  });
  const saved = secret;
  secret = endpoint.body.secret;
  const live = await connectRakutenShop(t, mall, { gracePeriodMinutes: 0 });
  const trial = await connectRakutenShop(t, mall, { gracePeriodMinutes: 0, testImportMode: true });
  for (const shop of [live, trial]) {
    await mall.placeOrder(shop.mallShopId, { packages: [{ items: [sku("pen", "red", 300, 1)] }] });
    assert.equal((await runShopImport(t.ctx, shop.shopId))?.counts.created, 1);
  }
  await t.runDueJobs("grace-period-over");
  const from = receiver.received.length;
  const shopsTold = new Set((await sentSince(from)).map((p) => p.data.shopId));
  assert.deepEqual([...shopsTold], [live.shopId]);
  await t.api("PATCH", `/api/webhooks/${endpoint.body.endpoint.id}`, { enabled: false });
  secret = saved;
});

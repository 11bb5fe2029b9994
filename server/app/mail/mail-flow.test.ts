import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { startTestApp, type TestApp } from "#test/app.ts";
import { orderBody } from "#test/catalog-api.ts";
import { startSmtpServer } from "#test/smtp.ts";
import { recordWarehouseResults } from "../shipping/record-warehouse-results.ts";
import { dispatchMailTriggers } from "./dispatch-mails.ts";

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let seq = 0;

before(async () => {
  t = await startTestApp();
  smtp = await startSmtpServer();
});
after(async () => {
  await t.close();
  await smtp.close();
});
beforeEach(() => {
  smtp.received.length = 0;
});

type Mail = {
  status: string;
  subject: string | null;
  body: string | null;
  note: string | null;
  attempts: number;
  dueAt: string;
};

/** A manual shop of a fresh account with the standard template `key` switched on, sending through the test SMTP. */
async function shopSending(keys: string[], options: { smtp?: boolean; productId?: string } = {}) {
  const account = await t.newAccount();
  const as = (method: string, path: string, body?: unknown) => t.api(method, path, body, account.apiToken);
  const shop = await as("POST", "/api/shops", { channel: "manual", name: `ショップ${++seq}` });
  const items = [];
  for (const key of keys) {
    const copied = await as("POST", `/api/mail-templates/standard/${key}/copy`);
    assert.equal(copied.status, 201, JSON.stringify(copied.body));
    items.push({ categoryId: copied.body.categoryId, enabled: true, templateId: copied.body.templateId });
  }
  assert.equal((await as("PUT", `/api/shops/${shop.body.id}/mail-settings`, { items })).status, 200);
  if (options.smtp !== false) {
    const saved = await as("PUT", "/api/mail-transport", {
      ...smtp.settings,
      fromAddress: "shop@example.jp",
      fromName: "テスト商店",
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
  }
  const productId = (await as("POST", "/api/products", { sku: `MUG-${seq}`, name: "マグ" })).body.id;
  await as("POST", `/api/products/${productId}/stock`, { onHand: 100 });
  await as("POST", "/api/product-mappings", {
    shopId: shop.body.id,
    mallItemCode: "mug",
    components: [{ productId, quantity: 1 }],
  });
  const order = async (extra: Record<string, unknown> = {}) => {
    const res = await as(
      "POST",
      "/api/orders",
      orderBody(
        shop.body.id,
        `MAIL-${++seq}`,
        [{ mallItemCode: "mug", quantity: 2, name: "白いマグカップ" }],
        { paid: true, ...extra },
      ),
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as {
      id: string;
      mallOrderNumber: string;
      shipments: { id: string; slipNumber: string }[];
    };
  };
  const mailsOf = async (orderId: string) =>
    (await as("GET", `/api/mails?orderId=${orderId}`)).body.items as Mail[];
  return { as, shopId: shop.body.id as string, productId, order, mailsOf, account };
}

/** What the workers do: plan mails from status changes, then send what is due by the test's clock. */
async function deliver() {
  while ((await dispatchMailTriggers(t.ctx)) > 0);
  return t.runDueJobs("send-mail");
}

test("サンクスメール at 確認済 over SMTP: Japanese subject and body, once, in the timeline and the log", async () => {
  const shop = await shopSending(["thanks"]);
  const order = await shop.order();
  await deliver();
  await deliver();
  assert.equal(smtp.received.length, 1, "exactly one mail");
  const [mail] = smtp.received;
  assert.match(mail?.subject ?? "", /ご注文ありがとうございます/);
  assert.ok(mail?.subject.includes(`ショップ${seq - 1}`) || mail?.subject.includes("ショップ"));
  assert.ok(mail?.text.includes(order.mallOrderNumber), "the order number is in the body");
  assert.ok(mail?.text.includes("佐藤 花子"), "the buyer's name");
  assert.ok(mail?.text.includes("白いマグカップ"), "the items table");
  assert.equal(mail?.to, "hanako@example.com");
  const [logged] = await shop.mailsOf(order.id);
  assert.equal(logged?.status, "sent");
  const events = (await shop.as("GET", `/api/orders/${order.id}`)).body.events as { type: string }[];
  assert.ok(events.some((e) => e.type === "mail_queued") && events.some((e) => e.type === "mail_sent"));
});

test("SMTP down, then up: the mail is retried and arrives exactly once", async () => {
  const shop = await shopSending(["thanks"]);
  await smtp.stop();
  const order = await shop.order();
  while ((await dispatchMailTriggers(t.ctx)) > 0);
  await assert.rejects(t.runDueJobs("send-mail"), "a server that is down fails the job for a retry");
  const [waiting] = await shop.mailsOf(order.id);
  assert.equal(waiting?.status, "queued");
  assert.equal(waiting?.attempts, 1);
  await smtp.start();
  await t.database.db.execute(
    "update pgboss.job set start_after = now() where name = 'send-mail' and state = 'retry'",
  );
  assert.equal(await t.runDueJobs("send-mail"), 1);
  await deliver();
  assert.equal(smtp.received.length, 1);
  assert.equal((await shop.mailsOf(order.id))[0]?.status, "sent");
});

test("two senders at once send one mail", async () => {
  const shop = await shopSending(["thanks"]);
  const order = await shop.order();
  while ((await dispatchMailTriggers(t.ctx)) > 0);
  const [queued] = (await t.api("GET", `/api/mails?orderId=${order.id}`, undefined, shop.account.apiToken))
    .body.items;
  const { sendMail } = await import("./send-mail.ts");
  await Promise.all([sendMail(t.ctx, queued.id), sendMail(t.ctx, queued.id), sendMail(t.ctx, queued.id)]);
  assert.equal(smtp.received.length, 1);
});

test("出荷メール per shipment at 出荷済 carries the carrier, tracking number and URL", async () => {
  const shop = await shopSending(["shipping"]);
  const order = await shop.order();
  const [shipment] = order.shipments;
  assert.ok(shipment);
  assert.equal(
    (await shop.as("POST", `/api/orders/${order.id}/shipments/${shipment.id}/request`)).status,
    202,
  );
  await t.runDueJobs("shipment-request");
  const warehouseId = (await shop.as("GET", "/api/warehouses")).body.items[0].id;
  await recordWarehouseResults(t.ctx, warehouseId, [
    {
      warehouseReference: shipment.slipNumber,
      slipNumber: shipment.slipNumber,
      outcome: "shipped",
      shippedOn: "2030-01-15",
      parcels: [{ carrier: "yamato", trackingNumber: "123456789012" }],
    },
  ]);
  await deliver();
  assert.equal(smtp.received.length, 1);
  const text = smtp.received[0]?.text ?? "";
  assert.ok(text.includes("ヤマト運輸") && text.includes("123456789012"), text);
  assert.ok(text.includes("kuronekoyamato.co.jp"), "the tracking URL");
});

test("キャンセル完了メール at キャンセル; フォローアップ 5 days after 完了 only once the days have passed", async () => {
  const cancelling = await shopSending(["cancelled"]);
  const cancelled = await cancelling.order();
  assert.equal((await cancelling.as("POST", `/api/orders/${cancelled.id}/cancel`, {})).status, 200);
  await deliver();
  assert.equal(smtp.received.length, 1);
  assert.match(smtp.received[0]?.subject ?? "", /キャンセル/);

  smtp.received.length = 0;
  const following = await shopSending(["follow_up"]);
  const order = await following.order();
  const [shipment] = order.shipments;
  assert.ok(shipment);
  await following.as("POST", `/api/orders/${order.id}/shipments/${shipment.id}/request`);
  await t.runDueJobs("shipment-request");
  const warehouseId = (await following.as("GET", "/api/warehouses")).body.items[0].id;
  await recordWarehouseResults(t.ctx, warehouseId, [
    {
      warehouseReference: shipment.slipNumber,
      slipNumber: shipment.slipNumber,
      outcome: "shipped",
      shippedOn: "2030-01-15",
      parcels: [{ carrier: "sagawa", trackingNumber: "987654321098" }],
    },
  ]);
  await t.runDueJobs("mall-report-shipping");
  assert.equal((await following.as("GET", `/api/orders/${order.id}`)).body.status, "completed");
  await deliver();
  assert.equal(smtp.received.length, 0, "not before the 5 days");
  const [planned] = await following.mailsOf(order.id);
  assert.equal(planned?.status, "queued");
  t.clock.advance(5 * 24 * 60 * 60_000 + 60_000);
  await deliver();
  assert.equal(smtp.received.length, 1, "sent once the delay is over");
});

test("no SMTP anywhere: the mail is kept in the log, rendered, clearly not sent", async () => {
  const shop = await shopSending(["thanks"], { smtp: false });
  const order = await shop.order();
  await deliver();
  assert.equal(smtp.received.length, 0);
  const [kept] = await shop.mailsOf(order.id);
  assert.equal(kept?.status, "kept");
  assert.match(kept?.note ?? "", /SMTPが未設定/);
  assert.ok(kept?.body?.includes(order.mallOrderNumber), "the rendered text is kept");
});

test("a template with an unknown placeholder is refused at save time with the valid ones", async () => {
  const shop = await shopSending([]);
  const category = await shop.as("POST", "/api/mail-categories", {
    name: "テスト",
    triggerKind: "order_status",
    triggerStatus: "confirmed",
  });
  assert.equal(category.status, 201, JSON.stringify(category.body));
  const refused = await shop.as("POST", "/api/mail-templates", {
    name: "誤り",
    categoryId: category.body.id,
    subject: "{{注文番号}}",
    body: "{{存在しない項目}} 様",
  });
  assert.equal(refused.status, 422);
  const [error] = refused.body.errors;
  assert.equal(error.path, "body");
  assert.match(error.message, /存在しない項目/);
  assert.match(error.message, /注文番号/, "the valid placeholders are listed");
  const badStatus = await shop.as("POST", "/api/mail-categories", {
    name: "誤り",
    triggerKind: "order_status",
    triggerStatus: "shipped_out",
  });
  assert.equal(badStatus.status, 422);
});

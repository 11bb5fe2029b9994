import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "#test/app.ts";
import { orderBody } from "#test/catalog-api.ts";
import { startSmtpServer } from "#test/smtp.ts";
import { dispatchMailTriggers } from "./dispatch-mails.ts";
import { SEND_LEASE_MS, sendMail } from "./send-mail.ts";

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let shopRelay: Awaited<ReturnType<typeof startSmtpServer>>;

before(async () => {
  t = await startTestApp();
  smtp = await startSmtpServer();
  shopRelay = await startSmtpServer({ auth: { username: "rmail", password: "relay-pass" } });
});
after(async () => {
  await t.close();
  await smtp.close();
  await shopRelay.close();
});

let seq = 0;
const from = { fromAddress: "shop@example.jp", fromName: "テスト商店" };

async function account() {
  const a = await t.newAccount();
  const as = (method: string, path: string, body?: unknown) => t.api(method, path, body, a.apiToken);
  const shopId = (await as("POST", "/api/shops", { channel: "manual", name: `ショップ${++seq}` })).body
    .id as string;
  await as("PUT", "/api/mail-transport", { ...smtp.settings, ...from });
  const product = async (sku: string) => {
    const id = (await as("POST", "/api/products", { sku: `${sku}-${seq}`, name: sku })).body.id as string;
    await as("POST", `/api/products/${id}/stock`, { onHand: 100 });
    await as("POST", "/api/product-mappings", {
      shopId,
      mallItemCode: sku,
      components: [{ productId: id, quantity: 1 }],
    });
    return id;
  };
  const order = async (item: string, email = "hanako@example.com") => {
    const body = orderBody(shopId, `DLV-${++seq}`, [{ mallItemCode: item, quantity: 1 }], { paid: true });
    const res = await as("POST", "/api/orders", { ...body, buyer: { ...body.buyer, email } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  };
  const mailsOf = async (orderId: string) => (await as("GET", `/api/mails?orderId=${orderId}`)).body.items;
  return { as, shopId, product, order, mailsOf };
}

async function deliver() {
  while ((await dispatchMailTriggers(t.ctx)) > 0);
  return t.runDueJobs("send-mail");
}

test("特定商品のサンクスメール goes only to orders with that product", async () => {
  const a = await account();
  const tea = await a.product("tea");
  await a.product("mug");
  const category = await a.as("POST", "/api/mail-categories", {
    name: "お茶を買った方へ",
    triggerKind: "order_status",
    triggerStatus: "confirmed",
    productId: tea,
  });
  const template = await a.as("POST", "/api/mail-templates", {
    name: "お茶のサンクス",
    categoryId: category.body.id,
    subject: "【{{ショップ名}}】お茶の淹れ方のご案内",
    body: "{{購入者名}} 様\n{{商品明細}}",
  });
  assert.equal(template.status, 201, JSON.stringify(template.body));
  await a.as("PUT", `/api/shops/${a.shopId}/mail-settings`, {
    items: [{ categoryId: category.body.id, enabled: true, templateId: template.body.id }],
  });
  const withTea = await a.order("tea");
  const withoutTea = await a.order("mug");
  smtp.received.length = 0;
  await deliver();
  assert.equal(smtp.received.length, 1);
  assert.match(smtp.received[0]?.subject ?? "", /お茶の淹れ方/);
  assert.equal((await a.mailsOf(withTea)).length, 1);
  assert.equal((await a.mailsOf(withoutTea)).length, 0, "not a mail at all for the other order");
});

test("the product's own thanks mail replaces the ordinary one; with two products, the higher priority", async () => {
  const a = await account();
  const tea = await a.product("tea");
  const cup = await a.product("cup");
  await a.product("mug");
  const items = [];
  for (const key of ["thanks", "product_thanks"]) {
    const copied = await a.as("POST", `/api/mail-templates/standard/${key}/copy`);
    items.push({ categoryId: copied.body.categoryId, enabled: true, templateId: copied.body.templateId });
  }
  const [ordinary, teaMail] = items;
  const categories = (await a.as("GET", "/api/mail-categories")).body.items as { id: string; name: string }[];
  const teaCategory = categories.find((c) => c.id === teaMail?.categoryId);
  const set = await a.as("PATCH", `/api/mail-categories/${teaMail?.categoryId}`, {
    name: teaCategory?.name,
    triggerKind: "order_status",
    triggerStatus: "confirmed",
    productId: tea,
  });
  assert.equal(set.status, 200, JSON.stringify(set.body));
  const cupCategory = await a.as("POST", "/api/mail-categories", {
    name: "カップを買った方へ",
    triggerKind: "order_status",
    triggerStatus: "confirmed",
    productId: cup,
    priority: 5,
  });
  assert.equal(cupCategory.status, 201, JSON.stringify(cupCategory.body));
  assert.equal(cupCategory.body.priority, 5);
  const cupTemplate = await a.as("POST", "/api/mail-templates", {
    name: "カップのサンクス",
    categoryId: cupCategory.body.id,
    subject: "【{{ショップ名}}】カップのお手入れ",
    body: "{{購入者名}} 様",
  });
  items.push({ categoryId: cupCategory.body.id, enabled: true, templateId: cupTemplate.body.id });
  await a.as("PUT", `/api/shops/${a.shopId}/mail-settings`, { items });

  const withTea = await a.order("tea");
  const withMug = await a.order("mug");
  const teaAndCup = await a.as(
    "POST",
    "/api/orders",
    orderBody(
      a.shopId,
      `DLV-${++seq}`,
      [
        { mallItemCode: "tea", quantity: 1 },
        { mallItemCode: "cup", quantity: 1 },
      ],
      { paid: true },
    ),
  );
  await deliver();
  const categoryOf = async (orderId: string) =>
    ((await a.mailsOf(orderId)) as { categoryId: string }[]).map((m) => m.categoryId);
  assert.deepEqual(await categoryOf(withTea), [teaMail?.categoryId], "one thanks mail, the tea's own");
  assert.deepEqual(await categoryOf(withMug), [ordinary?.categoryId], "the ordinary one for the others");
  assert.deepEqual(await categoryOf(teaAndCup.body.id), [cupCategory.body.id], "priority 5 beats 0");
});

test("a shop's own SMTP (あんしんメルアド relay, with auth) takes precedence over the account's", async () => {
  const a = await account();
  await a.product("mug");
  const saved = await a.as("PUT", `/api/shops/${a.shopId}/mail-transport`, {
    ...shopRelay.settings,
    username: "rmail",
    password: "relay-pass",
    ...from,
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.equal(saved.body.transport.hasPassword, true);
  assert.equal(saved.body.transport.password, undefined, "the password is never answered");
  const copied = await a.as("POST", "/api/mail-templates/standard/thanks/copy");
  await a.as("PUT", `/api/shops/${a.shopId}/mail-settings`, {
    items: [{ categoryId: copied.body.categoryId, enabled: true, templateId: copied.body.templateId }],
  });
  smtp.received.length = 0;
  await a.order("mug");
  await deliver();
  assert.equal(shopRelay.received.length, 1, "through the shop's relay");
  assert.equal(smtp.received.length, 0);
});

test("a crash between SMTP's yes and the record: no resend while the claim is fresh, one resend after its lease (same Message-ID)", async () => {
  const a = await account();
  await a.product("mug");
  const copied = await a.as("POST", "/api/mail-templates/standard/thanks/copy");
  await a.as("PUT", `/api/shops/${a.shopId}/mail-settings`, {
    items: [{ categoryId: copied.body.categoryId, enabled: true, templateId: copied.body.templateId }],
  });
  // The failure is real: the database refuses the "sent" record of this one mail.
  await t.database.db.execute(`
    create function refuse_sent() returns trigger language plpgsql as $$
    begin
      if new.status = 'sent' and new.to_address = 'crash@example.com' then raise exception 'process killed'; end if;
      return new;
    end $$`);
  await t.database.db.execute(
    "create trigger refuse_sent before update on mails for each row execute function refuse_sent()",
  );
  const orderId = await a.order("mug", "crash@example.com");
  while ((await dispatchMailTriggers(t.ctx)) > 0);
  const [mail] = await a.mailsOf(orderId);
  smtp.received.length = 0;
  await assert.rejects(sendMail(t.ctx, mail.id), (e: Error) => String(e.cause).includes("process killed"));
  assert.equal(smtp.received.length, 1, "the server took it");
  assert.equal((await a.mailsOf(orderId))[0].status, "sending");

  await sendMail(t.ctx, mail.id);
  assert.equal(smtp.received.length, 1, "a retry inside the lease sends nothing");

  await t.database.db.execute("drop trigger refuse_sent on mails");
  t.clock.advance(SEND_LEASE_MS + 1000);
  await sendMail(t.ctx, mail.id);
  assert.equal(smtp.received.length, 2, "the residual window: sent again after the lease");
  assert.equal(smtp.received[1]?.messageId, smtp.received[0]?.messageId, "as the same message");
  const [settled] = await a.mailsOf(orderId);
  assert.equal(settled.status, "sent");
  assert.equal(settled.attempts, 2);
});

test("resend: a new log row pointing at the first, sent once more on purpose", async () => {
  const a = await account();
  await a.product("mug");
  const copied = await a.as("POST", "/api/mail-templates/standard/thanks/copy");
  await a.as("PUT", `/api/shops/${a.shopId}/mail-settings`, {
    items: [{ categoryId: copied.body.categoryId, enabled: true, templateId: copied.body.templateId }],
  });
  const orderId = await a.order("mug");
  await deliver();
  const [first] = await a.mailsOf(orderId);
  smtp.received.length = 0;
  const resent = await a.as("POST", `/api/mails/${first.id}/resend`);
  assert.equal(resent.status, 202);
  await deliver();
  assert.equal(smtp.received.length, 1);
  const rows = await a.mailsOf(orderId);
  assert.equal(rows.length, 2);
  assert.ok(rows.some((m: { resendOf: string | null }) => m.resendOf === first.id));
});

test("a 5xx refusal fails the mail at once; a delayed mail of an order cancelled meanwhile is skipped, with why", async () => {
  const a = await account();
  await a.product("mug");
  const copied = await a.as("POST", "/api/mail-templates/standard/thanks/copy");
  await a.as("PUT", `/api/shops/${a.shopId}/mail-settings`, {
    items: [{ categoryId: copied.body.categoryId, enabled: true, templateId: copied.body.templateId }],
  });
  smtp.failNext(1, 550);
  const refused = await a.order("mug");
  await deliver();
  const [failed] = await a.mailsOf(refused);
  assert.equal(failed.status, "failed", "550 is final: no retry");
  assert.match(failed.lastError, /mail\.rejected/);
  const events = (await a.as("GET", `/api/orders/${refused}`)).body.events as { type: string }[];
  assert.ok(events.some((e) => e.type === "mail_failed"));

  // サンクスメール one day after 確認済; the order is cancelled before the day is over.
  await a.as("PATCH", `/api/mail-categories/${copied.body.categoryId}`, {
    name: "サンクスメール",
    triggerKind: "order_status",
    triggerStatus: "confirmed",
    delayMinutes: 24 * 60,
  });
  const later = await a.order("mug");
  while ((await dispatchMailTriggers(t.ctx)) > 0);
  assert.equal((await a.as("POST", `/api/orders/${later}/cancel`, {})).status, 200);
  t.clock.advance(24 * 60 * 60_000 + 60_000);
  smtp.received.length = 0;
  await deliver();
  assert.equal(smtp.received.length, 0);
  const [skipped] = await a.mailsOf(later);
  assert.equal(skipped.status, "skipped");
  assert.match(skipped.note, /キャンセル/);
});

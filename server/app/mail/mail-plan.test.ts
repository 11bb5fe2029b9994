import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "#test/app.ts";
import { orderBody } from "#test/catalog-api.ts";
import { setAccountPlan } from "../account/set-account-plan.ts";
import { dispatchMailTriggers } from "./dispatch-mails.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

// biome-ignore lint/suspicious/noExplicitAny: tests read whatever the API answered.
type Loose = any;

test("an account whose plan lacks mail_automation gets no automatic mail: the mail is logged as skipped with the plan's reason", async () => {
  const shop = (await t.api("POST", "/api/shops", { channel: "manual", name: "メール店" })).body.id;
  const copied = (await t.api("POST", "/api/mail-templates/standard/cancelled/copy")).body;
  const items = [{ categoryId: copied.categoryId, enabled: true, templateId: copied.templateId }];
  assert.equal((await t.api("PUT", `/api/shops/${shop}/mail-settings`, { items })).status, 200);
  const cancelledOrder = async (number: string) => {
    const order = await t.api(
      "POST",
      "/api/orders",
      orderBody(shop, number, [{ mallItemCode: "x", quantity: 1 }]),
    );
    assert.equal(order.status, 201, JSON.stringify(order.body));
    assert.equal((await t.api("POST", `/api/orders/${order.body.id}/cancel`, {})).status, 200);
    while ((await dispatchMailTriggers(t.ctx)) > 0);
    const mails = (await t.api("GET", `/api/mails?orderId=${order.body.id}`)).body.items;
    const events = (await t.api("GET", `/api/orders/${order.body.id}`)).body.events;
    return { mails, events: events.map((e: Loose) => e.type) as string[] };
  };

  await setAccountPlan(t.ctx.db, { account: t.owner.accountId, plan: "light" });
  const held = await cancelledOrder("P-1");
  assert.equal(held.mails.length, 1, "the trigger is kept as a record, not lost");
  assert.equal(held.mails[0].status, "skipped");
  assert.match(
    held.mails[0].note,
    /メール自動送信は現在のプラン\(ライト\)に含まれていません.*スタンダード以上/,
  );
  assert.ok(held.events.includes("mail_skipped"), held.events.join());
  assert.equal((await t.queuedJobs("send-mail")).length, 0, "nothing queued to send");

  await setAccountPlan(t.ctx.db, { account: t.owner.accountId, plan: "standard" });
  const sent = await cancelledOrder("P-2");
  assert.equal(sent.mails[0].status, "queued");
  assert.ok(sent.events.includes("mail_queued"), sent.events.join());
  assert.equal((await t.queuedJobs("send-mail")).length, 1);
});

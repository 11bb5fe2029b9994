import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { tagOverduePayments } from "#server/app/orders/payment-overdue.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { newOrder, orderBody } from "#test/catalog-api.ts";

let t: TestApp;
let shopId: string;

before(async () => {
  t = await startTestApp();
  const shop = await t.api("POST", "/api/shops", {
    channel: "manual",
    name: "電話注文",
    settings: { paymentOverdueDays: 3 },
  });
  assert.equal(shop.status, 201, JSON.stringify(shop.body));
  assert.equal(shop.body.settings.paymentOverdueDays, 3);
  shopId = shop.body.id;
});
after(() => t.close());

const get = async (orderId: string) => (await t.api("GET", `/api/orders/${orderId}`)).body;
const codes = (order: { tags: { systemCode: string | null }[] }) => order.tags.map((x) => x.systemCode);
const days = (n: number) => n * 24 * 60 * 60_000;

test("住所エラー holds an order whose postal code is not in its prefecture, and says why", async () => {
  const body = orderBody(shopId, "ADDR-1", [{ mallItemCode: "x", quantity: 1 }]);
  const wrong = await newOrder(t, { ...body, shipTo: { ...body.shipTo, postalCode: "100-0001" } });
  assert.equal(wrong.status, "awaiting_confirmation");
  const tag = wrong.tags.find((x: { systemCode: string }) => x.systemCode === "address_error");
  assert.deepEqual([tag?.name, tag?.hold], ["住所エラー", true]);
  const why = wrong.events.find((e: { type: string }) => e.type === "address_error");
  assert.match(why.message, /郵便番号「100-0001」は東京都の番号です\(都道府県: 大阪府\)/);

  const right = await newOrder(t, orderBody(shopId, "ADDR-2", [{ mallItemCode: "x", quantity: 1 }]));
  assert.ok(!codes(right).includes("address_error"));
});

test("入金確認待ち超過: a prepaid order unpaid past the shop's days is tagged by the sweep, untagged when paid", async () => {
  const items = [{ mallItemCode: "x", quantity: 1 }];
  const unpaid = await newOrder(t, orderBody(shopId, "PAY-1", items, { paymentMethod: "bank_transfer" }));
  const paid = await newOrder(t, orderBody(shopId, "PAY-2", items, { paymentMethod: "bank_transfer" }));
  const card = await newOrder(t, orderBody(shopId, "PAY-3", items));
  assert.equal((await t.api("POST", `/api/orders/${paid.id}/payment`, {})).status, 200);

  t.clock.advance(days(2));
  assert.equal(await tagOverduePayments(t.ctx), 0, "not yet: 3 days");
  t.clock.advance(days(1) + 60_000);
  assert.equal(await tagOverduePayments(t.ctx), 1);
  assert.equal(await tagOverduePayments(t.ctx), 0, "once");
  const overdue = await get(unpaid.id);
  const tag = overdue.tags.find((x: { systemCode: string }) => x.systemCode === "payment_overdue");
  assert.deepEqual([tag?.name, tag?.hold], ["入金確認待ち超過", false]);
  assert.match(overdue.events.at(-1).message, /注文から3日たっても入金を確認できません/);
  assert.ok(!codes(await get(paid.id)).includes("payment_overdue"));
  assert.ok(!codes(await get(card.id)).includes("payment_overdue"));
  const found = await t.api("GET", `/api/orders?tag=${tag.id}`);
  assert.deepEqual(
    found.body.items.map((o: { id: string }) => o.id),
    [unpaid.id],
  );

  assert.equal((await t.api("POST", `/api/orders/${unpaid.id}/payment`, {})).status, 200);
  assert.ok(!codes(await get(unpaid.id)).includes("payment_overdue"));
  assert.equal(await tagOverduePayments(t.ctx), 0);
});

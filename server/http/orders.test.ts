import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "#test/app.ts";
import { orderBody } from "#test/catalog-api.ts";

let t: TestApp;
let manualShop: string;
let rakutenShop: string;

before(async () => {
  t = await startTestApp();
  manualShop = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
  rakutenShop = (await t.api("POST", "/api/shops", { channel: "rakuten", name: "楽天店" })).body.id;
});
after(() => t.close());

const order = (shopId: string, mallOrderNumber: string) =>
  orderBody(
    shopId,
    mallOrderNumber,
    [{ mallItemCode: "unknown-item", name: "謎の商品", unitPrice: 1200, quantity: 2 }],
    {
      shippingFee: 600,
    },
  );

test("a manual order with an unmapped item stops at 確認待 with the holding system tag", async () => {
  const res = await t.api("POST", "/api/orders", order(manualShop, "M-1"));
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.equal(res.body.status, "awaiting_confirmation");
  assert.equal(res.body.statusLabel, "確認待");
  assert.equal(res.body.total, 3000);
  assert.deepEqual(
    res.body.tags.map((x: { systemCode: string }) => x.systemCode),
    ["unmapped_item"],
  );
  assert.ok(res.body.allowedActions.includes("delete"));
  assert.deepEqual(
    res.body.events.map((e: { type: string }) => e.type),
    ["registered", "status_changed", "tag_attached"],
  );
  assert.match(res.body.orderedAt, /\+09:00$/);
});

test("a Rakuten order waits out its grace period in 新規受付 and cannot be cancelled there", async () => {
  const res = await t.api("POST", "/api/orders", order(rakutenShop, "R-1"));
  assert.equal(res.body.status, "new");
  const cancel = await t.api("POST", `/api/orders/${res.body.id}/cancel`, {});
  assert.equal(cancel.status, 409);
  assert.match(cancel.contentType, /application\/problem\+json/);
  assert.equal(cancel.body.code, "order.cancel_not_allowed");
  assert.equal(cancel.body.rule, "in_grace_period");
  // No job waits for it: the sweep over orders_grace_idx finds it once the period is over.
  assert.equal((await t.queuedJobs("grace-period-over")).length, 0);
  t.clock.advance(29 * 60_000);
  assert.equal(await t.runDueJobs("grace-period-over"), 0);
  t.clock.advance(60_000);
  assert.equal(await t.runDueJobs("grace-period-over"), 1);
  const after = await t.api("GET", `/api/orders/${res.body.id}`);
  assert.equal(after.body.status, "awaiting_confirmation");
});

test("a deleted order is hidden, found with includeDeleted, and its number is free for manual entry", async () => {
  const created = await t.api("POST", "/api/orders", order(manualShop, "M-DEL"));
  const del = await t.api("DELETE", `/api/orders/${created.body.id}`);
  assert.equal(del.status, 200);
  assert.equal(del.body.deleted, true);
  const list = await t.api("GET", "/api/orders?q=M-DEL");
  assert.equal(list.body.total, 0);
  const withDeleted = await t.api("GET", "/api/orders?q=m-del&includeDeleted=true");
  assert.equal(withDeleted.body.total, 1);
  const again = await t.api("POST", "/api/orders", order(manualShop, "M-DEL"));
  assert.equal(again.status, 201);
  const twice = await t.api("POST", "/api/orders", order(manualShop, "M-DEL"));
  assert.equal(twice.status, 409);
  assert.equal(twice.body.code, "order.mall_order_number_taken");
});

test("a cancelled number is refused for manual entry for good", async () => {
  const created = await t.api("POST", "/api/orders", order(manualShop, "M-CAN"));
  const cancel = await t.api("POST", `/api/orders/${created.body.id}/cancel`, { reason: "お客様都合" });
  assert.equal(cancel.status, 200);
  assert.equal(cancel.body.status, "cancelled");
  const again = await t.api("POST", "/api/orders", order(manualShop, "M-CAN"));
  assert.equal(again.status, 409);
  assert.equal(again.body.code, "order.mall_order_number_cancelled");
  assert.deepEqual(again.body.errors, [
    { path: "mallOrderNumber", message: "キャンセル済みの注文の番号です" },
  ]);
});

test("bad input is refused with every bad field named", async () => {
  const res = await t.api("POST", "/api/orders", {
    ...order(manualShop, "M-BAD"),
    items: [{ mallItemCode: "x", name: "x", unitPrice: -1, quantity: 0 }],
    shipTo: { name: "x", postalCode: "abc", prefecture: "東京", address1: "x", phone: "1" },
  });
  assert.equal(res.status, 422);
  assert.equal(res.body.code, "validation.failed");
  const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
  assert.deepEqual(paths, [
    "items.0.quantity",
    "items.0.unitPrice",
    "shipTo.phone",
    "shipTo.postalCode",
    "shipTo.prefecture",
  ]);
});

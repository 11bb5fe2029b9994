import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "#test/app.ts";
import { seedMappedProduct } from "#test/catalog.ts";
import { orderBody } from "#test/catalog-api.ts";

let t: TestApp;
let shopId: string;

before(async () => {
  t = await startTestApp();
  shopId = (
    await t.api("POST", "/api/shops", {
      channel: "rakuten",
      name: "楽天店",
      // 注文キャンセル時在庫戻し is off for a new shop; this shop says so.
      settings: { returnStockOnCancel: true },
    })
  ).body.id;
  await seedMappedProduct(t, {
    accountId: t.owner.accountId,
    shopId,
    mallItemCode: "tea-100",
    sku: "TEA-100",
    onHand: 10,
  });
});
after(() => t.close());

const register = async (mallOrderNumber: string, paymentMethod = "credit_card") =>
  (
    await t.api(
      "POST",
      "/api/orders",
      orderBody(
        shopId,
        mallOrderNumber,
        [{ mallItemCode: "tea-100", name: "煎茶 100g", unitPrice: 1500, quantity: 2 }],
        {
          paymentMethod,
        },
      ),
    )
  ).body;

const get = async (id: string) => (await t.api("GET", `/api/orders/${id}`)).body;

test("an order flows from 新規受付 to 出荷作業中 by itself: grace period, allocation, delayed request", async () => {
  const order = await register("R-FLOW-1");
  assert.equal(order.status, "new");
  assert.equal(order.shippingStatus, "allocating");

  t.clock.advance(30 * 60_000);
  assert.equal(await t.runDueJobs("grace-period-over"), 1);
  const ready = await get(order.id);
  assert.equal(ready.status, "awaiting_shipment");
  assert.equal(ready.shippingStatus, "awaiting_shipment");
  assert.deepEqual(ready.shipments[0].allocations, [
    { productId: ready.shipments[0].allocations[0].productId, required: 2, allocated: 2 },
  ]);
  assert.deepEqual(
    ready.events
      .filter((e: { type: string }) => e.type === "status_changed")
      .map((e: { toStatus: string }) => e.toStatus),
    ["awaiting_confirmation", "confirmed", "awaiting_shipment"],
  );

  t.clock.advance(4 * 60_000);
  assert.equal(await t.runDueJobs("shipment-request"), 0, "the request waits the shop's 5 minutes");
  t.clock.advance(60_000);
  assert.equal(await t.runDueJobs("shipment-request"), 1);
  const shipping = await get(order.id);
  assert.equal(shipping.status, "shipping");
  assert.equal(shipping.statusLabel, "出荷作業中");
  assert.equal(shipping.shippingStatus, "shipping");
  assert.ok(shipping.shipments[0].requestedAt);

  const cancel = await t.api("POST", `/api/orders/${order.id}/cancel`, {});
  assert.equal(cancel.status, 409);
  assert.equal(cancel.body.rule, "shipment_in_progress");
});

test("withdrawal: 出荷不可 and the withdrawn tag, never an automatic cancel; then cancel or request again", async () => {
  const first = await register("R-WD-1");
  const second = await register("R-WD-2");
  t.clock.advance(31 * 60_000);
  await t.runDueJobs("grace-period-over");
  t.clock.advance(5 * 60_000);
  assert.equal(await t.runDueJobs("shipment-request"), 2);

  for (const order of [first, second]) {
    const shipmentId = (await get(order.id)).shipments[0].id;
    const res = await t.api("POST", `/api/orders/${order.id}/shipments/${shipmentId}/withdraw`);
    assert.equal(res.status, 200);
    assert.equal(res.body.status, "shipping", "a withdrawal never cancels the order");
    assert.equal(res.body.shippingStatus, "unshippable");
    assert.deepEqual(
      res.body.tags.map((x: { systemCode: string }) => x.systemCode),
      ["withdrawn"],
    );
    assert.ok(res.body.allowedActions.includes("cancel"));
    const again = await t.api("POST", `/api/orders/${order.id}/shipments/${shipmentId}/withdraw`);
    assert.equal(again.status, 409);
    assert.equal(again.body.code, "shipment.withdraw_not_allowed");
  }

  const cancelled = await t.api("POST", `/api/orders/${first.id}/cancel`, { reason: "お客様都合" });
  assert.equal(cancelled.body.status, "cancelled");
  assert.equal(cancelled.body.shippingStatus, "cancelled");

  const shipmentId = (await get(second.id)).shipments[0].id;
  const requested = await t.api("POST", `/api/orders/${second.id}/shipments/${shipmentId}/request`);
  assert.equal(requested.status, 202);
  assert.equal(await t.runDueJobs("shipment-request"), 1);
  const back = await get(second.id);
  assert.equal(back.shippingStatus, "shipping");
  assert.deepEqual(back.tags, [], "the accepted re-request clears the withdrawn notice");
});

test("a cancel in 出荷待ち releases the stock when the shop says so", async () => {
  const order = await register("R-REL-1");
  t.clock.advance(31 * 60_000);
  await t.runDueJobs("grace-period-over");
  const ready = await get(order.id);
  assert.equal(ready.status, "awaiting_shipment");
  const cancelled = await t.api("POST", `/api/orders/${order.id}/cancel`);
  assert.equal(cancelled.status, 200);
  assert.deepEqual(cancelled.body.shipments[0].allocations, []);
  assert.ok(!cancelled.body.allowedActions.includes("cancel"));
  const second = await t.api("POST", `/api/orders/${order.id}/cancel`);
  assert.equal(second.body.rule, "already_cancelled");
  // The shipment-request job that was due for it finds nothing to send.
  t.clock.advance(10 * 60_000);
  await t.runDueJobs("shipment-request");
  assert.equal((await get(order.id)).status, "cancelled");
});

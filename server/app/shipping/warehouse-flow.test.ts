import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { TestApp } from "#test/app.ts";
import { type SandboxControl, sku } from "#test/rakuten.ts";
import { connectRslShop, type RslControl, startWarehouseTestApp } from "#test/rsl.ts";
import { runShopImport } from "../channels/import-shop.ts";

let app: TestApp;
let mall: SandboxControl;
let warehouse: RslControl;
let close: () => Promise<void>;

before(async () => {
  ({ app, mall, warehouse, close } = await startWarehouseTestApp());
});
after(() => close());

const minutes = (n: number) => n * 60_000;
const detail = async (id: string) => (await app.api("GET", `/api/orders/${id}`)).body;

/** A Rakuten shop shipping from RSL, a mapped product with stock there, and one order imported and due. */
async function orderAtWarehouse(units = 2) {
  const shop = await connectRslShop(app, mall, warehouse);
  const product = await app.api("POST", "/api/products", {
    sku: `MUG-${shop.mallShopId}`,
    name: "マグカップ",
  });
  await app.api("POST", `/api/products/${product.body.id}/stock`, {
    warehouseId: shop.warehouseId,
    onHand: 10,
  });
  await app.api("POST", "/api/product-mappings", {
    shopId: shop.shopId,
    mallItemCode: "mug",
    components: [{ productId: product.body.id, quantity: 1 }],
  });
  const placed = await mall.placeOrder(shop.mallShopId, {
    packages: [{ items: [sku("mug", "white", 1500, units)] }],
  });
  await runShopImport(app.ctx, shop.shopId);
  app.clock.advance(minutes(31));
  await app.runDueJobs("grace-period-over");
  await app.runDueJobs("mall-confirm-order");
  const list = await app.api("GET", `/api/orders?shopId=${shop.shopId}`);
  const orderId = list.body.items[0].id as string;
  return { ...shop, orderId, mallOrderNumber: placed.orderNumber, productId: product.body.id as string };
}

test("出荷待ち → RSL request once → 出荷作業中 → results → 全出荷済 → updateOrderShipping → 完了", async () => {
  const { orderId, mallOrderNumber, merchantId, warehouseId, productId } = await orderAtWarehouse();
  assert.equal((await detail(orderId)).status, "awaiting_shipment");

  app.clock.advance(minutes(5));
  assert.equal(await app.runDueJobs("shipment-request"), 1);
  const shipping = await detail(orderId);
  assert.equal(shipping.status, "shipping");
  const [shipment] = shipping.shipments;
  assert.equal(shipment.status, "shipping");
  assert.match(shipment.warehouseReference, /^RSL-\d{8}-\d{6}$/);
  assert.ok(shipment.plannedShipDate);
  const requests = (await warehouse.requests(merchantId)).items;
  assert.equal(requests.length, 1, "one request at the warehouse");
  assert.deepEqual(requests[0]?.orderNumbers, [mallOrderNumber]);

  // Nothing yet: RSL picks after an hour and ships two hours later.
  const early = await app.api("POST", `/api/warehouses/${warehouseId}/poll-results`);
  assert.equal(early.body.results, 0);
  app.clock.advance(minutes(200));
  const polled = await app.api("POST", `/api/warehouses/${warehouseId}/poll-results`);
  assert.equal(polled.body.results, 1);
  const shipped = await detail(orderId);
  assert.equal(shipped.status, "shipped");
  const atRsl = (await app.api("GET", `/api/products/${productId}`)).body.stock.find(
    (s: { warehouseId: string }) => s.warehouseId === warehouseId,
  );
  assert.deepEqual([atRsl.onHand, atRsl.allocated], [8, 0], "the two shipped mugs left RSL's stock");
  assert.equal(shipped.shipments[0].parcels[0].carrier, "japanpost");
  assert.match(shipped.shipments[0].trackingNumber, /^\d{12}$/);
  assert.ok(shipped.shipments[0].parcels[0].trackingUrl.includes("japanpost"));

  assert.equal(await app.runDueJobs("mall-report-shipping"), 1);
  const done = await detail(orderId);
  assert.equal(done.status, "completed");
  const atMall = await mall.view(mallOrderNumber);
  const shippings = atMall.order.PackageModelList[0].ShippingModelList;
  assert.equal(shippings.length, 1);
  assert.equal(
    shippings[0].deliveryCompany,
    "1029",
    "日本郵便 楽天倉庫出荷: Japan Post from Rakuten's warehouse",
  );
  assert.equal(shippings[0].shippingNumber, shipped.shipments[0].trackingNumber);
  assert.equal(String(shippings[0].shippingDetailId), done.shipments[0].parcels[0].mallShippingId);

  // Reading the same results again (a crash before the cursor was saved) changes nothing.
  await app.database.db.execute(`update warehouses set results_cursor = null where id = '${warehouseId}'`);
  await app.api("POST", `/api/warehouses/${warehouseId}/poll-results`);
  assert.equal((await detail(orderId)).events.length, done.events.length);
});

test("the request is booked once when RSL's answer is lost, and the retry gets the same request", async () => {
  const { orderId, merchantId } = await orderAtWarehouse();
  app.clock.advance(minutes(5));
  await warehouse.fault({ path: "/api/v1/shipment-requests", status: 503, processed: true });
  await assert.rejects(app.runDueJobs("shipment-request"));
  assert.equal((await detail(orderId)).status, "awaiting_shipment");
  await app.database.db.execute("update pgboss.job set start_after = now() where name = 'shipment-request'");
  assert.equal(await app.runDueJobs("shipment-request"), 1);
  assert.equal((await detail(orderId)).status, "shipping");
  assert.equal((await warehouse.requests(merchantId)).items.length, 1, "exactly one request at RSL");
});

test("出荷不可 (欠品) from RSL: tagged, timeline says why; a re-request after the fix goes again", async () => {
  const { orderId, warehouseId } = await orderAtWarehouse();
  app.clock.advance(minutes(5));
  await app.runDueJobs("shipment-request");
  const requestId = (await detail(orderId)).shipments[0].warehouseReference;
  await warehouse.unshippable(requestId, "欠品(SKU MUG が 2 個不足)");
  await app.api("POST", `/api/warehouses/${warehouseId}/poll-results`);
  const stopped = await detail(orderId);
  assert.equal(stopped.shipments[0].status, "unshippable");
  assert.match(stopped.shipments[0].unshippableReason, /欠品/);
  assert.ok(stopped.tags.some((t: { systemCode: string }) => t.systemCode === "warehouse_unshippable"));
  assert.ok(stopped.allowedActions.includes("cancel"), "出荷不可 may be cancelled");

  const again = await app.api("POST", `/api/orders/${orderId}/shipments/${stopped.shipments[0].id}/request`);
  assert.equal(again.status, 202);
  await app.runDueJobs("shipment-request");
  const resent = await detail(orderId);
  assert.equal(resent.shipments[0].status, "shipping");
  assert.notEqual(resent.shipments[0].warehouseReference, requestId, "a new request, not the stopped one");
  assert.ok(!resent.tags.some((t: { systemCode: string }) => t.systemCode === "warehouse_unshippable"));
});

test("withdrawal before picking → 出荷不可 + withdrawn, not cancelled; refused once picking started", async () => {
  const first = await orderAtWarehouse();
  app.clock.advance(minutes(5));
  await app.runDueJobs("shipment-request");
  const shipmentId = (await detail(first.orderId)).shipments[0].id;
  const withdrawn = await app.api("POST", `/api/orders/${first.orderId}/shipments/${shipmentId}/withdraw`);
  assert.equal(withdrawn.status, 200);
  assert.equal(withdrawn.body.shipments[0].status, "unshippable");
  assert.notEqual(withdrawn.body.status, "cancelled");
  assert.ok(withdrawn.body.tags.some((t: { systemCode: string }) => t.systemCode === "withdrawn"));

  const second = await orderAtWarehouse();
  app.clock.advance(minutes(5));
  await app.runDueJobs("shipment-request");
  const picked = await detail(second.orderId);
  await warehouse.advance(picked.shipments[0].warehouseReference, "picking");
  const refused = await app.api(
    "POST",
    `/api/orders/${second.orderId}/shipments/${picked.shipments[0].id}/withdraw`,
  );
  assert.equal(refused.status, 409);
  assert.equal(refused.body.code, "shipment.withdraw_refused");
  assert.equal(refused.body.rule, "E4001");
  assert.match(refused.body.detail, /ピッキング/);
  const still = await detail(second.orderId);
  assert.equal(still.shipments[0].status, "shipping");
  assert.ok(still.events.some((e: { type: string }) => e.type === "withdrawal_refused"));
});

test("a cancel is reflected to the mall with its reason; a refusal leaves モール反映エラー; the warehouse warning", async () => {
  const { orderId, mallOrderNumber } = await orderAtWarehouse();
  const cancelled = await app.api("POST", `/api/orders/${orderId}/cancel`, { mallCancelReason: "rakuten:8" });
  assert.equal(cancelled.status, 200);
  assert.deepEqual(cancelled.body.warnings, [], "nothing had gone to the warehouse");
  assert.equal(await app.runDueJobs("mall-cancel-order"), 1);
  assert.ok([800, 900].includes((await mall.view(mallOrderNumber)).orderProgress));
  assert.ok(
    (await detail(orderId)).events.some((e: { message: string }) => e.message.includes("店舗都合: 欠品")),
  );

  // After a shipment request: RSL said 出荷不可, the order is cancelled, the warehouse is not told.
  const second = await orderAtWarehouse();
  app.clock.advance(minutes(5));
  await app.runDueJobs("shipment-request");
  const requested = await detail(second.orderId);
  await warehouse.unshippable(requested.shipments[0].warehouseReference, "破損");
  await app.api("POST", `/api/warehouses/${second.warehouseId}/poll-results`);
  await mall.fault({ path: "/es/2.0/order/cancelOrder", kind: "status503", times: 1 });
  const late = await app.api("POST", `/api/orders/${second.orderId}/cancel`, {});
  assert.equal(late.status, 200);
  assert.match(late.body.warnings[0], /倉庫にはキャンセルを自動で連絡していません/);
  await assert.rejects(app.runDueJobs("mall-cancel-order"), "a mall that is down fails the job for a retry");
  const flagged = await detail(second.orderId);
  assert.ok(flagged.tags.some((t: { systemCode: string }) => t.systemCode === "mall_reflection_error"));
  assert.ok(flagged.events.some((e: { type: string }) => e.type === "mall_reflection_error"));
  await app.database.db.execute("update pgboss.job set start_after = now() where name = 'mall-cancel-order'");
  assert.equal(await app.runDueJobs("mall-cancel-order"), 1, "the retry reaches the mall");
  assert.ok(
    (await detail(second.orderId)).events.some((e: { type: string }) => e.type === "mall_cancelled_by_juchu"),
  );
});

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
const BUYER = { familyName: "山田", firstName: "太郎", emailAddress: "taro@example.com" };
type Shipment = { id: string; status: string; warehouseReference: string; trackingNumber: string };

/** A Rakuten shop shipping from RSL, with "mug" and "tee" mapped to products in stock there. */
async function shopWithProducts(settings: Record<string, unknown> = {}) {
  const shop = await connectRslShop(app, mall, warehouse, settings);
  for (const code of ["mug", "tee"]) {
    const product = await app.api("POST", "/api/products", { sku: `${code}-${shop.mallShopId}`, name: code });
    await app.api("POST", `/api/products/${product.body.id}/stock`, {
      warehouseId: shop.warehouseId,
      onHand: 20,
    });
    await app.api("POST", "/api/product-mappings", {
      shopId: shop.shopId,
      mallItemCode: code,
      components: [{ productId: product.body.id, quantity: 1 }],
    });
  }
  return shop;
}

/** Orders placed at the mall, imported, past their grace period and confirmed: 出荷待ち, request due in 5 min. */
async function ordersDue(shop: { shopId: string; mallShopId: string }, bodies: Record<string, unknown>[]) {
  const numbers: string[] = [];
  for (const body of bodies) {
    numbers.push((await mall.placeOrder(shop.mallShopId, { buyer: BUYER, ...body })).orderNumber);
    app.clock.advance(minutes(1));
  }
  await runShopImport(app.ctx, shop.shopId);
  app.clock.advance(minutes(31));
  await app.runDueJobs("grace-period-over");
  await app.runDueJobs("mall-confirm-order");
  const list = (await app.api("GET", `/api/orders?shopId=${shop.shopId}&limit=100`)).body.items;
  const ids = numbers.map((n) => list.find((o: { mallOrderNumber: string }) => o.mallOrderNumber === n).id);
  return { numbers, ids: ids as string[] };
}

const items = (...lines: [string, number][]) => ({
  packages: [{ items: lines.map(([code, units]) => sku(code, "v", 1000, units)) }],
});

test("同梱: two orders of one buyer and address → one RSL request → both 全出荷済 → each reported → 完了", async () => {
  const shop = await shopWithProducts();
  const { numbers, ids } = await ordersDue(shop, [items(["mug", 2]), items(["mug", 1], ["tee", 3])]);
  for (const id of ids) assert.equal((await detail(id)).status, "awaiting_shipment");

  const candidates = await app.api("GET", "/api/shipments/merge-candidates");
  const group = candidates.body.groups.find((g: { orderId: string }[]) =>
    g.some((m) => m.orderId === ids[0]),
  );
  assert.deepEqual(
    group.map((m: { orderId: string }) => m.orderId),
    ids,
    "one group, oldest order first",
  );
  const merged = await app.api("POST", "/api/shipments/merge", {
    shipmentIds: group.map((m: { shipmentId: string }) => m.shipmentId),
  });
  assert.equal(merged.status, 200, JSON.stringify(merged.body));
  assert.equal(merged.body.leadShipmentId, group[0].shipmentId);
  const member = await app.api("POST", `/api/orders/${ids[1]}/shipments/${group[1].shipmentId}/request`);
  assert.equal(member.status, 409, "a member goes with its lead, not on its own");
  assert.equal(member.body.rule, "consolidated_member");

  app.clock.advance(minutes(5));
  await app.runDueJobs("shipment-request");
  const requests = (await warehouse.requests(shop.merchantId)).items;
  assert.equal(requests.length, 1, "ONE request for the merged parcel");
  assert.deepEqual(requests[0]?.orderNumbers, numbers);
  const lines = Object.fromEntries(
    ((requests[0]?.lines ?? []) as { sku: string; quantity: number }[]).map((l) => [l.sku, l.quantity]),
  );
  assert.deepEqual(lines, { [`mug-${shop.mallShopId}`]: 3, [`tee-${shop.mallShopId}`]: 3 });
  const shipping = await Promise.all(ids.map(detail));
  for (const o of shipping) {
    assert.equal(o.status, "shipping");
    assert.equal(
      o.shipments[0].consolidationId,
      merged.body.leadShipmentId,
      "still merged after the request",
    );
    assert.ok(!o.events.some((e: { type: string }) => e.type === "consolidation_dissolved"));
  }

  await warehouse.advance(String(requests[0]?.requestId), "shipped");
  const polled = await app.api("POST", `/api/warehouses/${shop.warehouseId}/poll-results`);
  assert.equal(polled.body.results, 1);
  const shipped = await Promise.all(ids.map(detail));
  for (const o of shipped) assert.equal(o.status, "shipped");
  const tracking = shipped[0].shipments[0].trackingNumber;
  assert.match(tracking, /^\d{12}$/);
  assert.equal(shipped[1].shipments[0].trackingNumber, tracking);

  assert.equal(await app.runDueJobs("mall-report-shipping"), 2);
  for (const [i, id] of ids.entries()) {
    assert.equal((await detail(id)).status, "completed");
    const atMall = await mall.view(numbers[i] as string);
    const shippings = atMall.order.PackageModelList[0].ShippingModelList;
    assert.deepEqual(
      shippings.map((s: { shippingNumber: string }) => s.shippingNumber),
      [tracking],
      `mall order ${numbers[i]} has the parcel`,
    );
  }
});

test("同梱 waits for the latest member's delay: the lead's own earlier job does not send the others early", async () => {
  const shop = await shopWithProducts({ shipmentRequestDelayMinutes: 60 });
  const first = await ordersDue(shop, [items(["mug", 1])]); // due in 60 min
  const second = await ordersDue(shop, [items(["tee", 1])]); // confirmed 31 min later, due in 60 min
  const ids = [...first.ids, ...second.ids];
  const shipmentIds = await Promise.all(ids.map(async (id) => (await detail(id)).shipments[0].id));
  assert.equal((await app.api("POST", "/api/shipments/merge", { shipmentIds })).status, 200);

  app.clock.advance(minutes(30)); // the first order's own due time has passed, the second's has not
  await app.runDueJobs("shipment-request");
  assert.equal((await warehouse.requests(shop.merchantId)).items.length, 0, "nothing sent before the delay");
  for (const id of ids) assert.equal((await detail(id)).status, "awaiting_shipment");

  app.clock.advance(minutes(31));
  await app.runDueJobs("shipment-request");
  const requests = (await warehouse.requests(shop.merchantId)).items;
  assert.equal(requests.length, 1);
  assert.deepEqual(requests[0]?.orderNumbers, [...first.numbers, ...second.numbers]);
  for (const id of ids) assert.equal((await detail(id)).status, "shipping");
});

test("同梱 refused for a different address: 409 shipment.merge_not_allowed, rule different_destination", async () => {
  const shop = await shopWithProducts();
  const elsewhere = { packages: [{ ...items(["mug", 1]).packages[0], sender: { city: "札幌市中央区" } }] };
  const { ids } = await ordersDue(shop, [items(["mug", 1]), elsewhere]);
  const candidates = await app.api("GET", "/api/shipments/merge-candidates");
  assert.ok(
    !candidates.body.groups.some((g: { orderId: string }[]) => g.some((m) => ids.includes(m.orderId))),
    "not offered as a group",
  );
  const shipmentIds = await Promise.all(ids.map(async (id) => (await detail(id)).shipments[0].id));
  const refused = await app.api("POST", "/api/shipments/merge", { shipmentIds });
  assert.equal(refused.status, 409);
  assert.match(refused.contentType, /application\/problem\+json/);
  assert.equal(refused.body.code, "shipment.merge_not_allowed");
  assert.equal(refused.body.rule, "different_destination");
  for (const id of ids) assert.equal((await detail(id)).shipments[0].consolidationId, null);
});

test("分割出荷: two lines → two shipments, each with its share, requested apart; 全出荷済 only when both ship", async () => {
  const shop = await shopWithProducts();
  const { ids } = await ordersDue(shop, [items(["mug", 2], ["tee", 1])]);
  const orderId = ids[0] as string;
  const before = await detail(orderId);
  const [original] = before.shipments;
  const tee = before.items.find((i: { mallItemCode: string }) => i.mallItemCode === "tee");
  const split = await app.api("POST", `/api/orders/${orderId}/shipments/${original.id}/split`, {
    itemIds: [tee.id],
  });
  assert.equal(split.status, 200, JSON.stringify(split.body));
  assert.equal(split.body.shipments.length, 2);
  const moved = split.body.shipments.find((s: { id: string }) => s.id !== original.id);
  assert.equal(split.body.items.find((i: { id: string }) => i.id === tee.id).shipmentId, moved.id);
  const share = (s: { allocations: { required: number; allocated: number }[] }) =>
    s.allocations.map((a) => [a.required, a.allocated]);
  const kept = split.body.shipments.find((s: { id: string }) => s.id === original.id);
  assert.deepEqual(share(kept), [[2, 2]], "the mugs stay reserved for the first parcel");
  assert.deepEqual(share(moved), [[1, 1]], "the tee's unit moved with it");
  for (const s of split.body.shipments) assert.equal(s.status, "awaiting_shipment");

  app.clock.advance(minutes(5));
  await app.runDueJobs("shipment-request");
  const requests = (await warehouse.requests(shop.merchantId)).items;
  assert.equal(requests.length, 2, "each shipment requested on its own");
  const requested = await detail(orderId);
  assert.equal(requested.status, "shipping");
  const [first, second] = requested.shipments as Shipment[];
  assert.notEqual(first?.warehouseReference, second?.warehouseReference);

  await warehouse.advance(String(first?.warehouseReference), "shipped");
  await app.api("POST", `/api/warehouses/${shop.warehouseId}/poll-results`);
  const half = await detail(orderId);
  assert.equal(half.status, "shipping", "one parcel out: still 出荷作業中");
  assert.deepEqual(half.shipments.map((s: Shipment) => s.status).sort(), ["shipped", "shipping"]);
  assert.equal(await app.runDueJobs("mall-report-shipping"), 0);

  await warehouse.advance(String(second?.warehouseReference), "shipped");
  await app.api("POST", `/api/warehouses/${shop.warehouseId}/poll-results`);
  assert.equal((await detail(orderId)).status, "shipped");
});

test("分割 refused once the shipment was requested (rule shipment_already_requested)", async () => {
  const shop = await shopWithProducts();
  const { ids } = await ordersDue(shop, [items(["mug", 1], ["tee", 1])]);
  app.clock.advance(minutes(5));
  await app.runDueJobs("shipment-request");
  const order = await detail(ids[0] as string);
  assert.equal(order.shipments[0].status, "shipping");
  const refused = await app.api("POST", `/api/orders/${order.id}/shipments/${order.shipments[0].id}/split`, {
    itemIds: [order.items[1].id],
  });
  assert.equal(refused.status, 409);
  assert.equal(refused.body.code, "shipment.split_not_allowed");
  assert.equal(refused.body.rule, "shipment_already_requested");
  assert.equal((await detail(order.id)).shipments.length, 1);
});

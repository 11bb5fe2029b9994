import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "#test/app.ts";
import { mapItem, newOrder, newProduct, orderBody, stockOf } from "#test/catalog-api.ts";

let t: TestApp;
let shopId: string;
let keepStockShopId: string;

before(async () => {
  t = await startTestApp();
  shopId = (
    await t.api("POST", "/api/shops", {
      channel: "manual",
      name: "電話注文",
      // 注文キャンセル時在庫戻し is off for a new shop; this one gives the stock back.
      settings: { returnStockOnCancel: true },
    })
  ).body.id;
  keepStockShopId = (
    await t.api("POST", "/api/shops", {
      channel: "manual",
      name: "在庫を戻さない店",
      settings: { returnStockOnCancel: false },
    })
  ).body.id;
});
after(() => t.close());

const get = async (orderId: string) => (await t.api("GET", `/api/orders/${orderId}`)).body;
const addStock = (productId: string, delta: number) =>
  t.api("POST", `/api/products/${productId}/stock`, { delta });
const requestJobsFor = async (shipmentId: string) =>
  (await t.queuedJobs("shipment-request")).filter((j) => j.data.shipmentId === shipmentId);

/** A product mapped from a mall item of the same name. */
async function mapped(code: string, onHand: number, shop = shopId) {
  const id = await newProduct(t, code.toUpperCase(), onHand);
  await mapItem(t, shop, code, [{ productId: id, quantity: 1 }]);
  return id;
}

test("a short order holds what there is, then arriving stock completes it and it moves to 出荷待ち", async () => {
  const p = await mapped("short-tea", 1);
  const order = await newOrder(t, orderBody(shopId, "SHORT-1", [{ mallItemCode: "short-tea", quantity: 3 }]));
  assert.equal(order.status, "confirmed");
  assert.equal(order.shippingStatus, "allocating");
  assert.deepEqual(order.waitingFor, ["在庫引当待ち"]);
  assert.deepEqual(order.shipments[0].allocations, [{ productId: p, required: 3, allocated: 1 }]);
  assert.deepEqual(await stockOf(t, p), { onHand: 1, allocated: 1, available: 0 });
  assert.deepEqual(await requestJobsFor(order.shipments[0].id), []);

  await addStock(p, 1);
  const still = await get(order.id);
  assert.equal(still.status, "confirmed");
  assert.equal(still.shipments[0].allocations[0].allocated, 2);

  const arrived = await addStock(p, 5);
  assert.equal(arrived.status, 200);
  assert.deepEqual(arrived.body.stock[0], {
    ...arrived.body.stock[0],
    onHand: 7,
    allocated: 3,
    available: 4,
  });
  const done = await get(order.id);
  assert.equal(done.status, "awaiting_shipment");
  assert.equal(done.shippingStatus, "awaiting_shipment");
  assert.deepEqual(done.waitingFor, []);
  assert.equal((await requestJobsFor(done.shipments[0].id)).length, 1);
});

test("the older order (by order date) gets scarce stock first, whatever the registration order", async () => {
  const p = await mapped("scarce", 0);
  const newer = await newOrder(
    t,
    orderBody(shopId, "SCARCE-NEW", [{ mallItemCode: "scarce", quantity: 1 }], {
      orderedAt: "2030-01-15T09:30:00+09:00",
    }),
  );
  const older = await newOrder(
    t,
    orderBody(shopId, "SCARCE-OLD", [{ mallItemCode: "scarce", quantity: 1 }], {
      orderedAt: "2030-01-14T18:00:00+09:00",
    }),
  );
  await t.api("POST", `/api/products/${p}/stock`, { onHand: 1 });
  assert.equal((await get(older.id)).status, "awaiting_shipment");
  const n = await get(newer.id);
  assert.equal(n.status, "confirmed");
  assert.deepEqual(n.waitingFor, ["在庫引当待ち"]);
  assert.deepEqual(await stockOf(t, p), { onHand: 1, allocated: 1, available: 0 });
});

test("a prepaid order allocated by arriving stock still waits for its payment", async () => {
  const p = await mapped("prepaid-item", 0);
  const order = await newOrder(
    t,
    orderBody(shopId, "PRE-1", [{ mallItemCode: "prepaid-item", quantity: 2 }], {
      paymentMethod: "bank_transfer",
    }),
  );
  assert.deepEqual(order.waitingFor, ["入金待ち", "在庫引当待ち"]);
  await addStock(p, 2);
  const allocated = await get(order.id);
  assert.equal(allocated.status, "confirmed");
  assert.equal(allocated.shippingStatus, "allocated");
  assert.deepEqual(allocated.waitingFor, ["入金待ち"]);
  const paid = await t.api("POST", `/api/orders/${order.id}/payment`, {});
  assert.equal(paid.body.status, "awaiting_shipment");
});

test("a cancel gives the stock back when the shop says so, and a waiting order gets it", async () => {
  const p = await mapped("returned", 1);
  const first = await newOrder(t, orderBody(shopId, "RET-1", [{ mallItemCode: "returned", quantity: 1 }]));
  const second = await newOrder(t, orderBody(shopId, "RET-2", [{ mallItemCode: "returned", quantity: 1 }]));
  assert.equal(first.status, "awaiting_shipment");
  assert.equal(second.status, "confirmed");

  const cancel = await t.api("POST", `/api/orders/${first.id}/cancel`, { reason: "お客様都合" });
  assert.equal(cancel.status, 200);
  assert.deepEqual(await stockOf(t, p), { onHand: 1, allocated: 0, available: 1 });
  assert.equal(await t.runDueJobs("allocate-waiting-orders"), 1);
  assert.equal((await get(second.id)).status, "awaiting_shipment");
  assert.deepEqual(await stockOf(t, p), { onHand: 1, allocated: 1, available: 0 });
});

test("with 在庫戻し off a cancel releases nothing", async () => {
  const p = await mapped("kept", 1, keepStockShopId);
  const first = await newOrder(
    t,
    orderBody(keepStockShopId, "KEEP-1", [{ mallItemCode: "kept", quantity: 1 }]),
  );
  const second = await newOrder(
    t,
    orderBody(keepStockShopId, "KEEP-2", [{ mallItemCode: "kept", quantity: 1 }]),
  );
  assert.equal(first.status, "awaiting_shipment");
  const cancel = await t.api("POST", `/api/orders/${first.id}/cancel`, {});
  assert.equal(cancel.body.status, "cancelled");
  assert.deepEqual(await stockOf(t, p), { onHand: 1, allocated: 1, available: 0 });
  assert.equal(await t.runDueJobs("allocate-waiting-orders"), 0);
  assert.equal((await get(second.id)).status, "confirmed");
});

test("orders short of stock carry 在庫不足 (no hold) until stock arrives or they are cancelled; 商品 shows what they need", async () => {
  const p = await mapped("wanted", 1);
  const a = await newOrder(t, orderBody(shopId, "WANT-1", [{ mallItemCode: "wanted", quantity: 3 }]));
  t.clock.advance(60_000); // ordered later: served after WANT-1
  const b = await newOrder(t, orderBody(shopId, "WANT-2", [{ mallItemCode: "wanted", quantity: 2 }]));
  const short = a.tags.find((x: { systemCode: string }) => x.systemCode === "stock_short");
  assert.deepEqual([short?.name, short?.hold], ["在庫不足", false]);
  assert.equal(a.status, "confirmed");
  const line = (await t.api("GET", `/api/products/${p}`)).body.stock[0];
  assert.deepEqual([line.available, line.waitingNeed], [0, 4]);
  const found = await t.api("GET", `/api/orders?tag=${short.id}&limit=500`);
  const numbers = found.body.items.map((o: { mallOrderNumber: string }) => o.mallOrderNumber);
  assert.ok(numbers.includes("WANT-1") && numbers.includes("WANT-2"), JSON.stringify(numbers));

  await addStock(p, 2);
  const served = await get(a.id);
  assert.equal(served.status, "awaiting_shipment");
  assert.ok(!served.tags.some((x: { systemCode: string }) => x.systemCode === "stock_short"));
  assert.ok((await get(b.id)).tags.some((x: { systemCode: string }) => x.systemCode === "stock_short"));
  assert.equal((await t.api("POST", `/api/orders/${b.id}/cancel`, {})).status, 200);
  assert.ok(!(await get(b.id)).tags.some((x: { systemCode: string }) => x.systemCode === "stock_short"));
  assert.equal((await t.api("GET", `/api/products/${p}`)).body.stock[0].waitingNeed, 0);
});

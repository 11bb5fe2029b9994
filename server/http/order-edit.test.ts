import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "#test/app.ts";
import { mapItem, newOrder, newProduct, orderBody, stockOf } from "#test/catalog-api.ts";

let t: TestApp;
let shopId: string;
let seq = 0;

before(async () => {
  t = await startTestApp();
  shopId = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
});
after(() => t.close());

const get = async (orderId: string) => (await t.api("GET", `/api/orders/${orderId}`)).body;
const patch = (orderId: string, body: unknown) => t.api("PATCH", `/api/orders/${orderId}`, body);

async function mapped(code: string, onHand: number) {
  const id = await newProduct(t, code.toUpperCase(), onHand);
  await mapItem(t, shopId, code, [{ productId: id, quantity: 1 }]);
  return id;
}

test("changing a quantity and adding a product re-allocates stock in the same request", async () => {
  const tea = await mapped("edit-tea", 5);
  const cup = await mapped("edit-cup", 3);
  const order = await newOrder(
    t,
    orderBody(shopId, `E-${++seq}`, [{ mallItemCode: "edit-tea", quantity: 2 }]),
  );
  assert.equal(order.status, "awaiting_shipment");
  assert.ok(order.allowedActions.includes("edit"));
  assert.deepEqual(await stockOf(t, tea), { onHand: 5, allocated: 2, available: 3 });

  const res = await patch(order.id, {
    version: order.version,
    items: [
      { id: order.items[0].id, quantity: 4 },
      { mallItemCode: "edit-cup", name: "湯呑み", unitPrice: 800, quantity: 1 },
    ],
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.deepEqual(await stockOf(t, tea), { onHand: 5, allocated: 4, available: 1 });
  assert.deepEqual(await stockOf(t, cup), { onHand: 3, allocated: 1, available: 2 });
  const edited = res.body;
  assert.equal(edited.status, "awaiting_shipment");
  assert.equal(edited.version, order.version + 1);
  assert.equal(edited.subtotal, 4 * 1000 + 800);
  assert.equal(edited.total, 4 * 1000 + 800);
  assert.equal(edited.mallReflection, "none");
  assert.deepEqual(
    edited.items.map((i: { name: string; quantity: number }) => [i.name, i.quantity]),
    [
      ["品 edit-tea", 4],
      ["湯呑み", 1],
    ],
  );
  const entry = edited.events.find((e: { type: string }) => e.type === "order_edited");
  assert.match(entry.message, /数量\(品 edit-tea\): 2 → 4/);
  assert.match(entry.message, /明細追加: — → 湯呑み × 1/);
  assert.match(entry.message, /請求金額: 2,000円 → 4,800円/);

  // Removing the tea gives its four back.
  const removed = await patch(order.id, { version: edited.version, items: [{ id: edited.items[1].id }] });
  assert.equal(removed.status, 200, JSON.stringify(removed.body));
  assert.deepEqual(await stockOf(t, tea), { onHand: 5, allocated: 0, available: 5 });
  assert.deepEqual(await stockOf(t, cup), { onHand: 3, allocated: 1, available: 2 });
  assert.equal(removed.body.total, 800);
});

test("raising a quantity beyond stock takes the order back to 確認済, short of stock", async () => {
  const p = await mapped("edit-rare", 2);
  const order = await newOrder(
    t,
    orderBody(shopId, `E-${++seq}`, [{ mallItemCode: "edit-rare", quantity: 1 }]),
  );
  assert.equal(order.status, "awaiting_shipment");
  const res = await patch(order.id, {
    version: order.version,
    items: [{ id: order.items[0].id, quantity: 5 }],
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.status, "confirmed");
  assert.deepEqual(await stockOf(t, p), { onHand: 2, allocated: 2, available: 0 });
  assert.ok(res.body.tags.some((tag: { systemCode: string }) => tag.systemCode === "stock_short"));
  const hold = res.body.holds.find((h: { name: string }) => h.name === "在庫不足");
  assert.equal(hold.action, "addStock");
});

test("amounts are recomputed; a field that breaks a rule is named", async () => {
  await mapped("edit-fee", 10);
  const order = await newOrder(
    t,
    orderBody(shopId, `E-${++seq}`, [{ mallItemCode: "edit-fee", quantity: 2 }]),
  );
  const res = await patch(order.id, {
    version: order.version,
    amounts: { shippingFee: 600, fees: 330, couponDiscount: 500 },
    paymentMethod: "cash_on_delivery",
    shippingService: "compact",
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.total, 2000 + 600 + 330 - 500);
  assert.equal(res.body.paymentMethod, "cash_on_delivery");
  assert.equal(res.body.shipments[0].shippingService, "compact");
  assert.equal(res.body.couponDiscounts.shop, 500);
  const entry = res.body.events.find((e: { type: string }) => e.type === "order_edited");
  for (const part of [
    "送料: 0円 → 600円",
    "手数料: 0円 → 330円",
    "値引き: 0円 → 500円",
    "支払方法: クレジットカード → 代金引換",
    "配送方法: 宅配便(発払い) → 宅急便コンパクト",
  ])
    assert.ok(entry.message.includes(part), `${part} in ${entry.message}`);

  const negative = await patch(order.id, { version: res.body.version, amounts: { couponDiscount: 99_999 } });
  assert.equal(negative.status, 422);
  assert.equal(negative.body.errors[0].path, "amounts.couponDiscount");
  const badPostal = await patch(order.id, {
    version: res.body.version,
    shipTo: { ...order.shipTo, postalCode: "12" },
  });
  assert.equal(badPostal.status, 422);
  assert.equal(badPostal.body.errors[0].path, "shipTo.postalCode");
  const unknownLine = await patch(order.id, {
    version: res.body.version,
    items: [{ id: "00000000-0000-4000-8000-000000000000", quantity: 1 }],
  });
  assert.equal(unknownLine.status, 422);
  assert.equal(unknownLine.body.errors[0].path, "items.0.id");
  assert.equal((await get(order.id)).total, res.body.total, "nothing half-written");
});

test("fixing the ship-to clears 住所エラー and the order moves on", async () => {
  await mapped("edit-addr", 10);
  const body = orderBody(shopId, `E-${++seq}`, [{ mallItemCode: "edit-addr", quantity: 1 }]);
  const order = await newOrder(t, { ...body, shipTo: { ...body.shipTo, prefecture: "東京都" } });
  assert.equal(order.status, "awaiting_confirmation");
  const hold = order.holds.find((h: { name: string }) => h.name === "住所エラー");
  assert.equal(hold.action, "editOrder");
  assert.match(hold.howToClear, /送付先を直す/);
  const res = await patch(order.id, {
    version: order.version,
    shipTo: { ...order.shipTo, prefecture: "大阪府" },
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.status, "awaiting_shipment");
  assert.equal(res.body.shipTo.prefecture, "大阪府");
  assert.ok(!res.body.tags.some((tag: { systemCode: string }) => tag.systemCode === "address_error"));
  assert.match(
    res.body.events.find((e: { type: string }) => e.type === "order_edited").message,
    /送付先: .*東京都.* → .*大阪府/,
  );
});

test("an order at the warehouse (出荷作業中) refuses any edit with the rule's name", async () => {
  await mapped("edit-busy", 10);
  const order = await newOrder(
    t,
    orderBody(shopId, `E-${++seq}`, [{ mallItemCode: "edit-busy", quantity: 1 }]),
  );
  const req = await t.api("POST", `/api/orders/${order.id}/shipments/${order.shipments[0].id}/request`);
  assert.equal(req.status, 202, JSON.stringify(req.body));
  await t.runDueJobs("shipment-request");
  const busy = await get(order.id);
  assert.equal(busy.status, "shipping");
  assert.ok(!busy.allowedActions.includes("edit"));
  const res = await patch(order.id, { version: busy.version, amounts: { shippingFee: 100 } });
  assert.equal(res.status, 409);
  assert.equal(res.body.code, "order.edit_not_allowed");
  assert.equal(res.body.rule, "shipment_requested");
  assert.match(res.contentType, /problem\+json/);
});

test("two edits from the same version: one wins, the other is refused as stale", async () => {
  const p = await mapped("edit-race", 10);
  const order = await newOrder(
    t,
    orderBody(shopId, `E-${++seq}`, [{ mallItemCode: "edit-race", quantity: 1 }]),
  );
  const [a, b] = await Promise.all([
    patch(order.id, { version: order.version, items: [{ id: order.items[0].id, quantity: 3 }] }),
    patch(order.id, { version: order.version, items: [{ id: order.items[0].id, quantity: 6 }] }),
  ]);
  assert.deepEqual([a.status, b.status].sort(), [200, 409]);
  const refused = a.status === 409 ? a : b;
  assert.equal(refused.body.code, "order.edit_conflict");
  assert.equal(refused.body.rule, "stale_version");
  const won = a.status === 200 ? a : b;
  const now = await get(order.id);
  assert.equal(now.items[0].quantity, won.body.items[0].quantity);
  assert.equal((await stockOf(t, p)).allocated, now.items[0].quantity);
  assert.equal(now.events.filter((e: { type: string }) => e.type === "order_edited").length, 1);
});

test("an edited ship-to is found by the search under its new name and phone, and still under the old name", async () => {
  await mapped("edit-search", 10);
  const body = orderBody(shopId, `E-${++seq}`, [{ mallItemCode: "edit-search", quantity: 1 }]);
  const order = await newOrder(t, { ...body, shipTo: { ...body.shipTo, name: "旧姓 花子" } });
  const res = await patch(order.id, {
    version: order.version,
    shipTo: { ...order.shipTo, name: "新宿 花子", phone: "06-9876-5432" },
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const found = async (q: string) =>
    (await t.api("GET", `/api/orders?q=${encodeURIComponent(q)}`)).body.items.map(
      (o: { id: string }) => o.id,
    );
  for (const q of ["新宿花子", "新宿", "0698765432", "旧姓 花子"])
    assert.deepEqual(await found(q), [order.id], q);
});

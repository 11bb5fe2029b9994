import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "#test/app.ts";
import { companyWithBuyer } from "#test/buyer-api.ts";
import { newProduct, stockOf } from "#test/catalog-api.ts";

let t: TestApp;
let tea: string;
let cups: string;
let unpriced: string;

before(async () => {
  t = await startTestApp();
  tea = await newProduct(t, "B2B-TEA", 100);
  cups = await newProduct(t, "B2B-CUP", 50);
  unpriced = await newProduct(t, "B2B-NONE", 10);
});
after(() => t.close());

test("a buyer orders at the company's prices; the order is registered like any and takes stock", async () => {
  const a = await companyWithBuyer(t, "ORD-A", { rank: "gold" });
  const prices = await t.api("PUT", "/api/b2b/prices", {
    items: [
      { productId: tea, rank: "gold", unitPrice: 900, minQuantity: 1, lotQuantity: 1 },
      { productId: tea, companyId: a.companyId, unitPrice: 800, minQuantity: 10, lotQuantity: 5 },
      { productId: cups, rank: "gold", unitPrice: 300, minQuantity: 1, lotQuantity: 12 },
    ],
  });
  assert.equal(prices.status, 204, JSON.stringify(prices.body));

  const catalogue = await a.browser.call("GET", "/api/buyer/catalogue");
  assert.equal(catalogue.status, 200);
  assert.deepEqual(
    catalogue.body.items.map((i: { sku: string; unitPrice: number; stock: number | null }) => [
      i.sku,
      i.unitPrice,
      i.stock,
    ]),
    [
      ["B2B-CUP", 300, null],
      ["B2B-TEA", 800, null],
    ],
    "the company's own price wins over its rank's; unpriced products are not offered; stock hidden by default",
  );

  const refused = await a.browser.call("POST", "/api/buyer/orders", {
    shipToId: a.shipToId,
    lines: [
      { productId: tea, quantity: 5 },
      { productId: cups, quantity: 13 },
      { productId: unpriced, quantity: 1 },
    ],
  });
  assert.equal(refused.status, 422);
  assert.deepEqual(
    refused.body.errors.map((e: { path: string }) => e.path),
    ["lines.0.quantity", "lines.1.quantity", "lines.2.productId"],
  );
  assert.match(refused.body.errors[0].message, /最小発注数は10/);
  assert.match(refused.body.errors[1].message, /12の倍数/);

  const before = await stockOf(t, tea);
  const placed = await a.browser.call("POST", "/api/buyer/orders", {
    shipToId: a.shipToId,
    desiredDeliveryDate: "2030-01-25",
    lines: [
      { productId: tea, quantity: 15 },
      { productId: cups, quantity: 24 },
    ],
    note: "午前着希望",
  });
  assert.equal(placed.status, 201, JSON.stringify(placed.body));
  assert.equal(placed.body.total, 800 * 15 + 300 * 24);
  assert.equal(placed.body.statusLabel, "受付済");
  assert.equal(placed.body.placedVia, "form");
  assert.deepEqual(
    placed.body.lines.map((l: { sku: string; quantity: number; unitPrice: number }) => [
      l.sku,
      l.quantity,
      l.unitPrice,
    ]),
    [
      ["B2B-TEA", 15, 800],
      ["B2B-CUP", 24, 300],
    ],
  );

  const order = (await t.api("GET", `/api/orders/${placed.body.id}`)).body;
  assert.equal(order.paymentMethod, "invoice", "掛け払い ships without waiting for a payment");
  assert.equal(order.shippingStatus, "awaiting_shipment");
  assert.equal(order.desiredDeliveryDate, "2030-01-25");
  assert.deepEqual(order.b2b, {
    companyId: a.companyId,
    companyName: "株式会社ORD-A",
    placedVia: "form",
    cancelRequest: null,
  });
  const afterStock = await stockOf(t, tea);
  assert.equal(afterStock.allocated - before.allocated, 15, "stock allocated like any order");

  const history = await a.browser.call("GET", "/api/buyer/orders");
  assert.deepEqual(
    history.body.items.map((o: { id: string }) => o.id),
    [placed.body.id],
  );
  const detail = await a.browser.call("GET", `/api/buyer/orders/${placed.body.id}`);
  assert.equal(detail.status, 200);
  assert.equal(detail.body.statusLabel, "受付済", "allocated and waiting for the warehouse: still 受付済");
  assert.equal(detail.body.shipTo.prefecture, "東京都");
  assert.equal(detail.body.canRequestCancel, false, "cancel requests are off until the merchant allows them");
  assert.deepEqual(
    detail.body.history.map((h: { label: string }) => h.label),
    ["受付済"],
  );

  await t.api("PUT", "/api/b2b/settings", { allowCancelRequests: true, showStock: true });
  const allowed = await a.browser.call("GET", `/api/buyer/orders/${placed.body.id}`);
  assert.equal(allowed.body.canRequestCancel, true);
  const withStock = await a.browser.call("GET", "/api/buyer/catalogue?q=TEA");
  assert.deepEqual(
    withStock.body.items.map((i: { sku: string; stock: number }) => [i.sku, i.stock]),
    [["B2B-TEA", afterStock.available]],
  );
});

test("メール発注: the merchant orders for a company with the same checks, placed via mail", async () => {
  const b = await companyWithBuyer(t, "ORD-B");
  await t.api("POST", `/api/b2b/companies/${b.companyId}/mail-destinations`, {
    email: "order@b.example.com",
  });
  await t.api("PUT", "/api/b2b/prices", {
    items: [{ productId: tea, companyId: b.companyId, unitPrice: 700, minQuantity: 2, lotQuantity: 2 }],
  });
  const refused = await t.api("POST", "/api/b2b/mail-orders", {
    companyId: b.companyId,
    shipToId: b.shipToId,
    lines: [{ productId: tea, quantity: 3 }],
  });
  assert.equal(refused.status, 422);
  assert.equal(refused.body.code, "b2b_order.not_a_lot_multiple");
  const placed = await t.api("POST", "/api/b2b/mail-orders", {
    companyId: b.companyId,
    shipToId: b.shipToId,
    lines: [{ productId: tea, quantity: 4 }],
  });
  assert.equal(placed.status, 201, JSON.stringify(placed.body));
  const order = (await t.api("GET", `/api/orders/${placed.body.orderId}`)).body;
  assert.equal(order.total, 2800);
  assert.equal(order.b2b.placedVia, "mail");
  assert.equal(order.buyer.email, "order@b.example.com");
  const seen = await b.browser.call("GET", `/api/buyer/orders/${placed.body.orderId}`);
  assert.equal(seen.body.placedVia, "mail", "the buyer sees メール発注 in its history too");

  const list = await t.api("GET", `/api/orders?shopId=${order.shopId}`);
  assert.ok(list.body.items.every((o: { b2b: unknown }) => o.b2b !== null));
});

test("another company's ship-to is refused on the field; the buyer cookie opens no merchant route", async () => {
  const c = await companyWithBuyer(t, "ORD-C");
  const d = await companyWithBuyer(t, "ORD-D");
  await t.api("PUT", "/api/b2b/prices", {
    items: [{ productId: tea, companyId: c.companyId, unitPrice: 1, minQuantity: 1, lotQuantity: 1 }],
  });
  const res = await c.browser.call("POST", "/api/buyer/orders", {
    shipToId: d.shipToId,
    lines: [{ productId: tea, quantity: 1 }],
  });
  assert.equal(res.status, 404);
  assert.deepEqual(res.body.errors, [{ path: "shipToId", message: "配送先アドレス帳にない配送先です" }]);
  const merchant = await c.browser.call("GET", "/api/orders");
  assert.equal(merchant.status, 401);
});

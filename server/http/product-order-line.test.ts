import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "#test/app.ts";
import { mapItem, newOrder, newProduct, orderBody } from "#test/catalog-api.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

test("a product as an order line: the shop's mapped item code, its name and the last price it sold at", async () => {
  const shop = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
  const other = (await t.api("POST", "/api/shops", { channel: "manual", name: "FAX注文" })).body.id;
  const tea = await newProduct(t, "TEA-1", 10);
  const cup = await newProduct(t, "CUP-1", 10);
  await mapItem(t, shop, "sencha-100", [{ productId: tea, quantity: 1 }]);
  // A set item holds the product with another: it is not the product alone.
  await mapItem(t, shop, "gift-set", [
    { productId: tea, quantity: 1 },
    { productId: cup, quantity: 1 },
  ]);
  for (const [n, price] of [
    ["L-1", 1200],
    ["L-2", 1350],
  ] as const) {
    t.clock.advance(60_000);
    await newOrder(t, orderBody(shop, n, [{ mallItemCode: "sencha-100", quantity: 1, unitPrice: price }]));
  }
  const line = await t.api("GET", `/api/products/${tea}/order-line?shopId=${shop}`);
  assert.equal(line.status, 200, JSON.stringify(line.body));
  assert.deepEqual(line.body, {
    mallItemCode: "sencha-100",
    mallSkuCode: "",
    name: "商品 TEA-1",
    unitPrice: 1350,
    mapped: true,
  });
  const elsewhere = await t.api("GET", `/api/products/${tea}/order-line?shopId=${other}`);
  assert.deepEqual(elsewhere.body, {
    mallItemCode: "TEA-1",
    mallSkuCode: "",
    name: "商品 TEA-1",
    unitPrice: null,
    mapped: false,
  });
  const stranger = await t.newAccount();
  const hidden = await t.api(
    "GET",
    `/api/products/${tea}/order-line?shopId=${shop}`,
    undefined,
    stranger.apiToken,
  );
  assert.equal(hidden.status, 404);
  const noShop = await t.api("GET", `/api/products/${tea}/order-line`);
  assert.equal(noShop.status, 422);
});

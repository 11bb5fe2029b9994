import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "#test/app.ts";
import { mapItem, newOrder, newProduct, orderBody, stockOf } from "#test/catalog-api.ts";

let t: TestApp;
let other: { apiToken: string };
let shopId: string;

before(async () => {
  t = await startTestApp();
  other = await t.newAccount();
  shopId = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
});
after(() => t.close());

const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path).sort();

test("a product is created, read, renamed and listed with a stock line per warehouse", async () => {
  const created = await t.api("POST", "/api/products", { sku: "TEA-01", name: "煎茶 100g" });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const { id } = created.body;
  assert.equal(created.body.sku, "TEA-01");
  assert.equal(created.body.stock.length, 1);
  assert.deepEqual(
    { ...created.body.stock[0], warehouseId: undefined },
    {
      warehouseId: undefined,
      warehouseName: "自社倉庫",
      onHand: 0,
      allocated: 0,
      available: 0,
      waitingNeed: 0,
    },
  );

  const patched = await t.api("PATCH", `/api/products/${id}`, { sku: "TEA-01A", name: "煎茶 100g(新)" });
  assert.equal(patched.status, 200);
  assert.equal(patched.body.sku, "TEA-01A");
  assert.equal(patched.body.name, "煎茶 100g(新)");
  const unchanged = await t.api("PATCH", `/api/products/${id}`, {});
  assert.equal(unchanged.body.sku, "TEA-01A");
  assert.equal((await t.api("GET", `/api/products/${id}`)).body.name, "煎茶 100g(新)");
});

test("the list searches SKU and name and pages by SKU with a cursor", async () => {
  for (const sku of ["LIST-C", "LIST-A", "LIST-B"]) await newProduct(t, sku);
  await t.api("POST", "/api/products", { sku: "OTHER-1", name: "LIST 以外の特選品" });
  const first = await t.api("GET", "/api/products?q=list-&limit=2");
  assert.equal(first.status, 200);
  assert.equal(first.body.total, 3);
  assert.deepEqual(
    first.body.items.map((p: { sku: string }) => p.sku),
    ["LIST-A", "LIST-B"],
  );
  assert.ok(first.body.nextCursor);
  const second = await t.api("GET", `/api/products?q=list-&limit=2&cursor=${first.body.nextCursor}`);
  assert.deepEqual(
    second.body.items.map((p: { sku: string }) => p.sku),
    ["LIST-C"],
  );
  assert.equal(second.body.nextCursor, null);
  const byName = await t.api("GET", `/api/products?q=${encodeURIComponent("特選")}`);
  assert.deepEqual(
    byName.body.items.map((p: { sku: string }) => p.sku),
    ["OTHER-1"],
  );
  const wildcard = await t.api("GET", "/api/products?q=%25");
  assert.equal(wildcard.body.total, 0, "% is searched for literally");
});

test("a SKU is unique per account: 409 product.sku_taken on create and rename", async () => {
  await newProduct(t, "DUP-1");
  const id2 = await newProduct(t, "DUP-2");
  const again = await t.api("POST", "/api/products", { sku: "DUP-1", name: "別の商品" });
  assert.equal(again.status, 409);
  assert.equal(again.body.code, "product.sku_taken");
  assert.deepEqual(paths(again.body), ["sku"]);
  const rename = await t.api("PATCH", `/api/products/${id2}`, { sku: "DUP-1" });
  assert.equal(rename.status, 409);
  assert.equal(rename.body.code, "product.sku_taken");
  assert.deepEqual(paths(rename.body), ["sku"]);
  const elsewhere = await t.api(
    "POST",
    "/api/products",
    { sku: "DUP-1", name: "他社の商品" },
    other.apiToken,
  );
  assert.equal(elsewhere.status, 201, "another account may use the same SKU");
});

test("bad product input names every bad field", async () => {
  const res = await t.api("POST", "/api/products", { sku: "  ", name: 5 });
  assert.equal(res.status, 422);
  assert.equal(res.body.code, "validation.failed");
  assert.deepEqual(paths(res.body), ["name", "sku"]);
  const badId = await t.api("GET", "/api/products/not-a-uuid");
  assert.equal(badId.status, 422);
  assert.deepEqual(paths(badId.body), ["id"]);
});

test("stock is set or adjusted; exactly one of onHand and delta", async () => {
  const id = await newProduct(t, "STK-1");
  const set = await t.api("POST", `/api/products/${id}/stock`, { onHand: 10 });
  assert.equal(set.status, 200);
  assert.deepEqual(await stockOf(t, id), { onHand: 10, allocated: 0, available: 10 });
  const add = await t.api("POST", `/api/products/${id}/stock`, { delta: -4 });
  assert.equal(add.body.stock[0].onHand, 6);

  const both = await t.api("POST", `/api/products/${id}/stock`, { onHand: 1, delta: 1 });
  assert.equal(both.status, 422);
  assert.deepEqual(paths(both.body), ["delta"]);
  const neither = await t.api("POST", `/api/products/${id}/stock`, {});
  assert.equal(neither.status, 422);
  assert.deepEqual(paths(neither.body), ["onHand"]);
  const negative = await t.api("POST", `/api/products/${id}/stock`, { onHand: -1 });
  assert.equal(negative.status, 422);
  assert.deepEqual(paths(negative.body), ["onHand"]);
  const fraction = await t.api("POST", `/api/products/${id}/stock`, { delta: 1.5 });
  assert.deepEqual(paths(fraction.body), ["delta"]);

  const below = await t.api("POST", `/api/products/${id}/stock`, { delta: -7 });
  assert.equal(below.status, 422);
  assert.equal(below.body.code, "stock.invalid_adjustment");
  assert.deepEqual(paths(below.body), ["delta"]);
  const otherWarehouse = (await t.api("GET", "/api/products?limit=1", undefined, other.apiToken)).body;
  const foreign = await t.api("POST", `/api/products/${id}/stock`, {
    warehouseId: otherWarehouse.items[0]?.stock[0]?.warehouseId ?? crypto.randomUUID(),
    onHand: 3,
  });
  assert.equal(foreign.status, 422);
  assert.deepEqual(paths(foreign.body), ["warehouseId"]);
  assert.deepEqual(
    await stockOf(t, id),
    { onHand: 6, allocated: 0, available: 6 },
    "refusals change nothing",
  );
});

test("stock cannot fall below what orders hold: 409 stock.below_allocated naming the amount", async () => {
  const id = await newProduct(t, "STK-HELD", 5);
  await mapItem(t, shopId, "held-item", [{ productId: id, quantity: 1 }]);
  await newOrder(t, orderBody(shopId, "HELD-1", [{ mallItemCode: "held-item", quantity: 3 }]));
  assert.deepEqual(await stockOf(t, id), { onHand: 5, allocated: 3, available: 2 });
  const set = await t.api("POST", `/api/products/${id}/stock`, { onHand: 2 });
  assert.equal(set.status, 409);
  assert.equal(set.body.code, "stock.below_allocated");
  assert.match(set.body.detail, /3個/);
  assert.deepEqual(paths(set.body), ["onHand"]);
  const delta = await t.api("POST", `/api/products/${id}/stock`, { delta: -3 });
  assert.equal(delta.status, 409);
  assert.deepEqual(paths(delta.body), ["delta"]);
  const exact = await t.api("POST", `/api/products/${id}/stock`, { onHand: 3 });
  assert.equal(exact.status, 200);
  assert.equal(exact.body.stock[0].available, 0);
});

test("another account's product answers 404, never data", async () => {
  const id = await newProduct(t, "MINE-1", 4);
  for (const [method, path, body] of [
    ["GET", `/api/products/${id}`, undefined],
    ["PATCH", `/api/products/${id}`, { name: "乗っ取り" }],
    ["POST", `/api/products/${id}/stock`, { onHand: 0 }],
  ] as const) {
    const res = await t.api(method, path, body, other.apiToken);
    assert.equal(res.status, 404, `${method} ${path}`);
    assert.equal(res.body.code, "product.not_found");
  }
  const list = await t.api("GET", "/api/products?q=MINE", undefined, other.apiToken);
  assert.equal(list.body.total, 0);
  assert.deepEqual(await stockOf(t, id), { onHand: 4, allocated: 0, available: 4 });
});

test("the OpenAPI document describes the catalogue routes", async () => {
  const doc = await t.api("GET", "/api/openapi.json", undefined, null);
  for (const path of [
    "/api/products",
    "/api/products/{id}",
    "/api/products/{id}/stock",
    "/api/product-mappings",
    "/api/product-mappings/{id}",
    "/api/product-mappings/unmapped",
  ]) {
    assert.ok(doc.body.paths[path], `${path} missing from the OpenAPI document`);
  }
  assert.ok(doc.body.components.schemas.Product);
  assert.ok(doc.body.components.schemas.ProductMapping);
});

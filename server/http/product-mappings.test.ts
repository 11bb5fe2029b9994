import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "#test/app.ts";
import { mapItem, newOrder, newProduct, orderBody, stockOf } from "#test/catalog-api.ts";

let t: TestApp;
let other: { apiToken: string };
let shopId: string;
let otherShopId: string;

before(async () => {
  t = await startTestApp();
  other = await t.newAccount();
  shopId = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
  otherShopId = (await t.api("POST", "/api/shops", { channel: "manual", name: "他社" }, other.apiToken)).body
    .id;
});
after(() => t.close());

const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path).sort();
const get = async (orderId: string) => (await t.api("GET", `/api/orders/${orderId}`)).body;
const unmapped = async (query = "") => (await t.api("GET", `/api/product-mappings/unmapped${query}`)).body;

test("a set item maps one mall item to several products; the mapping is listed, read and deleted", async () => {
  const a = await newProduct(t, "SET-A", 5);
  const b = await newProduct(t, "SET-B", 10);
  const res = await t.api("POST", "/api/product-mappings", {
    shopId,
    mallItemCode: "gift-set",
    mallSkuCode: "large",
    components: [
      { productId: b, quantity: 2 },
      { productId: a, quantity: 1 },
    ],
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.equal(res.body.mallSkuCode, "large");
  assert.deepEqual(res.body.components, [
    { productId: a, sku: "SET-A", name: "商品 SET-A", quantity: 1 },
    { productId: b, sku: "SET-B", name: "商品 SET-B", quantity: 2 },
  ]);
  const list = await t.api("GET", `/api/product-mappings?shopId=${shopId}&q=gift`);
  assert.equal(list.body.total, 1);
  assert.equal(list.body.items[0].id, res.body.id);
  assert.deepEqual((await t.api("GET", `/api/product-mappings/${res.body.id}`)).body, res.body);

  const order = await newOrder(
    t,
    orderBody(shopId, "SET-1", [{ mallItemCode: "gift-set", mallSkuCode: "large", quantity: 2 }]),
  );
  assert.equal(order.status, "awaiting_shipment");
  assert.deepEqual(
    order.shipments[0].allocations
      .map((x: { productId: string; allocated: number }) => [x.productId, x.allocated])
      .sort(),
    [
      [a, 2],
      [b, 4],
    ].sort(),
  );
  assert.deepEqual(await stockOf(t, a), { onHand: 5, allocated: 2, available: 3 });
  assert.deepEqual(await stockOf(t, b), { onHand: 10, allocated: 4, available: 6 });

  const del = await t.api("DELETE", `/api/product-mappings/${res.body.id}`);
  assert.equal(del.status, 204);
  assert.equal((await t.api("GET", `/api/product-mappings/${res.body.id}`)).status, 404);
  assert.equal((await t.api("DELETE", `/api/product-mappings/${res.body.id}`)).status, 404);
  assert.deepEqual(await stockOf(t, b), { onHand: 10, allocated: 4, available: 6 }, "allocations stay");
  assert.equal((await get(order.id)).status, "awaiting_shipment");
});

test("every bad mapping is refused with its code and field", async () => {
  const p = await newProduct(t, "MAP-BAD");
  const theirs = (await t.api("POST", "/api/products", { sku: "X", name: "他社品" }, other.apiToken)).body.id;
  const post = (body: Record<string, unknown>) =>
    t.api("POST", "/api/product-mappings", {
      shopId,
      mallItemCode: "bad-item",
      components: [{ productId: p, quantity: 1 }],
      ...body,
    });

  for (const foreignShop of [otherShopId, crypto.randomUUID()]) {
    const res = await post({ shopId: foreignShop });
    assert.equal(res.status, 404);
    assert.equal(res.body.code, "shop.not_found");
  }
  const foreignProduct = await post({ components: [{ productId: theirs, quantity: 1 }] });
  assert.equal(foreignProduct.status, 422);
  assert.deepEqual(paths(foreignProduct.body), ["components.0.productId"]);
  const twice = await post({
    components: [
      { productId: p, quantity: 1 },
      { productId: p, quantity: 2 },
    ],
  });
  assert.equal(twice.status, 422);
  assert.deepEqual(paths(twice.body), ["components.1.productId"]);
  const zero = await post({ components: [{ productId: p, quantity: 0 }] });
  assert.deepEqual(paths(zero.body), ["components.0.quantity"]);
  const fraction = await post({ components: [{ productId: p, quantity: 1.5 }] });
  assert.deepEqual(paths(fraction.body), ["components.0.quantity"]);
  const empty = await post({ components: [] });
  assert.equal(empty.status, 422);
  assert.deepEqual(paths(empty.body), ["components"]);
  const noCode = await post({ mallItemCode: " " });
  assert.deepEqual(paths(noCode.body), ["mallItemCode"]);

  assert.equal((await post({})).status, 201);
  for (const sku of [undefined, null, ""]) {
    const dup = await post({ mallSkuCode: sku });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.code, "product_mapping.duplicate");
    assert.deepEqual(paths(dup.body), ["mallItemCode"]);
  }
  assert.equal((await post({ mallSkuCode: "red" })).status, 201, "a SKU may be mapped apart");
});

test("another account's mapping answers 404 and is never listed", async () => {
  const p = await newProduct(t, "MAP-MINE");
  const id = await mapItem(t, shopId, "mine-item", [{ productId: p, quantity: 1 }]);
  for (const method of ["GET", "DELETE"]) {
    const res = await t.api(method, `/api/product-mappings/${id}`, undefined, other.apiToken);
    assert.equal(res.status, 404);
    assert.equal(res.body.code, "product_mapping.not_found");
  }
  const theirs = await t.api("GET", "/api/product-mappings", undefined, other.apiToken);
  assert.equal(theirs.body.total, 0);
  assert.equal((await t.api("GET", `/api/product-mappings/${id}`)).status, 200);
});

test("mapping an unmapped item moves its 確認待 orders on by themselves, oldest first", async () => {
  const tea = await newProduct(t, "TEA-REL", 1);
  const cup = await newProduct(t, "CUP-REL", 5);
  const newer = await newOrder(
    t,
    orderBody(shopId, "REL-NEW", [{ mallItemCode: "rel-tea", quantity: 1 }], {
      orderedAt: "2030-01-15T09:30:00+09:00",
    }),
  );
  const older = await newOrder(
    t,
    orderBody(shopId, "REL-OLD", [{ mallItemCode: "rel-tea", quantity: 1 }], {
      orderedAt: "2030-01-15T09:00:00+09:00",
    }),
  );
  const both = await newOrder(
    t,
    orderBody(shopId, "REL-BOTH", [
      { mallItemCode: "rel-tea", quantity: 1 },
      { mallItemCode: "rel-cup", quantity: 1 },
    ]),
  );
  for (const o of [newer, older, both]) assert.equal(o.status, "awaiting_confirmation");
  const queue = await unmapped(`?shopId=${shopId}`);
  assert.deepEqual(
    queue.items
      .filter((i: { mallItemCode: string }) => i.mallItemCode.startsWith("rel-"))
      .map((i: { mallItemCode: string; orderCount: number }) => [i.mallItemCode, i.orderCount]),
    [
      ["rel-tea", 3],
      ["rel-cup", 1],
    ],
  );

  await mapItem(t, shopId, "rel-tea", [{ productId: tea, quantity: 1 }]);
  const o = await get(older.id);
  assert.equal(o.status, "awaiting_shipment", "the older order gets the only unit");
  assert.deepEqual(o.tags, []);
  const removed = o.events.find((e: { type: string }) => e.type === "tag_removed");
  assert.match(removed.message, /商品マッピングが登録され/);
  const n = await get(newer.id);
  assert.equal(n.status, "confirmed");
  assert.ok(n.waitingFor.includes("在庫引当待ち"));
  const b = await get(both.id);
  assert.equal(b.status, "awaiting_confirmation", "its cup is still unmapped");
  assert.deepEqual(
    b.tags.map((x: { systemCode: string }) => x.systemCode),
    ["unmapped_item"],
  );

  await mapItem(t, shopId, "rel-cup", [{ productId: cup, quantity: 1 }]);
  const later = await get(both.id);
  assert.equal(later.status, "confirmed");
  assert.deepEqual(later.waitingFor, ["在庫引当待ち"]);
  assert.deepEqual(await stockOf(t, cup), { onHand: 5, allocated: 1, available: 4 });
  const rest = (await unmapped(`?shopId=${shopId}`)).items;
  assert.ok(!rest.some((i: { mallItemCode: string }) => i.mallItemCode.startsWith("rel-")));
});

test("the 未マッピング queue skips cancelled, deleted and covered lines and filters by shop", async () => {
  const other2 = (await t.api("POST", "/api/shops", { channel: "manual", name: "卸" })).body.id;
  const item = (code: string, sku?: string) => [
    { mallItemCode: code, quantity: 1, ...(sku ? { mallSkuCode: sku } : {}) },
  ];
  await newOrder(t, orderBody(shopId, "Q-1", item("q-shirt", "red")));
  await newOrder(t, orderBody(shopId, "Q-2", item("q-shirt", "blue")));
  await newOrder(t, orderBody(other2, "Q-3", item("q-shirt", "red")));
  const cancelled = await newOrder(t, orderBody(shopId, "Q-4", item("q-cancelled")));
  await t.api("POST", `/api/orders/${cancelled.id}/cancel`, {});
  const deleted = await newOrder(t, orderBody(shopId, "Q-5", item("q-deleted")));
  await t.api("DELETE", `/api/orders/${deleted.id}`);

  const codes = async (query: string) =>
    (await unmapped(query)).items
      .filter((i: { mallItemCode: string }) => i.mallItemCode.startsWith("q-"))
      .map((i: { shopId: string; mallSkuCode: string | null; name: string }) => [
        i.shopId === shopId ? "main" : "other",
        i.mallSkuCode,
        i.name,
      ]);
  assert.deepEqual((await codes(`?shopId=${shopId}`)).sort(), [
    ["main", "blue", "品 q-shirt"],
    ["main", "red", "品 q-shirt"],
  ]);
  assert.equal((await codes("")).length, 3);

  const p = await newProduct(t, "SHIRT-RED");
  await t.api("POST", "/api/product-mappings", {
    shopId,
    mallItemCode: "q-shirt",
    mallSkuCode: "red",
    components: [{ productId: p, quantity: 1 }],
  });
  assert.deepEqual(await codes(`?shopId=${shopId}`), [["main", "blue", "品 q-shirt"]]);
  await mapItem(t, shopId, "q-shirt", [{ productId: p, quantity: 1 }]);
  assert.deepEqual(await codes(`?shopId=${shopId}`), [], "an item-level mapping covers every SKU");
  assert.equal((await codes("")).length, 1, "the other shop's line is still unmapped");
  const theirs = await t.api("GET", "/api/product-mappings/unmapped", undefined, other.apiToken);
  assert.equal(theirs.body.total, 0);
});

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "#test/app.ts";
import { newOrder, orderBody } from "#test/catalog-api.ts";

let t: TestApp;
let manualShop: string;
let rakutenShop: string;

before(async () => {
  t = await startTestApp();
  manualShop = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
  rakutenShop = (await t.api("POST", "/api/shops", { channel: "rakuten", name: "楽天店" })).body.id;
  const body = (shopId: string, n: string, buyer = "佐藤 花子") =>
    orderBody(shopId, n, [{ mallItemCode: "unmapped", quantity: 1 }], {
      buyer: { name: buyer, email: "x@example.com" },
    });
  await newOrder(t, body(rakutenShop, "R-1"));
  await newOrder(t, body(rakutenShop, "R-2", "鈴木 一郎"));
  await newOrder(t, body(manualShop, "M-1"));
  const cancelled = await newOrder(t, body(manualShop, "M-2"));
  await t.api("POST", `/api/orders/${cancelled.id}/cancel`, {});
  const deleted = await newOrder(t, body(manualShop, "M-3", "鈴木 一郎"));
  await t.api("DELETE", `/api/orders/${deleted.id}`);
});
after(() => t.close());

const countsOf = (body: { items: { status: string; count: number }[] }) =>
  Object.fromEntries(body.items.filter((i) => i.count > 0).map((i) => [i.status, i.count]));

test("counts per status for the tabs, with the list's filters, deleted only on request", async () => {
  const res = await t.api("GET", "/api/orders/counts");
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.deepEqual(res.body.all, { count: 4, capped: false });
  assert.deepEqual(countsOf(res.body), { new: 2, awaiting_confirmation: 1, cancelled: 1 });
  assert.equal(res.body.items.length, 8);
  assert.equal(res.body.items[0].statusLabel, "新規受付");

  const byShop = await t.api("GET", `/api/orders/counts?shopId=${rakutenShop}`);
  assert.deepEqual(countsOf(byShop.body), { new: 2 });

  const byBuyer = await t.api("GET", `/api/orders/counts?q=${encodeURIComponent("鈴木")}`);
  assert.deepEqual(countsOf(byBuyer.body), { new: 1 });
  const withDeleted = await t.api(
    "GET",
    `/api/orders/counts?q=${encodeURIComponent("鈴木")}&includeDeleted=true`,
  );
  assert.deepEqual(countsOf(withDeleted.body), { new: 1, awaiting_confirmation: 1 });

  // Each tab's count is the list's total for that status.
  for (const item of res.body.items) {
    const list = await t.api("GET", `/api/orders?status=${item.status}&limit=1`);
    assert.equal(list.body.total, item.count, item.status);
  }
});

test("counts take the same filter checks as the list, and are per account", async () => {
  const bad = await t.api("GET", "/api/orders/counts?orderedFrom=yesterday");
  assert.equal(bad.status, 422);
  assert.equal(bad.body.errors[0].path, "orderedFrom");
  const other = await t.newAccount();
  const theirs = await t.api("GET", "/api/orders/counts", undefined, other.apiToken);
  assert.deepEqual(theirs.body.all, { count: 0, capped: false });
});

test("warehouses list the account's own", async () => {
  const res = await t.api("GET", "/api/warehouses");
  assert.equal(res.status, 200);
  assert.deepEqual(
    res.body.items.map((w: { name: string; kindLabel: string }) => [w.name, w.kindLabel]),
    [["自社倉庫", "自社倉庫"]],
  );
});

test("the vocabulary gives every code the API speaks its Japanese label", async () => {
  const res = await t.api("GET", "/api/vocabulary");
  assert.equal(res.status, 200);
  assert.equal(res.body.orderStatuses.length, 8);
  assert.deepEqual(res.body.shippingStatuses[5], { code: "unshippable", label: "出荷不可" });
  assert.ok(res.body.paymentMethods.some((m: { code: string }) => m.code === "bank_transfer"));
  assert.ok(res.body.channels.some((m: { label: string }) => m.label === "楽天市場"));
  assert.equal(res.body.prefectures.length, 47);
});

test("the OpenAPI document lists the routes the admin UI added", async () => {
  const doc = await t.api("GET", "/api/openapi.json", undefined, null);
  for (const path of [
    "/api/orders/counts",
    "/api/orders/bulk",
    "/api/warehouses",
    "/api/session",
    "/api/setup",
  ])
    assert.ok(doc.body.paths[path], `${path} missing`);
  assert.equal(doc.body.components.securitySchemes.session.in, "cookie");
});

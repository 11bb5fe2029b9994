import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "#test/app.ts";
import { mapItem, newOrder, newProduct, orderBody } from "#test/catalog-api.ts";

let t: TestApp;
let firstWarehouse: string;
let secondWarehouse: string;
/** Shipments by what they are: requested at the first warehouse, waiting there, waiting at the second. */
const s = {} as Record<"requested" | "waiting" | "elsewhere", { id: string; slipNumber: string }>;

before(async () => {
  t = await startTestApp();
  firstWarehouse = (await t.api("GET", "/api/warehouses")).body.items[0].id;
  const created = await t.api("POST", "/api/warehouses", { name: "第二倉庫", kind: "self" });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  secondWarehouse = created.body.id;
  const productId = await newProduct(t, "MUG-1", 10);
  await t.api("POST", `/api/products/${productId}/stock`, { warehouseId: secondWarehouse, onHand: 10 });
  const shop = async (name: string, settings: Record<string, unknown> = {}) => {
    const id = (await t.api("POST", "/api/shops", { channel: "manual", name, settings })).body.id;
    await mapItem(t, id, "mug", [{ productId, quantity: 1 }]);
    return id as string;
  };
  const one = await shop("電話注文");
  const two = await shop("FAX注文", { warehouseId: secondWarehouse });
  const order = async (shopId: string, n: string) =>
    (await newOrder(t, orderBody(shopId, n, [{ mallItemCode: "mug", quantity: 1 }], { paid: true })))
      .shipments[0];
  const requested = await order(one, "S-1");
  s.requested = requested;
  s.waiting = await order(one, "S-2");
  s.elsewhere = await order(two, "S-3");
  const orders = (await t.api("GET", "/api/orders")).body.items;
  const first = orders.find((o: { mallOrderNumber: string }) => o.mallOrderNumber === "S-1");
  await t.api("POST", `/api/orders/${first.id}/shipments/${requested.id}/request`);
  await t.runDueJobs("shipment-request");
});
after(() => t.close());

const list = async (query: string, token?: string) => {
  const res = await t.api("GET", `/api/shipments${query}`, undefined, token);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as {
    items: { id: string; status: string; warehouseId: string }[];
    total: number;
    counts: Record<string, number>;
  };
};
const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id).sort();

test("the list filters by status and by warehouse, and counts every status", async () => {
  const all = await list("");
  assert.deepEqual(ids(all), [s.requested.id, s.waiting.id, s.elsewhere.id].sort());
  assert.deepEqual(all.counts, { shipping: 1, awaiting_shipment: 2 });

  const shipping = await list("?status=shipping");
  assert.deepEqual(ids(shipping), [s.requested.id]);
  assert.equal(shipping.total, 1);
  assert.deepEqual(shipping.counts, all.counts, "the counts ignore the status filter");

  const second = await list(`?warehouseId=${secondWarehouse}`);
  assert.deepEqual(ids(second), [s.elsewhere.id]);
  assert.deepEqual(second.counts, { awaiting_shipment: 1 });
  const waitingFirst = await list(`?warehouseId=${firstWarehouse}&status=awaiting_shipment`);
  assert.deepEqual(ids(waitingFirst), [s.waiting.id]);
});

test("search by slip number finds that one shipment", async () => {
  const found = await list(`?q=${encodeURIComponent(s.waiting.slipNumber)}`);
  assert.deepEqual(ids(found), [s.waiting.id]);
  assert.deepEqual((await list("?q=NO-SUCH-SLIP")).items, []);
  assert.deepEqual((await list("?q=%25")).items, [], "a % is a character, not a wildcard");
});

test("another account sees none of these shipments", async () => {
  const other = await t.newAccount();
  const theirs = await list("", other.apiToken);
  assert.deepEqual(theirs.items, []);
  assert.equal(theirs.total, 0);
  assert.deepEqual(theirs.counts, {});
  assert.deepEqual((await list(`?q=${s.waiting.slipNumber}`, other.apiToken)).items, []);
});

test("a bad status is a 4xx problem+json naming the field", async () => {
  const res = await t.api("GET", "/api/shipments?status=lost");
  assert.ok(res.status >= 400 && res.status < 500, String(res.status));
  assert.match(res.contentType, /application\/problem\+json/);
  assert.ok(
    res.body.errors.some((e: { path: string }) => e.path.includes("status")),
    JSON.stringify(res.body),
  );
});

test("POST /api/warehouses: RSL without an API key, a bad sender postal code → 422 naming the field", async () => {
  const rsl = await t.api("POST", "/api/warehouses", { name: "RSL", kind: "rsl" });
  assert.equal(rsl.status, 422);
  assert.deepEqual(
    rsl.body.errors.map((e: { path: string }) => e.path),
    ["credentials.apiKey"],
  );
  const sender = {
    name: "倉庫",
    postalCode: "1500",
    prefecture: "東京都",
    address1: "渋谷区1-1",
    phone: "03-1234-5678",
  };
  const bad = await t.api("POST", "/api/warehouses", { name: "倉庫2", kind: "self", settings: { sender } });
  assert.equal(bad.status, 422);
  assert.ok(bad.body.errors.some((e: { path: string }) => e.path === "settings.sender.postalCode"));
  const names = (await t.api("GET", "/api/warehouses")).body.items.map((w: { name: string }) => w.name);
  assert.deepEqual(names, ["自社倉庫", "第二倉庫"], "nothing was created");
});

test("credentials are never returned: hasCredentials only", async () => {
  const apiKey = "rsl-secret-key-0123456789";
  const created = await t.api("POST", "/api/warehouses", {
    name: "RSL",
    kind: "rsl",
    credentials: { apiKey },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.hasCredentials, true);
  const listed = await t.api("GET", "/api/warehouses");
  const patched = await t.api("PATCH", `/api/warehouses/${created.body.id}`, {
    settings: { resultPollMinutes: 30 },
  });
  for (const body of [created.body, listed.body, patched.body]) {
    assert.ok(!JSON.stringify(body).includes(apiKey));
    assert.ok(!JSON.stringify(body).includes("credentials"));
  }
  assert.equal(listed.body.items.find((w: { id: string }) => w.id === created.body.id).hasCredentials, true);
  assert.equal(listed.body.items[0].hasCredentials, false, "the own stock room has none");
});

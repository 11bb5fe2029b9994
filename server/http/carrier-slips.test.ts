import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import iconv from "iconv-lite";
import { startTestApp, type TestApp } from "#test/app.ts";
import { mapItem, newOrder, orderBody } from "#test/catalog-api.ts";

let t: TestApp;
let shopId: string;
let warehouseId: string;
let seq = 0;

const SETTINGS = {
  sender: {
    name: "自社倉庫",
    postalCode: "150-0001",
    prefecture: "東京都",
    address1: "渋谷区神宮前1-2-3",
    phone: "03-1234-5678",
  },
  yamatoBillingCustomerCode: "0312345678",
};

before(async () => {
  t = await startTestApp();
  shopId = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
  warehouseId = (await t.api("GET", "/api/warehouses")).body.items[0].id;
  assert.equal((await t.api("PATCH", `/api/warehouses/${warehouseId}`, { settings: SETTINGS })).status, 200);
  for (const [sku, temperature, item] of [
    ["MUG-1", "ambient", "mug"],
    ["ICE-1", "frozen", "ice"],
  ] as const) {
    const product = await t.api("POST", "/api/products", { sku, name: `商品 ${sku}`, temperature });
    assert.equal(product.status, 201, JSON.stringify(product.body));
    assert.equal(product.body.temperature, temperature);
    assert.equal(product.body.shippingService, "standard");
    await t.api("POST", `/api/products/${product.body.id}/stock`, { onHand: 100 });
    await mapItem(t, shopId, item, [{ productId: product.body.id, quantity: 1 }]);
  }
});
after(() => t.close());

/** An order requested at the own stock room: its shipments 出荷中. */
async function inProgress(
  items: string[],
  {
    extra = { paid: true },
    shipTo = {},
    split = false,
  }: { extra?: object; shipTo?: object; split?: boolean } = {},
) {
  const body = orderBody(
    shopId,
    `M-${++seq}`,
    items.map((mallItemCode) => ({ mallItemCode, quantity: 1 })),
    { ...extra },
  );
  const order = await newOrder(t, { ...body, shipTo: { ...body.shipTo, ...shipTo } });
  if (split) {
    const res = await t.api("POST", `/api/orders/${order.id}/shipments/${order.shipments[0].id}/split`, {
      itemIds: [order.items[1].id],
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }
  const shipments = (await t.api("GET", `/api/orders/${order.id}`)).body.shipments;
  for (const s of shipments) {
    const req = await t.api("POST", `/api/orders/${order.id}/shipments/${s.id}/request`);
    assert.equal(req.status, 202, JSON.stringify(req.body));
  }
  await t.runDueJobs("shipment-request");
  const now = (await t.api("GET", `/api/orders/${order.id}`)).body;
  for (const s of now.shipments) assert.equal(s.status, "shipping");
  return now;
}

async function b2(shipmentIds: string[]) {
  const res = await t.api("POST", `/api/warehouses/${warehouseId}/carrier-csv`, {
    format: "yamato_b2",
    shipmentIds,
  });
  const text = res.body.csvBase64 ? iconv.decode(Buffer.from(res.body.csvBase64, "base64"), "Shift_JIS") : "";
  const rows = text
    .split("\r\n")
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(",").map((c) => c.replace(/^"|"$/g, "")));
  return { status: res.status, body: res.body, rows };
}

test("送り状データ: a bad slip is left out with its field, rule and screen; the good ones download", async () => {
  const good = await inProgress(["mug"]);
  const bad = await inProgress(["mug"], { shipTo: { address1: `大阪市北区梅田${"一丁目".repeat(20)}` } });
  const res = await b2([good.shipments[0].id, bad.shipments[0].id]);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.deepEqual(res.body.included, [
    { shipmentId: good.shipments[0].id, slipNumber: good.shipments[0].slipNumber },
  ]);
  assert.deepEqual(
    res.rows.map((r) => r[0]),
    [good.shipments[0].slipNumber],
    "the file carries the good slip only",
  );
  assert.equal(res.body.leftOut.length, 1);
  const [left] = res.body.leftOut;
  assert.equal(left.shipmentId, bad.shipments[0].id);
  assert.equal(left.mallOrderNumber, bad.mallOrderNumber);
  assert.deepEqual(
    left.problems.map((p: Record<string, string>) => [p.field, p.rule, p.screen, p.path]),
    [["お届け先住所", "max_length", `受注一覧 › 注文 ${bad.mallOrderNumber}`, `/orders/${bad.id}`]],
  );

  const none = await b2([bad.shipments[0].id]);
  assert.equal(none.status, 200);
  assert.equal(none.body.csvBase64, null, "no file when no slip can go in it");
  assert.equal(none.body.leftOut.length, 1);
});

test("送り状データ: no B2 請求先顧客コード → 422 naming 倉庫設定 and the setting", async () => {
  const order = await inProgress(["mug"]);
  const cleared = await t.api("PATCH", `/api/warehouses/${warehouseId}`, {
    settings: { yamatoBillingCustomerCode: null },
  });
  assert.equal(cleared.status, 200, JSON.stringify(cleared.body));
  try {
    const res = await b2([order.shipments[0].id]);
    assert.equal(res.status, 422);
    assert.match(res.body.detail, /倉庫設定/);
    assert.deepEqual(
      res.body.errors.map((e: { path: string }) => e.path),
      ["settings.yamatoBillingCustomerCode"],
    );
    assert.match(res.body.errors[0].message, /倉庫設定で/);
    assert.doesNotMatch(JSON.stringify(res.body), /配送設定/);
  } finally {
    await t.api("PATCH", `/api/warehouses/${warehouseId}`, { settings: SETTINGS });
  }
});

test("代引 split over two parcels: the amount is on the first parcel's slip only", async () => {
  const order = await inProgress(["mug", "mug"], {
    extra: { paymentMethod: "cash_on_delivery" },
    split: true,
  });
  assert.equal(order.shipments.length, 2);
  const [first, second] = [...order.shipments].sort((a, b) => a.slipNumber.localeCompare(b.slipNumber));
  const res = await b2(order.shipments.map((s: { id: string }) => s.id));
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const bySlip = new Map(res.rows.map((r) => [r[0], r]));
  assert.deepEqual(
    [bySlip.get(first.slipNumber)?.[1], bySlip.get(first.slipNumber)?.[33]],
    ["2", String(order.total)],
  );
  assert.deepEqual([bySlip.get(second.slipNumber)?.[1], bySlip.get(second.slipNumber)?.[33]], ["0", ""]);
});

test("a frozen product makes a クール冷凍 slip; the shipment's own service overrides its products'", async () => {
  const order = await inProgress(["mug", "ice"]);
  const shipment = order.shipments[0];
  // Written at registration from its products' 配送条件 (the strictest of mug's and ice's).
  assert.equal(shipment.shippingService, "standard");
  const cold = await b2([shipment.id]);
  assert.deepEqual([cold.rows[0]?.[1], cold.rows[0]?.[2]], ["0", "1"], "発払, クール冷凍");

  const path = `/api/orders/${order.id}/shipments/${shipment.id}`;
  const patched = await t.api("PATCH", path, { shippingService: "compact" });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  assert.equal(patched.body.shipments[0].shippingService, "compact");
  const compact = await b2([shipment.id]);
  assert.deepEqual(
    compact.body.leftOut[0].problems.map((p: Record<string, string>) => [p.field, p.rule, p.screen, p.path]),
    [["クール区分", "not_offered", "出荷一覧", `/shipments?q=${shipment.slipNumber}`]],
  );

  const unknown = await t.api("PATCH", path, { shippingService: "nekopos" });
  assert.equal(unknown.status, 422);
  assert.equal(unknown.body.errors[0].path, "shippingService");
  const products = (await t.api("GET", "/api/products?q=ICE-1")).body.items;
  const hot = await t.api("PATCH", `/api/products/${products[0].id}`, { temperature: "hot" });
  assert.equal(hot.status, 422);
  assert.equal(hot.body.errors[0].path, "temperature");
  assert.equal((await t.api("PATCH", path, { shippingService: null })).status, 200);
  assert.deepEqual((await b2([shipment.id])).rows[0]?.slice(1, 3), ["0", "1"]);
});

test("送り状データ: 出荷予定日 is the calendar's, or today once that day has passed", async () => {
  const closedToday = {
    closedWeekdays: [0, 6],
    holidaysClosed: true,
    closedDates: [{ date: "2030-01-15", note: "棚卸" }],
    openDates: [],
    leadDays: 0,
    cutoff: null,
    deliveryDays: {},
  };
  assert.equal((await t.api("PUT", `/api/warehouses/${warehouseId}/calendar`, closedToday)).status, 200);
  try {
    const later = await inProgress(["mug"]);
    const waited = await inProgress(["mug"]);
    await t.database.db.execute(
      sql`update shipments set calendar_ship_date = '2030-01-10' where id = ${waited.shipments[0].id}`,
    );
    const res = await b2([later.shipments[0].id, waited.shipments[0].id]);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const shipDateOf = (slip: string) => res.rows.find((r) => r[0] === slip)?.[4];
    assert.equal(shipDateOf(later.shipments[0].slipNumber), "2030/01/16");
    assert.equal(shipDateOf(waited.shipments[0].slipNumber), "2030/01/15", "a past date is today");
  } finally {
    await t.api("PUT", `/api/warehouses/${warehouseId}/calendar`, { ...closedToday, closedDates: [] });
  }
});

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import iconv from "iconv-lite";
import { recomputeAccountShipDates } from "#server/app/shipping/recompute-ship-dates.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { mapItem, newOrder, newProduct, orderBody } from "#test/catalog-api.ts";

let t: TestApp;
let shop: string;
let osaka: string;
const product: Record<string, string> = {};

const conditions = (id: string, body: unknown) =>
  t.api("PUT", `/api/products/${id}/delivery-conditions`, body);
const open = { warehouseId: null, carrier: null, leadDays: 0, timeSlots: null };

before(async () => {
  t = await startTestApp();
  shop = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
  const made = await t.api("POST", "/api/warehouses", { name: "大阪倉庫", kind: "self" });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  osaka = made.body.id;
  for (const sku of ["FROZEN", "LETTER", "SAGAWA", "OSAKA", "MORNING"]) {
    product[sku] = await newProduct(t, sku, 100);
    await mapItem(t, shop, sku, [{ productId: product[sku] as string, quantity: 1 }]);
  }
  await t.api("PATCH", `/api/products/${product.FROZEN}`, { temperature: "frozen" });
  await t.api("PATCH", `/api/products/${product.LETTER}`, { shippingService: "mailbox" });
  const set = await conditions(product.FROZEN as string, { ...open, carrier: "yamato", leadDays: 2 });
  assert.equal(set.status, 200, JSON.stringify(set.body));
  await conditions(product.SAGAWA as string, { ...open, carrier: "sagawa" });
  await conditions(product.OSAKA as string, { ...open, warehouseId: osaka });
  await conditions(product.MORNING as string, { ...open, timeSlots: ["am"] });
});
after(() => t.close());

const lines = (...skus: string[]) => skus.map((mallItemCode) => ({ mallItemCode, quantity: 1 }));
const timeline = (order: { events: { type: string; message: string }[] }, type: string) =>
  order.events.filter((e) => e.type === type).map((e) => e.message);
const tagCodes = (order: { tags: { systemCode: string | null }[] }) => order.tags.map((tg) => tg.systemCode);

test("配送条件 are read back as set; bad input is refused naming the field and the rule", async () => {
  const got = await t.api("GET", `/api/products/${product.FROZEN}/delivery-conditions`);
  assert.deepEqual(got.body, { warehouseId: null, carrier: "yamato", leadDays: 2, timeSlots: null });
  const bad = await conditions(product.FROZEN as string, { ...open, carrier: "fedex", leadDays: 61 });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), ["carrier", "leadDays"]);
  const elsewhere = await conditions(product.FROZEN as string, {
    ...open,
    warehouseId: "00000000-0000-4000-8000-000000000009",
  });
  assert.equal(elsewhere.status, 422);
  assert.deepEqual(elsewhere.body.errors, [
    { path: "warehouseId", message: "この倉庫はありません", rule: "unknown_warehouse" },
  ]);
  // Another account's warehouse is as unknown as a made-up one.
  const other = await t.newAccount();
  const theirs = await t.api("GET", "/api/warehouses", undefined, other.apiToken);
  const foreign = await conditions(product.FROZEN as string, {
    ...open,
    warehouseId: theirs.body.items[0].id,
  });
  assert.equal(foreign.status, 422);
  const after = await t.api("GET", `/api/products/${product.FROZEN}/delivery-conditions`);
  assert.equal(after.body.carrier, "yamato");
});

test("a shipment takes its carrier, service, temperature and お届け対応可能日数 from its products", async () => {
  // 2030-01-15 is a Tuesday: the calendar ships that day, FROZEN's 2 more open days make it Thursday.
  const order = await newOrder(
    t,
    orderBody(shop, "C-1", lines("FROZEN", "LETTER"), { desiredTimeSlot: "14:00-16:00" }),
  );
  const [s] = order.shipments;
  assert.equal(s.deliveryCarrier, "yamato");
  assert.equal(s.shippingService, "standard", "ポスト投函 + 宅配便 → 宅配便");
  assert.equal(s.temperature, "frozen");
  assert.equal(s.productLeadDays, 2);
  assert.equal(s.calendarShipDate, "2030-01-17");
  assert.equal(order.plannedShipDate, "2030-01-17");
  assert.deepEqual(tagCodes(order), []);
  const plain = await newOrder(t, orderBody(shop, "C-2", lines("LETTER")));
  assert.equal(plain.shipments[0].deliveryCarrier, null);
  assert.equal(plain.shipments[0].shippingService, "mailbox");
  assert.equal(plain.shipments[0].calendarShipDate, "2030-01-15");
});

test("a product's own 物流会社 sends its parcel from that warehouse", async () => {
  const order = await newOrder(t, orderBody(shop, "C-3", lines("OSAKA")));
  assert.equal(order.shipments[0].warehouseId, osaka);
});

test("a time slot the carrier does not offer is held with why, never sent", async () => {
  const order = await newOrder(
    t,
    orderBody(shop, "C-4", lines("FROZEN"), { desiredTimeSlot: "12:00-14:00" }),
  );
  assert.deepEqual(tagCodes(order), ["time_slot_unavailable"]);
  assert.match(
    timeline(order, "time_slot_unavailable")[0] ?? "",
    /「12:00-14:00」はヤマト運輸では指定できません/,
  );
  assert.ok(order.holds.some((h: { why: string }) => /お届け希望時間帯/.test(h.why)));
  assert.equal(order.shipments[0].requestedAt, null);
  assert.notEqual(order.status, "awaiting_shipment");
  // A product that takes 午前中 only refuses 18時以降, whatever carrier the warehouse uses.
  const evening = await newOrder(
    t,
    orderBody(shop, "C-5", lines("MORNING"), { desiredTimeSlot: "18:00-20:00" }),
  );
  assert.match(
    timeline(evening, "time_slot_unavailable")[0] ?? "",
    /商品 MORNING の配送条件で受け付けていません/,
  );
  const morning = await newOrder(t, orderBody(shop, "C-6", lines("MORNING"), { desiredTimeSlot: "午前中" }));
  assert.deepEqual(tagCodes(morning), []);
});

test("products naming different carriers or warehouses in one parcel are flagged, not guessed", async () => {
  const carriers = await newOrder(t, orderBody(shop, "C-7", lines("FROZEN", "SAGAWA")));
  assert.deepEqual(tagCodes(carriers), ["delivery_conditions_conflict"]);
  assert.equal(carriers.shipments[0].deliveryCarrier, null);
  assert.match(
    timeline(carriers, "delivery_conditions_conflict")[0] ?? "",
    /配送会社が商品で異なります\(FROZEN: ヤマト運輸 \/ SAGAWA: 佐川急便\)/,
  );
  const places = await newOrder(t, orderBody(shop, "C-8", lines("LETTER", "OSAKA")));
  assert.match(timeline(places, "delivery_conditions_conflict")[0] ?? "", /OSAKA: 大阪倉庫/);
});

const csv = (text: string) =>
  fetch(`${t.url}/api/delivery-conditions.csv`, {
    method: "POST",
    headers: { authorization: `Bearer ${t.owner.apiToken}`, "content-type": "text/csv" },
    body: new Uint8Array(iconv.encode(text, "cp932")),
  }).then(async (r) => ({ status: r.status, body: await r.json() }));

test("CSV bulk edit: Shift_JIS out, one bad row refuses the whole file with a per-row report", async () => {
  const res = await fetch(`${t.url}/api/delivery-conditions.csv`, {
    headers: { authorization: `Bearer ${t.owner.apiToken}` },
  });
  assert.equal(res.headers.get("content-type"), "text/csv; charset=Shift_JIS");
  const text = iconv.decode(Buffer.from(await res.arrayBuffer()), "cp932");
  const rows = text.trimEnd().split("\r\n");
  assert.equal(rows[0], "SKU,商品名,物流会社,配送会社,お届け対応可能日数,時間帯");
  assert.ok(rows.includes("FROZEN,商品 FROZEN,,ヤマト運輸,2,"));
  assert.ok(rows.includes("MORNING,商品 MORNING,,,0,午前中"));
  assert.ok(rows.includes("OSAKA,商品 OSAKA,大阪倉庫,,0,"));
  await conditions(product.MORNING as string, { ...open, timeSlots: ["am", "14-16"] });
  const again = await fetch(`${t.url}/api/delivery-conditions.csv`, {
    headers: { authorization: `Bearer ${t.owner.apiToken}` },
  });
  // 〜 has no Shift_JIS code: written as CP932's ～, and read back as the same slot.
  const exported = iconv.decode(Buffer.from(await again.arrayBuffer()), "cp932");
  assert.ok(exported.includes("MORNING,商品 MORNING,,,0,午前中/14～16時"));

  const header = rows[0];
  const refused = await csv(
    `${header}\r\nLETTER,,大阪倉庫,日本郵便,1,なし\r\nNOPE,,,,0,\r\nSAGAWA,,,西濃運輸,0,夜\r\n`,
  );
  assert.equal(refused.status, 422);
  assert.equal(refused.body.rule, "all_rows_valid");
  assert.deepEqual(
    refused.body.errors.map((e: { path: string; rule: string }) => [e.path, e.rule]),
    [
      ["3行目.SKU", "unknown_sku"],
      ["4行目.配送会社", "unknown_carrier"],
      ["4行目.時間帯", "unknown_time_slot"],
    ],
  );
  const untouched = await t.api("GET", `/api/products/${product.LETTER}/delivery-conditions`);
  assert.deepEqual(untouched.body, open, "the good row was not written either");

  const ok = await csv(`${header}\r\nLETTER,,大阪倉庫,日本郵便,1,なし\r\nSAGAWA,,,,0,午前中/14～16時\r\n`);
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.deepEqual(ok.body, { updated: 2 });
  const letter = await t.api("GET", `/api/products/${product.LETTER}/delivery-conditions`);
  assert.deepEqual(letter.body, { warehouseId: osaka, carrier: "japanpost", leadDays: 1, timeSlots: [] });
  const sagawa = await t.api("GET", `/api/products/${product.SAGAWA}/delivery-conditions`);
  assert.deepEqual(sagawa.body, {
    warehouseId: null,
    carrier: null,
    leadDays: 0,
    timeSlots: ["am", "14-16"],
  });
});

test("ship-dates recompute: an order opened before the calendar and the conditions gets its dates", async () => {
  const order = (await t.api("GET", "/api/orders?q=C-2")).body.items[0];
  await t.database.db.execute(
    sql`update shipments set calendar_ship_date = null, expected_delivery_date = null, product_lead_days = 0
        where order_id = ${order.id}`,
  );
  const report = await recomputeAccountShipDates(t.ctx, t.owner.accountId);
  assert.equal(report.warehouses, 2);
  const [s] = (await t.api("GET", `/api/orders/${order.id}`)).body.shipments;
  // LETTER now needs 1 open day (set by the CSV above): Tuesday 1/15 → Wednesday 1/16, 大阪 1 day on.
  assert.equal(s.productLeadDays, 1);
  assert.equal(s.calendarShipDate, "2030-01-16");
  assert.equal(s.expectedDeliveryDate, "2030-01-17");
  const again = await recomputeAccountShipDates(t.ctx, t.owner.accountId);
  assert.equal(again.shipments, report.shipments, "safe to run again");
});

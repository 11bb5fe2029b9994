import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import { startTestApp, type TestApp } from "#test/app.ts";
import { newOrder, orderBody } from "#test/catalog-api.ts";

let t: TestApp;
const ids: Record<string, string> = {};

/** Three orders whose shipments the warehouse has dated differently (set where the warehouse would). */
before(async () => {
  t = await startTestApp();
  const shop = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
  for (const n of ["D-1", "D-2", "D-3"])
    ids[n] = (await newOrder(t, orderBody(shop, n, [{ mallItemCode: "x", quantity: 1 }]))).id;
  const date = async (n: string, planned: string | null, shippedAt: string | null, carrier: string | null) =>
    t.database.db.execute(
      sql`update shipments set planned_ship_date = ${planned}, shipped_at = ${shippedAt}::timestamptz,
            chosen_carrier = ${carrier ? JSON.stringify({ mallCode: "1", label: carrier, carrier: null }) : null}::jsonb
          where order_id = ${ids[n]}`,
    );
  await date("D-1", "2030-01-16", "2030-01-16T09:00:00+09:00", "宅配便");
  await date("D-2", "2030-01-17", "2030-01-16T23:59:00+09:00", null);
  await date("D-3", "2030-01-18", null, "メール便");
  await t.database.db.execute(
    sql`update orders set desired_delivery_date = '2030-01-20', desired_time_slot = '14:00-16:00' where id = ${ids["D-1"]}`,
  );
});
after(() => t.close());

const numbers = (body: { items: { mallOrderNumber: string }[] }) =>
  body.items.map((o) => o.mallOrderNumber).sort();

test("the list shows 配送方法, 出荷予定日 and お届け希望日 per order", async () => {
  const list = (await t.api("GET", "/api/orders")).body;
  const d1 = list.items.find((o: { mallOrderNumber: string }) => o.mallOrderNumber === "D-1");
  assert.equal(d1.deliveryMethod, "宅配便");
  assert.equal(d1.plannedShipDate, "2030-01-16");
  assert.equal(d1.desiredDeliveryDate, "2030-01-20");
  assert.equal(d1.desiredTimeSlot, "14:00-16:00");
  const d2 = list.items.find((o: { mallOrderNumber: string }) => o.mallOrderNumber === "D-2");
  assert.equal(d2.deliveryMethod, null);
});

test("出荷予定日 and 出荷日 ranges filter the list and its tab counts, both ends included (Tokyo days)", async () => {
  const planned = await t.api("GET", "/api/orders?plannedShipFrom=2030-01-17&plannedShipTo=2030-01-18");
  assert.deepEqual(numbers(planned.body), ["D-2", "D-3"]);
  const plannedDay = await t.api("GET", "/api/orders?plannedShipFrom=2030-01-16&plannedShipTo=2030-01-16");
  assert.deepEqual(numbers(plannedDay.body), ["D-1"]);
  // 出荷日 2030-01-16 in Tokyo: 09:00 and 23:59 that day, the unshipped one never.
  const day = "shippedFrom=2030-01-16T00:00:00%2B09:00&shippedTo=2030-01-16T23:59:59.999%2B09:00";
  assert.deepEqual(numbers((await t.api("GET", `/api/orders?${day}`)).body), ["D-1", "D-2"]);
  const counts = await t.api("GET", `/api/orders/counts?${day}`);
  assert.equal(counts.body.all.count, 2);
  const before = await t.api("GET", "/api/orders?shippedTo=2030-01-16T12:00:00%2B09:00");
  assert.deepEqual(numbers(before.body), ["D-1"]);
});

test("出荷一覧 takes the same date ranges", async () => {
  const planned = await t.api("GET", "/api/shipments?plannedShipFrom=2030-01-18");
  assert.deepEqual(numbers(planned.body), ["D-3"]);
  const shipped = await t.api("GET", "/api/shipments?shippedFrom=2030-01-16T12:00:00%2B09:00");
  assert.deepEqual(numbers(shipped.body), ["D-2"]);
  const ordered = await t.api("GET", "/api/shipments?orderedTo=2029-12-31T23:59:59%2B09:00");
  assert.deepEqual(numbers(ordered.body), []);
});

test("a date that is not YYYY-MM-DD is refused naming the field", async () => {
  const bad = await t.api("GET", "/api/orders?plannedShipFrom=2030/01/16");
  assert.equal(bad.status, 422);
  assert.equal(bad.body.errors[0].path, "plannedShipFrom");
  assert.match(bad.body.errors[0].message, /YYYY-MM-DD/);
  const badShipments = await t.api("GET", "/api/shipments?shippedFrom=yesterday");
  assert.equal(badShipments.status, 422);
  assert.equal(badShipments.body.errors[0].path, "shippedFrom");
});

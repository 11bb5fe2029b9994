import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import { registerOrders } from "#server/app/orders/register-order.ts";
import { recomputeShipDates } from "#server/app/shipping/recompute-ship-dates.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { newOrder, orderBody } from "#test/catalog-api.ts";

let t: TestApp;
let shop: string;
let room: string;
// The test clock starts on Tuesday 2030-01-15 at 10:00 in Tokyo.
const calendar = {
  closedWeekdays: [0, 6],
  holidaysClosed: true,
  closedDates: [{ date: "2030-01-02", note: "年始" }],
  openDates: [],
  leadDays: 0,
  cutoff: "15:00",
  deliveryDays: {},
};

before(async () => {
  t = await startTestApp();
  shop = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
  room = (await t.api("GET", "/api/warehouses")).body.items[0].id;
});
after(() => t.close());

const detail = async (id: string) => (await t.api("GET", `/api/orders/${id}`)).body;
const listed = async (number: string) =>
  (await t.api("GET", "/api/orders")).body.items.find(
    (o: { mallOrderNumber: string }) => o.mallOrderNumber === number,
  );

test("a warehouse's calendar: defaults, refusals naming each field, saved, and the day preview says why", async () => {
  const fresh = (await t.api("GET", `/api/warehouses/${room}/calendar`)).body;
  assert.deepEqual(fresh.closedWeekdays, [0, 6]);
  assert.equal(fresh.cutoff, null);
  assert.equal(fresh.areas.find((a: { code: string }) => a.code === "okinawa").days, 3);

  const bad = await t.api("PUT", `/api/warehouses/${room}/calendar`, {
    ...calendar,
    closedWeekdays: [7],
    closedDates: [{ date: "1/2" }],
    cutoff: "25:00",
    deliveryDays: { hokkaido: 0 },
  });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), [
    "closedDates.0.date",
    "closedWeekdays.0",
    "cutoff",
    "deliveryDays.hokkaido",
  ]);

  const saved = await t.api("PUT", `/api/warehouses/${room}/calendar`, {
    ...calendar,
    deliveryDays: { kansai: 2 },
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.equal(saved.body.cutoff, "15:00");
  assert.deepEqual(saved.body.closedDates, [{ date: "2030-01-02", note: "年始" }]);
  const kansai = saved.body.areas.find((a: { code: string }) => a.code === "kansai");
  assert.deepEqual(kansai, { code: "kansai", label: "関西", days: 2, defaultDays: 1 });
  // The cut-off is the warehouse's 出荷締め時刻, which its other settings read too.
  const w = (await t.api("GET", "/api/warehouses")).body.items[0];
  assert.equal(w.settings.shippingCutoff, "15:00");

  const days = (await t.api("GET", `/api/warehouses/${room}/calendar/days?from=2030-01-01&to=2030-01-14`))
    .body.items;
  const on = (date: string) => days.find((d: { date: string }) => d.date === date);
  assert.equal(days.length, 14);
  assert.deepEqual(on("2030-01-01"), {
    date: "2030-01-01",
    open: false,
    reason: "holiday",
    reasonLabel: "祝日",
    holidayName: "元日",
    note: null,
  });
  assert.equal(on("2030-01-02").reasonLabel, "臨時休業");
  assert.equal(on("2030-01-02").note, "年始");
  assert.equal(on("2030-01-05").reasonLabel, "定休日");
  assert.equal(on("2030-01-14").holidayName, "成人の日");
  assert.equal(on("2030-01-07").open, true);

  const backwards = await t.api("GET", `/api/warehouses/${room}/calendar/days?from=2030-01-14&to=2030-01-01`);
  assert.equal(backwards.status, 422);
  assert.equal(backwards.body.errors[0].path, "to");
  const tooLong = await t.api("GET", `/api/warehouses/${room}/calendar/days?from=2030-01-01&to=2031-06-01`);
  assert.equal(tooLong.status, 422);

  const other = await t.newAccount();
  const theirs = await t.api("GET", `/api/warehouses/${room}/calendar`, undefined, other.apiToken);
  assert.equal(theirs.status, 404);
  const put = await t.api("PUT", `/api/warehouses/${room}/calendar`, calendar, other.apiToken);
  assert.equal(put.status, 404);
});

test("a registered order gets 出荷予定日 and お届け予定日 from the calendar; a too-early お届け希望日 is flagged", async () => {
  await t.api("PUT", `/api/warehouses/${room}/calendar`, calendar);
  const order = await newOrder(t, orderBody(shop, "C-1", [{ mallItemCode: "x", quantity: 1 }]));
  const shown = await detail(order.id);
  assert.equal(shown.plannedShipDate, "2030-01-15");
  assert.equal(shown.plannedShipDateBy, "calendar");
  assert.equal(shown.expectedDeliveryDate, "2030-01-16");
  assert.equal(shown.desiredDeliveryTooEarly, false);
  assert.equal(shown.shipments[0].calendarShipDate, "2030-01-15");

  // At 15:00 the day's shipping is closed: Wednesday.
  t.clock.set(new Date("2030-01-15T15:00:00+09:00"));
  const late = await newOrder(t, orderBody(shop, "C-2", [{ mallItemCode: "x", quantity: 1 }]));
  assert.equal((await detail(late.id)).plannedShipDate, "2030-01-16");

  await t.database.db.execute(
    sql`update orders set desired_delivery_date = '2030-01-16' where id = ${late.id}`,
  );
  const row = await listed("C-2");
  assert.equal(row.plannedShipDate, "2030-01-16");
  assert.equal(row.expectedDeliveryDate, "2030-01-17");
  assert.equal(row.desiredDeliveryTooEarly, true);
});

test("a calendar change moves the open orders' dates in a job, never a requested or answered shipment's", async () => {
  t.clock.set(new Date("2030-01-15T10:00:00+09:00"));
  const open = await newOrder(t, orderBody(shop, "R-1", [{ mallItemCode: "x", quantity: 1 }]));
  const requested = await newOrder(t, orderBody(shop, "R-2", [{ mallItemCode: "x", quantity: 1 }]));
  const answered = await newOrder(t, orderBody(shop, "R-3", [{ mallItemCode: "x", quantity: 1 }]));
  await t.database.db.execute(
    sql`update shipments set requested_at = now() where order_id = ${requested.id}`,
  );
  await t.database.db.execute(
    sql`update shipments set planned_ship_date = '2030-01-18' where order_id = ${answered.id}`,
  );

  const closing = { ...calendar, closedDates: [{ date: "2030-01-15", note: "棚卸" }] };
  assert.equal((await t.api("PUT", `/api/warehouses/${room}/calendar`, closing)).status, 200);
  assert.equal((await detail(open.id)).plannedShipDate, "2030-01-15", "moved by the job, not the request");
  assert.equal(await t.runDueJobs("ship-dates-recompute"), 1);

  assert.equal((await detail(open.id)).plannedShipDate, "2030-01-16");
  assert.equal((await detail(open.id)).expectedDeliveryDate, "2030-01-17");
  assert.equal((await detail(requested.id)).plannedShipDate, "2030-01-15");
  const warehouseSaid = await detail(answered.id);
  assert.equal(warehouseSaid.plannedShipDate, "2030-01-18");
  assert.equal(warehouseSaid.plannedShipDateBy, "warehouse");
  assert.equal(warehouseSaid.shipments[0].calendarShipDate, "2030-01-16");

  // The list's filter reads the same date.
  const filtered = (await t.api("GET", "/api/orders?plannedShipFrom=2030-01-16&plannedShipTo=2030-01-16"))
    .body;
  assert.ok(filtered.items.some((o: { mallOrderNumber: string }) => o.mallOrderNumber === "R-1"));
});

test("the recompute walks the warehouse's open shipments batch after batch", async () => {
  await t.api("PUT", `/api/warehouses/${room}/calendar`, { ...calendar, openDates: [], closedDates: [] });
  const seen = await recomputeShipDates(t.ctx, room, 2);
  const open = await t.database.db.execute<{ n: number; stale: number }>(
    sql`select count(*)::int as n, count(*) filter (where calendar_ship_date <> '2030-01-15')::int as stale
        from shipments where warehouse_id = ${room} and requested_at is null and status in ('allocating', 'allocated', 'awaiting_shipment')
        and order_id in (select id from orders where ordered_at < '2030-01-15T15:00:00+09:00')`,
  );
  const counted = (open as unknown as { rows: { n: number; stale: number }[] }).rows[0];
  assert.ok(seen >= 4, `looked at ${seen}`);
  assert.equal(counted?.stale, 0);
  assert.ok((counted?.n ?? 0) >= 3);
});

test("a batch registration dates each order by its own time, to its own ship-to", async () => {
  await t.api("PUT", `/api/warehouses/${room}/calendar`, calendar);
  const at = (local: string) => new Date(`${local}+09:00`);
  const body = (n: string, orderedAt: Date, prefecture: string) => {
    const o = orderBody(shop, n, [{ mallItemCode: "x", quantity: 1 }]);
    return { ...o, orderedAt, shipTo: { ...o.shipTo, prefecture } };
  };
  const outcomes = await registerOrders(t.ctx, { kind: "system" }, t.owner.accountId, [
    body("B-1", at("2030-01-18T14:59"), "大阪府"),
    body("B-2", at("2030-01-18T15:00"), "北海道"),
    body("B-3", at("2030-01-19T09:00"), "沖縄県"),
  ]);
  const dates = [];
  for (const o of outcomes) {
    assert.ok("orderId" in o);
    const shown = await detail(o.orderId);
    dates.push([shown.plannedShipDate, shown.expectedDeliveryDate]);
  }
  // Friday before and at the cut-off; Saturday waits for Monday. 東京都 is assumed without a ご依頼主.
  assert.deepEqual(dates, [
    ["2030-01-18", "2030-01-19"],
    ["2030-01-21", "2030-01-23"],
    ["2030-01-21", "2030-01-24"],
  ]);
});

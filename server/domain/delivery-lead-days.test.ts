import assert from "node:assert/strict";
import { test } from "node:test";
import {
  defaultDeliveryDays,
  deliveryDaysTo,
  desiredDateTooEarly,
  expectedDeliveryDate,
} from "./delivery-lead-days.ts";
import { shipSchedule, warehouseCalendarOf } from "./warehouse-calendar.ts";

test("default days on the road from the warehouse's prefecture to each area", () => {
  const rows: [string | null, string, boolean, number | null][] = [
    ["東京都", "大阪府", false, 1],
    ["東京都", "高知県", false, 1],
    ["東京都", "北海道", false, 2],
    ["東京都", "福岡県", false, 2],
    ["東京都", "沖縄県", false, 3],
    ["東京都", "東京都", true, 3],
    ["福岡県", "鹿児島県", false, 1],
    ["福岡県", "東京都", false, 2],
    ["福岡県", "北海道", false, 3],
    ["沖縄県", "沖縄県", false, 1],
    ["沖縄県", "大阪府", false, 3],
    [null, "北海道", false, 2],
    ["東京都", "ニューヨーク", false, null],
  ];
  for (const [origin, to, island, expected] of rows)
    assert.equal(
      deliveryDaysTo(origin, {}, to, island),
      expected,
      `${origin} → ${to}${island ? " 離島" : ""}`,
    );
  assert.equal(Object.keys(defaultDeliveryDays("東京都")).length, 11);
});

test("the merchant's own days for an area win over the default", () => {
  assert.equal(deliveryDaysTo("東京都", { hokkaido: 4 }, "北海道", false), 4);
  assert.equal(deliveryDaysTo("東京都", { hokkaido: 4 }, "青森県", false), 1);
  assert.equal(deliveryDaysTo("東京都", { tohoku: 1 }, "青森県", true), 3);
});

test("お届け予定日 is the 出荷予定日 plus calendar days; an earlier お届け希望日 is flagged", () => {
  assert.equal(expectedDeliveryDate("2027-12-31", 2), "2028-01-02");
  assert.equal(expectedDeliveryDate(null, 2), null);
  assert.equal(expectedDeliveryDate("2027-12-31", null), null);
  assert.equal(desiredDateTooEarly("2027-07-20", "2027-07-21"), true);
  assert.equal(desiredDateTooEarly("2027-07-21", "2027-07-21"), false);
  assert.equal(desiredDateTooEarly(null, "2027-07-21"), false);
  assert.equal(desiredDateTooEarly("2027-07-20", null), false);
});

test("a parcel's schedule: Friday 15:00 before 海の日 from Tokyo to Hokkaido", () => {
  const origin = { calendar: warehouseCalendarOf({}), cutoff: "15:00", prefecture: "東京都" };
  const parcel = { prefecture: "北海道", remoteIsland: false, productLeadDays: 0 };
  assert.deepEqual(shipSchedule(origin, { ...parcel, orderedAt: new Date("2027-07-16T14:59:00+09:00") }), {
    calendarShipDate: "2027-07-16",
    expectedDeliveryDate: "2027-07-18",
  });
  assert.deepEqual(shipSchedule(origin, { ...parcel, orderedAt: new Date("2027-07-16T15:00:00+09:00") }), {
    calendarShipDate: "2027-07-20",
    expectedDeliveryDate: "2027-07-22",
  });
  // A product that needs 3 open days (お届け対応可能日数) ships Thursday 7/22 and arrives on 7/24.
  assert.deepEqual(
    shipSchedule(origin, {
      ...parcel,
      productLeadDays: 3,
      orderedAt: new Date("2027-07-16T15:00:00+09:00"),
    }),
    { calendarShipDate: "2027-07-23", expectedDeliveryDate: "2027-07-25" },
  );
  assert.throws(() => warehouseCalendarOf({ deliveryDays: { hokkaido: 0 } }), /日数は1日以上です/);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { resultsPage, rslTimeSlot, warehouseResult } from "./mapping.ts";

test("time slots RSL has are sent as its codes; the rest are left out", () => {
  const cases: [string | null, string | null][] = [
    ["午前中", "0812"],
    ["08:00-12:00", "0812"],
    ["14:00-16:00", "1416"],
    ["16:00-18:00", "1618"],
    ["18:00-20:00", "1820"],
    ["19:00-21:00", "1921"],
    ["1416", "1416"],
    ["午後", null],
    ["12:00-14:00", null],
    ["20:00-21:00", null],
    ["最終便(19:00以降)", null],
    ["その他", null],
    [null, null],
  ];
  for (const [slot, code] of cases) assert.equal(rslTimeSlot(slot), code, String(slot));
});

test("a carrier RSL adds later is その他, with its tracking number kept", () => {
  const page = resultsPage.parse({
    results: [
      {
        resultId: "SR1",
        requestId: "RSL-20250610-000001",
        clientShipmentId: "J-1",
        status: "shipped",
        shippedOn: "2025-06-10",
        parcels: [
          { carrier: "seino", carrierName: "西濃運輸", trackingNumber: "123" },
          { carrier: "sagawa", carrierName: "佐川急便", trackingNumber: "456" },
        ],
        recordedAt: "2025-06-10T13:00:00+09:00",
      },
    ],
    nextCursor: "SR1",
    hasMore: false,
  });
  const result = warehouseResult(page.results[0] as (typeof page.results)[number]);
  assert.ok(result.outcome === "shipped");
  assert.deepEqual(result.parcels, [
    { carrier: "other", trackingNumber: "123" },
    { carrier: "sagawa", trackingNumber: "456" },
  ]);
});

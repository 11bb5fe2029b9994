import assert from "node:assert/strict";
import { test } from "node:test";
import { collectingShipments, parcelCashOnDelivery } from "./cash-on-delivery.ts";

test("an order's 代引 amount goes on its first live shipment only", () => {
  const collecting = collectingShipments([
    { id: "a2", orderId: "A", slipNumber: "J0000000012", status: "shipping" },
    { id: "a1", orderId: "A", slipNumber: "J0000000011", status: "shipping" },
    { id: "b1", orderId: "B", slipNumber: "J0000000013", status: "cancelled" },
    { id: "b2", orderId: "B", slipNumber: "J0000000014", status: "shipping" },
    { id: "c1", orderId: "C", slipNumber: "J0000000015", status: "shipped" },
  ]);
  assert.deepEqual([...collecting].sort(), ["a1", "b2", "c1"]);
});

test("a parcel collects the totals of the orders it collects for, nothing else", () => {
  const collecting = new Set(["a1", "b1"]);
  const cases: [Parameters<typeof parcelCashOnDelivery>[0], number | null][] = [
    [[{ shipmentId: "a1", cashOnDelivery: true, orderTotal: 5500 }], 5500],
    [[{ shipmentId: "a2", cashOnDelivery: true, orderTotal: 5500 }], null],
    [[{ shipmentId: "a1", cashOnDelivery: false, orderTotal: 5500 }], null],
    [
      [
        { shipmentId: "a1", cashOnDelivery: true, orderTotal: 5500 },
        { shipmentId: "b1", cashOnDelivery: true, orderTotal: 1200 },
        { shipmentId: "c1", cashOnDelivery: true, orderTotal: 900 },
      ],
      6700,
    ],
  ];
  for (const [members, expected] of cases) assert.equal(parcelCashOnDelivery(members, collecting), expected);
  const unknown = parcelCashOnDelivery(
    [{ shipmentId: "a1", cashOnDelivery: true, orderTotal: null }],
    collecting,
  );
  assert.ok(Number.isNaN(unknown));
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { type AttachedTag, type OrderSnapshot, recordPayment } from "./order.ts";
import type { OrderStatus, ShippingStatus } from "./order-status.ts";
import { isShortOfStock } from "./order-tagging.ts";
import { Refusal } from "./refusal.ts";

const OVERDUE: AttachedTag = {
  tagId: "t-overdue",
  name: "入金確認待ち超過",
  hold: false,
  systemCode: "payment_overdue",
};
const GIFT: AttachedTag = { tagId: "t-gift", name: "ギフト", hold: false, systemCode: null };

function order(
  status: OrderStatus,
  shipments: ShippingStatus[],
  extra: Partial<OrderSnapshot> = {},
): OrderSnapshot {
  return {
    status,
    paymentMethod: "bank_transfer",
    paidAt: null,
    total: 1000,
    graceUntil: new Date("2030-01-01T00:00:00Z"),
    deletedAt: null,
    items: [{ mapped: true }],
    shipments: shipments.map((s, i) => ({ id: `s${i}`, status: s })),
    tags: [],
    ...extra,
  };
}

test("在庫不足: 確認済 with a shipment still 在庫引当中, never for a test import", () => {
  const cases: [string, OrderSnapshot, boolean][] = [
    ["short at 確認済", order("confirmed", ["allocating"]), true],
    ["one of two shipments short", order("confirmed", ["allocated", "allocating"]), true],
    ["fully allocated, waiting for payment", order("confirmed", ["allocated"]), false],
    ["not allocated yet at 確認待", order("awaiting_confirmation", ["allocating"]), false],
    ["cancelled", order("cancelled", ["cancelled"]), false],
    ["a test import takes no stock", order("confirmed", ["allocating"], { testImport: true }), false],
  ];
  for (const [why, snapshot, short] of cases) assert.equal(isShortOfStock(snapshot), short, why);
});

test("recording the payment takes 入金確認待ち超過 off, and only that tag", () => {
  const paid = recordPayment(order("confirmed", ["allocated"], { tags: [OVERDUE, GIFT] }), {
    paidAt: new Date(),
  });
  assert.ok(!(paid instanceof Refusal));
  assert.deepEqual(paid.order.tags, [GIFT]);
  assert.deepEqual(
    paid.events.map((e) => e.type),
    ["payment_recorded", "tag_removed"],
  );
});

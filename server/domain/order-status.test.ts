import assert from "node:assert/strict";
import { test } from "node:test";
import {
  canMove,
  canMoveShipment,
  isOrderStatus,
  isShippingStatus,
  ORDER_STATUS_LABELS,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  type OrderStatus,
  SHIPPING_STATUS_LABELS,
  SHIPPING_STATUSES,
  SHIPPING_TRANSITIONS,
  type ShippingStatus,
  summarizeShippingStatus,
} from "./order-status.ts";

function reachable<S extends string>(from: S, transitions: Record<S, readonly S[]>): Set<S> {
  const seen = new Set<S>([from]);
  const queue: S[] = [from];
  for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
    for (const next of transitions[s]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

// SPEC.md §2 and §3, verbatim.
const orderLabels: [OrderStatus, string][] = [
  ["new", "新規受付"],
  ["awaiting_confirmation", "確認待"],
  ["confirmed", "確認済"],
  ["awaiting_shipment", "出荷待ち"],
  ["shipping", "出荷作業中"],
  ["shipped", "全出荷済"],
  ["completed", "完了"],
  ["cancelled", "キャンセル"],
];

const shippingLabels: [ShippingStatus, string][] = [
  ["allocating", "在庫引当中"],
  ["allocated", "在庫引当済"],
  ["awaiting_shipment", "出荷待ち"],
  ["shipping", "出荷中"],
  ["shipped", "出荷済"],
  ["unshippable", "出荷不可"],
  ["cancelled", "キャンセル"],
];

test("order statuses are exactly SPEC.md §2's, with its Japanese labels", () => {
  assert.deepEqual([...ORDER_STATUSES].sort(), orderLabels.map(([s]) => s).sort());
  for (const [status, label] of orderLabels) {
    assert.equal(ORDER_STATUS_LABELS[status], label, status);
    assert.ok(isOrderStatus(status), status);
  }
  assert.equal(isOrderStatus("deleted"), false, "deleted is not a status (§2)");
  assert.equal(isOrderStatus("toString"), false);
});

test("shipping statuses are exactly SPEC.md §3's, with its Japanese labels", () => {
  assert.deepEqual([...SHIPPING_STATUSES].sort(), shippingLabels.map(([s]) => s).sort());
  for (const [status, label] of shippingLabels) {
    assert.equal(SHIPPING_STATUS_LABELS[status], label, status);
    assert.ok(isShippingStatus(status), status);
  }
  assert.equal(isShippingStatus("withdrawn"), false);
});

test("every order status is reachable from new", () => {
  const seen = reachable<OrderStatus>("new", ORDER_TRANSITIONS);
  for (const s of ORDER_STATUSES) assert.ok(seen.has(s), `${s} unreachable from new`);
});

test("every shipping status is reachable from allocating", () => {
  const seen = reachable<ShippingStatus>("allocating", SHIPPING_TRANSITIONS);
  for (const s of SHIPPING_STATUSES) assert.ok(seen.has(s), `${s} unreachable from allocating`);
});

test("cancelled is terminal: no order status can be reached from it", () => {
  assert.deepEqual([...ORDER_TRANSITIONS.cancelled], []);
  for (const to of ORDER_STATUSES) assert.equal(canMove("cancelled", to), false, `cancelled → ${to}`);
});

test("shipped and cancelled shipments are terminal", () => {
  for (const from of ["shipped", "cancelled"] as const) {
    for (const to of SHIPPING_STATUSES) assert.equal(canMoveShipment(from, to), false, `${from} → ${to}`);
  }
});

// SPEC.md §2 diagram and §5 (who may be cancelled).
const orderMoves: [OrderStatus, OrderStatus, boolean][] = [
  ["new", "awaiting_confirmation", true],
  ["new", "cancelled", true], // cancelled at the mall during the grace period
  ["new", "confirmed", false],
  ["awaiting_confirmation", "confirmed", true],
  ["awaiting_confirmation", "cancelled", true],
  ["awaiting_confirmation", "awaiting_shipment", false],
  ["confirmed", "awaiting_shipment", true],
  ["confirmed", "awaiting_confirmation", true], // holding tag set
  ["confirmed", "cancelled", true],
  ["awaiting_shipment", "shipping", true],
  ["awaiting_shipment", "awaiting_confirmation", true], // holding tag set
  ["awaiting_shipment", "confirmed", true], // 受注修正: lines to allocate again, or a payment to wait for
  ["awaiting_shipment", "cancelled", true],
  ["shipping", "shipped", true],
  ["shipping", "cancelled", true], // only with an 出荷不可 shipment (§5)
  ["shipping", "awaiting_confirmation", false],
  ["shipped", "completed", true],
  ["shipped", "cancelled", false],
  ["completed", "cancelled", true],
  ["completed", "shipped", false],
  ["cancelled", "new", false],
];

for (const [from, to, allowed] of orderMoves) {
  test(`order ${from} → ${to}: ${allowed ? "allowed" : "refused"}`, () => {
    assert.equal(canMove(from, to), allowed);
  });
}

// SPEC.md §3.
const shipmentMoves: [ShippingStatus, ShippingStatus, boolean][] = [
  ["allocating", "allocated", true],
  ["allocated", "awaiting_shipment", true],
  ["awaiting_shipment", "shipping", true],
  ["shipping", "shipped", true],
  ["shipping", "unshippable", true], // withdrawal accepted
  ["shipping", "cancelled", false], // withdraw first
  ["unshippable", "shipping", true], // request sent again
  ["unshippable", "cancelled", true],
  ["allocating", "shipping", false],
];

for (const [from, to, allowed] of shipmentMoves) {
  test(`shipment ${from} → ${to}: ${allowed ? "allowed" : "refused"}`, () => {
    assert.equal(canMoveShipment(from, to), allowed);
  });
}

// biome-ignore format: a table, one row per line
const summaries: { name: string; statuses: ShippingStatus[]; want: ShippingStatus | null }[] = [
  { name: "no shipment", statuses: [], want: null },
  { name: "single shipment speaks for itself", statuses: ["shipping"], want: "shipping" },
  { name: "least advanced live shipment wins", statuses: ["shipped", "allocating", "awaiting_shipment"], want: "allocating" },
  { name: "allocated before awaiting_shipment", statuses: ["awaiting_shipment", "allocated"], want: "allocated" },
  { name: "awaiting_shipment before shipping", statuses: ["shipping", "awaiting_shipment"], want: "awaiting_shipment" },
  { name: "shipping before shipped", statuses: ["shipped", "shipping"], want: "shipping" },
  { name: "unshippable needs a person: it wins", statuses: ["allocating", "unshippable", "shipped"], want: "unshippable" },
  { name: "cancelled shipments are ignored", statuses: ["cancelled", "shipped"], want: "shipped" },
  { name: "cancelled ignored before the least advanced", statuses: ["cancelled", "allocated", "shipped"], want: "allocated" },
  { name: "all cancelled", statuses: ["cancelled", "cancelled"], want: "cancelled" },
];

for (const { name, statuses, want } of summaries) {
  test(`summarizeShippingStatus: ${name}`, () => {
    assert.equal(summarizeShippingStatus(statuses), want);
  });
}

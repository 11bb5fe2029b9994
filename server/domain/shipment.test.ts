import assert from "node:assert/strict";
import { test } from "node:test";
import type { AttachedTag, OrderSnapshot } from "./order.ts";
import type { OrderStatus, ShippingStatus } from "./order-status.ts";
import { acceptShipmentRequest, completeOrder, recordShipped } from "./shipment.ts";

const order = (status: OrderStatus, ships: ShippingStatus[], tags: AttachedTag[] = []): OrderSnapshot => ({
  status,
  paymentMethod: "credit_card",
  paidAt: null,
  total: 3000,
  graceUntil: new Date("2030-01-15T01:30:00Z"),
  deletedAt: null,
  items: [{ mapped: true }],
  shipments: ships.map((s, i) => ({ id: `s${i + 1}`, status: s })),
  tags,
});
const tag = (systemCode: string | null, hold = true): AttachedTag => ({
  tagId: `tag-${systemCode ?? "gift"}`,
  name: systemCode ?? "ギフト",
  hold,
  systemCode,
});
const statusEvents = (events: { type: string }[]) => events.filter((e) => e.type === "status_changed");

test("recordShipped: one of two parcels out keeps the order 出荷作業中", () => {
  const { order: after, events } = recordShipped(
    order("shipping", ["shipping", "shipping"]),
    "s1",
    "ヤマト 1",
  );
  assert.equal(after.status, "shipping");
  assert.deepEqual(
    after.shipments.map((s) => s.status),
    ["shipped", "shipping"],
  );
  assert.deepEqual(statusEvents(events), []);
  assert.equal(events[0]?.type, "shipment_status_changed");
});

test("recordShipped: the last parcel out makes the order 全出荷済", () => {
  const { order: after, events } = recordShipped(
    order("shipping", ["shipped", "shipping"]),
    "s2",
    "ヤマト 2",
  );
  assert.equal(after.status, "shipped");
  assert.equal(statusEvents(events).length, 1);
  // A cancelled sibling does not keep the order waiting.
  const withCancelled = recordShipped(order("shipping", ["cancelled", "shipping"]), "s2", "ヤマト 2");
  assert.equal(withCancelled.order.status, "shipped");
});

test("recordShipped: a result read again changes nothing and says nothing", () => {
  const before = order("shipped", ["shipped", "shipped"]);
  const again = recordShipped(before, "s1", "ヤマト 1");
  assert.equal(again.order, before);
  assert.deepEqual(again.events, []);
});

test("recordShipped on a parcel 出荷不可 is ignored, with an event asking to check the warehouse", () => {
  const before = order("shipping", ["unshippable"]);
  const { order: after, events } = recordShipped(before, "s1", "ヤマト 1");
  assert.equal(after, before);
  assert.equal(events.length, 1);
  assert.equal(events[0]?.type, "shipment_result_ignored");
  assert.match(events[0]?.message ?? "", /出荷不可/);
});

test("completeOrder only from 全出荷済", () => {
  assert.equal(completeOrder(order("shipped", ["shipped"]), "反映済")?.order.status, "completed");
  for (const status of ["awaiting_shipment", "shipping", "completed", "cancelled"] as OrderStatus[]) {
    assert.equal(completeOrder(order(status, ["shipped"]), "反映済"), null, status);
  }
});

test("acceptShipmentRequest clears withdrawn / warehouse_rejected / warehouse_unshippable, keeps the rest", () => {
  const stopped = [tag("withdrawn"), tag("warehouse_rejected"), tag("warehouse_unshippable")];
  const kept = [tag(null, false), tag("mall_reflection_error")];
  const before = order("shipping", ["unshippable"], [...stopped, ...kept]);
  const { order: after, events } = acceptShipmentRequest(before, "s1");
  assert.equal(after.shipments[0]?.status, "shipping");
  assert.deepEqual(
    after.tags.map((t) => t.systemCode),
    kept.map((t) => t.systemCode),
  );
  assert.equal(events.filter((e) => e.type === "tag_removed").length, 3);

  const first = acceptShipmentRequest(order("awaiting_shipment", ["awaiting_shipment"]), "s1");
  assert.equal(first.order.status, "shipping");
});

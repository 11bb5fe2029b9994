import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type AttachedTag,
  cancelOrder,
  cancelRefusal,
  type Decision,
  deleteOrder,
  deleteRefusal,
  nextAutomaticStep,
  type OrderSnapshot,
  recordPayment,
  setShipmentAllocated,
  waitingFor,
} from "./order.ts";
import { allowedActions } from "./order-actions.ts";
import { canMove, ORDER_STATUSES, type OrderStatus, type ShippingStatus } from "./order-status.ts";
import { attachTag, detachTag } from "./order-tagging.ts";
import type { PaymentMethod } from "./payment.ts";
import { Refusal } from "./refusal.ts";

// ---------------------------------------------------------------------------------------------
// Snapshot builder
// ---------------------------------------------------------------------------------------------

const ORDERED_AT = new Date("2025-06-01T10:00:00+09:00");
const GRACE_UNTIL = new Date("2025-06-01T10:30:00+09:00"); // Rakuten: 30 minutes
const BEFORE_GRACE = new Date("2025-06-01T10:29:59+09:00");
const AFTER_GRACE = new Date("2025-06-01T10:45:00+09:00");
const NOW = new Date("2025-06-02T09:00:00+09:00");
const PAID_AT = new Date("2025-06-02T08:00:00+09:00");
const TOTAL = 5980;

const HOLD: AttachedTag = { tagId: "tag-hold", name: "要確認", hold: true, systemCode: null };
const GIFT: AttachedTag = { tagId: "tag-gift", name: "ギフト包装", hold: false, systemCode: null };
const UNMAPPED: AttachedTag = {
  tagId: "tag-unmapped",
  name: "商品未登録",
  hold: true,
  systemCode: "unmapped_item",
};

/** The shipments an order normally has in each status. */
const USUAL_SHIPMENTS: Record<OrderStatus, ShippingStatus[]> = {
  new: ["allocating"],
  awaiting_confirmation: ["allocating"],
  confirmed: ["allocated"],
  awaiting_shipment: ["awaiting_shipment"],
  shipping: ["shipping"],
  shipped: ["shipped"],
  completed: ["shipped"],
  cancelled: ["cancelled"],
};

type Opts = {
  ship?: ShippingStatus[];
  pay?: PaymentMethod;
  paid?: boolean;
  unmapped?: boolean;
  deleted?: boolean;
  tags?: AttachedTag[];
};

function snap(status: OrderStatus, o: Opts = {}): OrderSnapshot {
  return {
    status,
    paymentMethod: o.pay ?? "credit_card",
    paidAt: o.paid ? PAID_AT : null,
    total: TOTAL,
    graceUntil: GRACE_UNTIL,
    deletedAt: o.deleted ? ORDERED_AT : null,
    items: o.unmapped ? [{ mapped: true }, { mapped: false }] : [{ mapped: true }, { mapped: true }],
    shipments: (o.ship ?? USUAL_SHIPMENTS[status]).map((s, i) => ({ id: `ship-${i + 1}`, status: s })),
    tags: o.tags ?? [],
  };
}

/** Commands must not touch their input: freeze it all the way down. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Expected outcomes
// ---------------------------------------------------------------------------------------------

type Want =
  | { kind: "decision"; status: OrderStatus | undefined; ship: ShippingStatus[] | undefined }
  | { kind: "refused"; code: string; rule: string | undefined }
  | { kind: "nothing" };

/** A decision moving the order to `status` (shipments as given, else unchanged). */
const to = (status: OrderStatus, ship?: ShippingStatus[]): Want => ({ kind: "decision", status, ship });
/** A decision that keeps the order's status and shipments. */
const same: Want = { kind: "decision", status: undefined, ship: undefined };
const no = (code: string, rule?: string): Want => ({ kind: "refused", code, rule });
/** nextAutomaticStep: nothing is due. */
const none: Want = { kind: "nothing" };

type Result = Decision | Refusal | null;
type Row = {
  name: string;
  before: OrderSnapshot;
  run: (o: OrderSnapshot) => Result;
  want: Want;
  /** Extra checks on a successful decision. */
  effect?: ((before: OrderSnapshot, d: Decision) => void) | undefined;
};

function check({ before, run, want, effect }: Row): void {
  const got = run(deepFreeze(before));
  if (want.kind === "nothing") {
    assert.equal(got, null, "expected no automatic step");
    return;
  }
  if (want.kind === "refused") {
    assert.ok(got instanceof Refusal, `expected refusal ${want.code}, got ${JSON.stringify(got)}`);
    assert.equal(got.code, want.code);
    assert.equal(got.rule, want.rule);
    assert.ok(got.detail.length > 0, "a refusal explains itself");
    return;
  }
  assert.ok(got !== null && !(got instanceof Refusal), `expected a decision, got ${got}`);
  const status = want.status ?? before.status;
  assert.equal(got.order.status, status);
  assert.deepEqual(
    got.order.shipments.map((s) => s.status),
    want.ship ?? before.shipments.map((s) => s.status),
    "shipment statuses",
  );
  assert.deepEqual(
    got.order.shipments.map((s) => s.id),
    before.shipments.map((s) => s.id),
    "shipments keep their ids",
  );
  const changes = got.events.filter((e) => e.type === "status_changed");
  if (status === before.status) {
    assert.deepEqual(changes, [], "no status_changed event without a status change");
  } else {
    assert.equal(changes.length, 1, "exactly one status_changed event");
    assert.equal(changes[0]?.from, before.status);
    assert.equal(changes[0]?.to, status);
    assert.ok(canMove(before.status, status), `${before.status} → ${status} is in ORDER_TRANSITIONS`);
  }
  assert.ok(got.events.length > 0, "every decision leaves a trace in the history");
  effect?.(before, got);
}

// ---------------------------------------------------------------------------------------------
// The matrix: every order status × every command
// ---------------------------------------------------------------------------------------------

const CANCEL = "order.cancel_not_allowed";
const DELETE = "order.delete_not_allowed";

type Command = {
  setup: (s: OrderStatus) => OrderSnapshot;
  run: (o: OrderSnapshot) => Result;
  effect?: (before: OrderSnapshot, d: Decision) => void;
  want: Record<OrderStatus, Want>;
};

const deleted = (before: OrderSnapshot, d: Decision) => {
  assert.deepEqual(d.order.deletedAt, NOW);
  assert.deepEqual(
    d.events.map((e) => e.type),
    ["deleted"],
  );
  assert.deepEqual(d.order.items, before.items);
};
const paid = (_: OrderSnapshot, d: Decision) => {
  assert.deepEqual(d.order.paidAt, PAID_AT);
  assert.deepEqual(
    d.events.map((e) => [e.type, e.detail]),
    [["payment_recorded", { amount: TOTAL }]],
  );
};
const attached = (tag: AttachedTag) => (before: OrderSnapshot, d: Decision) => {
  assert.deepEqual(d.order.tags, [...before.tags, tag]);
  const ev = d.events.find((e) => e.type === "tag_attached");
  assert.deepEqual(ev?.detail, { tagId: tag.tagId, by: "person" });
};
const removed = (tag: AttachedTag) => (_: OrderSnapshot, d: Decision) => {
  assert.deepEqual(d.order.tags, []);
  assert.deepEqual(
    d.events.map((e) => [e.type, e.detail]),
    [["tag_removed", { tagId: tag.tagId }]],
  );
};
const preShipment = (s: OrderStatus) => s === "new" || s === "awaiting_confirmation" || s === "confirmed";

const allowedEverywhere: Record<OrderStatus, Want> = {
  new: same,
  awaiting_confirmation: same,
  confirmed: same,
  awaiting_shipment: same,
  shipping: same,
  shipped: same,
  completed: same,
  cancelled: same,
};
const everywhere = (w: Want): Record<OrderStatus, Want> =>
  Object.fromEntries(ORDER_STATUSES.map((s) => [s, w])) as Record<OrderStatus, Want>;
const onlyAwaitingConfirmation = (there: Want, elsewhere: Want): Record<OrderStatus, Want> => ({
  ...everywhere(elsewhere),
  awaiting_confirmation: there,
});

const commands: Record<string, Command> = {
  cancel: {
    setup: (s) => snap(s),
    run: (o) => cancelOrder(o, { reason: "お客様都合" }),
    effect: (_, d) => assert.match(d.events.at(-1)?.message ?? "", /お客様都合/),
    want: {
      new: no(CANCEL, "in_grace_period"),
      awaiting_confirmation: to("cancelled", ["cancelled"]),
      confirmed: to("cancelled", ["cancelled"]),
      awaiting_shipment: to("cancelled", ["cancelled"]),
      shipping: no(CANCEL, "shipment_in_progress"),
      shipped: no(CANCEL, "already_shipped"),
      completed: to("cancelled", ["shipped"]), // the parcel is with the buyer
      cancelled: no(CANCEL, "already_cancelled"),
    },
  },
  "delete (an item unmapped)": {
    setup: (s) => snap(s, { unmapped: true }),
    run: (o) => deleteOrder(o, NOW),
    effect: deleted,
    want: onlyAwaitingConfirmation(same, no(DELETE, "status_not_awaiting_confirmation")),
  },
  "delete (all items mapped)": {
    setup: (s) => snap(s),
    run: (o) => deleteOrder(o, NOW),
    want: onlyAwaitingConfirmation(
      no(DELETE, "all_items_mapped"),
      no(DELETE, "status_not_awaiting_confirmation"),
    ),
  },
  "delete (already deleted)": {
    setup: (s) => snap(s, { unmapped: true, deleted: true }),
    run: (o) => deleteOrder(o, NOW),
    want: everywhere(no(DELETE, "already_deleted")),
  },
  "recordPayment (prepaid, unpaid)": {
    setup: (s) => snap(s, { pay: "bank_transfer" }),
    run: (o) => recordPayment(o, { paidAt: PAID_AT, amount: TOTAL }),
    effect: paid,
    want: { ...allowedEverywhere, cancelled: no("order.payment_not_allowed", "order_cancelled") },
  },
  "attachTag (holding)": {
    setup: (s) => snap(s),
    run: (o) => attachTag(o, HOLD, "person"),
    effect: attached(HOLD),
    want: {
      ...allowedEverywhere,
      confirmed: to("awaiting_confirmation", ["allocated"]),
      awaiting_shipment: to("awaiting_confirmation", ["allocated"]),
    },
  },
  "attachTag (not holding)": {
    setup: (s) => snap(s),
    run: (o) => attachTag(o, GIFT, "person"),
    effect: attached(GIFT),
    want: allowedEverywhere,
  },
  "detachTag (custom tag)": {
    setup: (s) => snap(s, { tags: [GIFT] }),
    run: (o) => detachTag(o, GIFT.tagId, false),
    effect: removed(GIFT),
    want: allowedEverywhere,
  },
  "detachTag (system tag, cause persists)": {
    setup: (s) => snap(s, { unmapped: true, tags: [UNMAPPED] }),
    run: (o) => detachTag(o, UNMAPPED.tagId, true),
    want: everywhere(no("order.tag_cause_unresolved", "unmapped_item")),
  },
  "detachTag (system tag, cause resolved)": {
    setup: (s) => snap(s, { tags: [UNMAPPED] }),
    run: (o) => detachTag(o, UNMAPPED.tagId, false),
    effect: removed(UNMAPPED),
    want: allowedEverywhere,
  },
  "nextAutomaticStep (before grace)": {
    setup: (s) => snap(s),
    run: (o) => nextAutomaticStep(o, BEFORE_GRACE),
    want: {
      ...everywhere(none),
      awaiting_confirmation: to("confirmed"),
      confirmed: to("awaiting_shipment", ["awaiting_shipment"]),
    },
  },
  "nextAutomaticStep (after grace, no holding tag)": {
    setup: (s) => snap(s, { tags: [GIFT] }),
    run: (o) => nextAutomaticStep(o, AFTER_GRACE),
    want: {
      ...everywhere(none),
      new: to("awaiting_confirmation"),
      awaiting_confirmation: to("confirmed"),
      confirmed: to("awaiting_shipment", ["awaiting_shipment"]),
    },
  },
  "nextAutomaticStep (after grace, holding tag)": {
    setup: (s) => snap(s, { tags: [HOLD] }),
    run: (o) => nextAutomaticStep(o, AFTER_GRACE),
    want: {
      ...everywhere(none),
      new: to("awaiting_confirmation"), // the grace period ends regardless; 確認待 then holds it
      // awaiting_confirmation: held; confirmed: a hold never lets an order advance
    },
  },
  "nextAutomaticStep (prepaid, unpaid)": {
    setup: (s) => snap(s, { pay: "bank_transfer" }),
    run: (o) => nextAutomaticStep(o, AFTER_GRACE),
    want: {
      ...everywhere(none),
      new: to("awaiting_confirmation"),
      awaiting_confirmation: to("confirmed"),
      // confirmed: waits for the payment
    },
  },
  "nextAutomaticStep (prepaid, paid)": {
    setup: (s) => snap(s, { pay: "convenience_store", paid: true }),
    run: (o) => nextAutomaticStep(o, AFTER_GRACE),
    want: {
      ...everywhere(none),
      new: to("awaiting_confirmation"),
      awaiting_confirmation: to("confirmed"),
      confirmed: to("awaiting_shipment", ["awaiting_shipment"]),
    },
  },
  "nextAutomaticStep (credit card, unpaid)": {
    setup: (s) => snap(s, { pay: "credit_card" }),
    run: (o) => nextAutomaticStep(o, AFTER_GRACE),
    want: {
      ...everywhere(none),
      new: to("awaiting_confirmation"),
      awaiting_confirmation: to("confirmed"),
      confirmed: to("awaiting_shipment", ["awaiting_shipment"]),
    },
  },
  "nextAutomaticStep (partially allocated)": {
    setup: (s) => snap(s, preShipment(s) ? { ship: ["allocated", "allocating"] } : {}),
    run: (o) => nextAutomaticStep(o, AFTER_GRACE),
    want: {
      ...everywhere(none),
      new: to("awaiting_confirmation"),
      awaiting_confirmation: to("confirmed"),
      // confirmed: waits for the rest of the stock
    },
  },
};

const matrix: Row[] = Object.entries(commands).flatMap(([name, c]) =>
  ORDER_STATUSES.map((s) => ({
    name: `${name} in ${s}`,
    before: c.setup(s),
    run: c.run,
    want: c.want[s],
    effect: c.effect,
  })),
);

test("the matrix covers every order status × every command", () => {
  assert.equal(matrix.length, ORDER_STATUSES.length * Object.keys(commands).length);
  for (const c of Object.values(commands))
    assert.deepEqual(Object.keys(c.want).sort(), [...ORDER_STATUSES].sort());
});

for (const row of matrix) test(row.name, () => check(row));

// ---------------------------------------------------------------------------------------------
// Cases the matrix's usual shipments do not reach
// ---------------------------------------------------------------------------------------------

const cancel = (o: OrderSnapshot) => cancelOrder(o, {});
// biome-ignore format: a table, one row per line
const extra: Row[] = [
  // SPEC.md §5: an order whose shipment is 出荷不可 may be cancelled.
  { name: "cancel shipping order whose shipment is unshippable", before: snap("shipping", { ship: ["unshippable"] }), run: cancel, want: to("cancelled", ["cancelled"]) },
  { name: "cancel split shipping order: shipped parcel stays, unshippable cancelled", before: snap("shipping", { ship: ["shipped", "unshippable"] }), run: cancel, want: to("cancelled", ["shipped", "cancelled"]) },
  { name: "cancel refused while another parcel is still 出荷中", before: snap("shipping", { ship: ["shipping", "unshippable"] }), run: cancel, want: no(CANCEL, "shipment_in_progress") },
  { name: "cancel awaiting_shipment order with a blocked (unshippable) shipment", before: snap("awaiting_shipment", { ship: ["awaiting_shipment", "unshippable"] }), run: cancel, want: to("cancelled", ["cancelled", "cancelled"]) },
  { name: "cancel completed order: shipped stay shipped, cancelled stay cancelled", before: snap("completed", { ship: ["shipped", "cancelled", "shipped"] }), run: cancel, want: to("cancelled", ["shipped", "cancelled", "shipped"]) },
  { name: "cancel confirmed order: every unshipped shipment is cancelled", before: snap("confirmed", { ship: ["allocated", "allocating"] }), run: cancel, want: to("cancelled", ["cancelled", "cancelled"]) },
  { name: "cancel a cancelled order with an unshippable shipment is still refused", before: snap("cancelled", { ship: ["unshippable"] }), run: cancel, want: no(CANCEL, "already_cancelled") },
  { name: "cancel a shipped order is refused even with a stray unshippable shipment", before: snap("shipped", { ship: ["shipped", "unshippable"] }), run: cancel, want: no(CANCEL, "already_shipped") },
  // Payment.
  { name: "recordPayment twice", before: snap("confirmed", { pay: "bank_transfer", paid: true }), run: (o) => recordPayment(o, { paidAt: NOW }), want: no("order.payment_not_allowed", "already_paid") },
  { name: "recordPayment with a wrong amount", before: snap("confirmed", { pay: "bank_transfer" }), run: (o) => recordPayment(o, { paidAt: PAID_AT, amount: TOTAL - 1 }), want: no("order.payment_amount_mismatch") },
  { name: "recordPayment without an amount", before: snap("confirmed", { pay: "bank_transfer" }), run: (o) => recordPayment(o, { paidAt: PAID_AT }), want: same, effect: paid },
  // Tags.
  { name: "attachTag twice", before: snap("awaiting_confirmation", { tags: [GIFT] }), run: (o) => attachTag(o, GIFT, "person"), want: no("order.tag_already_attached") },
  { name: "holding tag: only awaiting_shipment shipments go back to allocated", before: snap("awaiting_shipment", { ship: ["awaiting_shipment", "cancelled", "awaiting_shipment"] }), run: (o) => attachTag(o, HOLD, "rule"), want: to("awaiting_confirmation", ["allocated", "cancelled", "allocated"]) },
  { name: "holding system tag on a confirmed order pulls it back", before: snap("confirmed"), run: (o) => attachTag(o, UNMAPPED, "system"), want: to("awaiting_confirmation", ["allocated"]) },
  { name: "detachTag of a tag not attached", before: snap("awaiting_confirmation", { tags: [GIFT] }), run: (o) => detachTag(o, HOLD.tagId, false), want: no("order.tag_not_attached") },
  { name: "detachTag: a custom tag ignores causePersists", before: snap("awaiting_confirmation", { tags: [HOLD] }), run: (o) => detachTag(o, HOLD.tagId, true), want: same, effect: removed(HOLD) },
  // Delete.
  { name: "delete keeps the status", before: snap("awaiting_confirmation", { unmapped: true, tags: [UNMAPPED] }), run: (o) => deleteOrder(o, NOW), want: same, effect: deleted },
  // Automatic steps.
  { name: "grace period ends exactly at graceUntil", before: snap("new"), run: (o) => nextAutomaticStep(o, GRACE_UNTIL), want: to("awaiting_confirmation") },
  { name: "deleted order never moves on", before: snap("awaiting_confirmation", { unmapped: true, deleted: true }), run: (o) => nextAutomaticStep(o, AFTER_GRACE), want: none },
  { name: "deleted new order stays new after grace", before: snap("new", { deleted: true }), run: (o) => nextAutomaticStep(o, AFTER_GRACE), want: none },
  { name: "confirmed, nothing allocated yet", before: snap("confirmed", { ship: ["allocating"] }), run: (o) => nextAutomaticStep(o, AFTER_GRACE), want: none },
  { name: "confirmed, allocated with a cancelled split shipment", before: snap("confirmed", { ship: ["allocated", "cancelled", "allocated"] }), run: (o) => nextAutomaticStep(o, AFTER_GRACE), want: to("awaiting_shipment", ["awaiting_shipment", "cancelled", "awaiting_shipment"]) },
  { name: "confirmed, postal transfer unpaid", before: snap("confirmed", { pay: "postal_transfer" }), run: (o) => nextAutomaticStep(o, AFTER_GRACE), want: none },
  { name: "confirmed, cash on delivery needs no payment first", before: snap("confirmed", { pay: "cash_on_delivery" }), run: (o) => nextAutomaticStep(o, AFTER_GRACE), want: to("awaiting_shipment", ["awaiting_shipment"]) },
  { name: "awaiting_confirmation held by a system tag", before: snap("awaiting_confirmation", { unmapped: true, tags: [GIFT, UNMAPPED] }), run: (o) => nextAutomaticStep(o, AFTER_GRACE), want: none },
];

for (const row of extra) test(row.name, () => check(row));

test("delete twice: the second delete is refused as already_deleted", () => {
  const first = deleteOrder(snap("awaiting_confirmation", { unmapped: true }), NOW);
  assert.ok(!(first instanceof Refusal));
  check({
    name: "",
    before: first.order,
    run: (o) => deleteOrder(o, NOW),
    want: no(DELETE, "already_deleted"),
  });
});

test("a person resolving the hold lets the order move on by itself", () => {
  const held = attachTag(snap("awaiting_shipment"), HOLD, "person");
  assert.ok(!(held instanceof Refusal));
  assert.equal(nextAutomaticStep(held.order, NOW), null);
  const freed = detachTag(held.order, HOLD.tagId, false);
  assert.ok(!(freed instanceof Refusal));
  const confirmed = nextAutomaticStep(freed.order, NOW);
  assert.equal(confirmed?.order.status, "confirmed");
  const ready = confirmed && nextAutomaticStep(confirmed.order, NOW);
  assert.equal(ready?.order.status, "awaiting_shipment");
  assert.deepEqual(
    ready?.order.shipments.map((s) => s.status),
    ["awaiting_shipment"],
  );
  assert.equal(ready && nextAutomaticStep(ready.order, NOW), null);
});

// ---------------------------------------------------------------------------------------------
// allowedActions agrees with the commands
// ---------------------------------------------------------------------------------------------

// biome-ignore format: a table, one row per line
const variants: [string, Opts][] = [
  ["usual", {}],
  ["unmapped item", { unmapped: true }],
  ["deleted", { unmapped: true, deleted: true }],
  ["prepaid, paid", { pay: "bank_transfer", paid: true }],
  ["prepaid, unpaid", { pay: "bank_transfer" }],
  ["tagged", { tags: [GIFT] }],
  ["unshippable shipment", { ship: ["unshippable"] }],
  ["shipped + unshippable", { ship: ["shipped", "unshippable"] }],
  ["shipping + unshippable", { ship: ["shipping", "unshippable"] }],
  ["awaiting_shipment + shipping", { ship: ["awaiting_shipment", "shipping"] }],
];

for (const status of ORDER_STATUSES) {
  test(`allowedActions agrees with the refusals in ${status}`, () => {
    for (const [variant, opts] of variants) {
      const o = deepFreeze(snap(status, opts));
      const actions = allowedActions(o);
      const msg = `${status} / ${variant}: ${actions.join(",")}`;
      const cancelled = cancelOrder(o, {});
      assert.equal(actions.includes("cancel"), cancelRefusal(o) === null, msg);
      assert.equal(actions.includes("cancel"), !(cancelled instanceof Refusal), msg);
      assert.equal(actions.includes("delete"), deleteRefusal(o) === null, msg);
      assert.equal(actions.includes("delete"), !(deleteOrder(o, NOW) instanceof Refusal), msg);
      assert.equal(
        actions.includes("markPaid"),
        !(recordPayment(o, { paidAt: NOW }) instanceof Refusal),
        msg,
      );
      assert.ok(actions.includes("attachTag"), msg);
      assert.equal(actions.includes("removeTag"), o.tags.length > 0, msg);
      const ships = o.shipments.map((s) => s.status);
      assert.equal(actions.includes("withdrawShipment"), ships.includes("shipping"), msg);
      assert.equal(
        actions.includes("requestShipment"),
        ships.includes("unshippable") || ships.includes("awaiting_shipment"),
        msg,
      );
      // The same rule retryMallShippingReport refuses with (order_not_shipped).
      assert.equal(actions.includes("reportShipping"), o.status === "shipped", msg);
    }
  });
}

test("allowedActions lists cancel exactly for SPEC.md §5's statuses", () => {
  const cancellable = ORDER_STATUSES.filter((s) => allowedActions(snap(s)).includes("cancel"));
  assert.deepEqual(cancellable, ["awaiting_confirmation", "confirmed", "awaiting_shipment", "completed"]);
  const deletable = ORDER_STATUSES.filter((s) =>
    allowedActions(snap(s, { unmapped: true })).includes("delete"),
  );
  assert.deepEqual(deletable, ["awaiting_confirmation"]);
});

// ---------------------------------------------------------------------------------------------
// waitingFor, setShipmentAllocated
// ---------------------------------------------------------------------------------------------

// biome-ignore format: a table, one row per line
const waiting: [string, OrderSnapshot, string[]][] = [
  ["confirmed, prepaid unpaid, allocating", snap("confirmed", { pay: "bank_transfer", ship: ["allocating"] }), ["入金待ち", "在庫引当待ち"]],
  ["confirmed, prepaid unpaid, allocated", snap("confirmed", { pay: "bank_transfer" }), ["入金待ち"]],
  ["confirmed, credit card, partially allocated", snap("confirmed", { ship: ["allocated", "allocating"] }), ["在庫引当待ち"]],
  ["confirmed, prepaid paid, allocated", snap("confirmed", { pay: "bank_transfer", paid: true }), []],
  ["awaiting_confirmation is not waiting on payment or stock", snap("awaiting_confirmation", { pay: "bank_transfer" }), []],
];

for (const [name, order, want] of waiting) {
  test(`waitingFor: ${name}`, () => assert.deepEqual(waitingFor(order), want));
}

// biome-ignore format: a table, one row per line
const allocations: [string, ShippingStatus[], string, boolean, ShippingStatus[], number][] = [
  ["allocating → allocated when fully allocated", ["allocating", "allocating"], "ship-2", true, ["allocating", "allocated"], 1],
  ["allocated → allocating when stock is lost", ["allocated"], "ship-1", false, ["allocating"], 1],
  ["already allocated: nothing to record", ["allocated"], "ship-1", true, ["allocated"], 0],
  ["unknown shipment: nothing", ["allocating"], "ship-9", true, ["allocating"], 0],
  ["shipping shipment is never re-allocated", ["shipping"], "ship-1", false, ["shipping"], 0],
  ["cancelled shipment stays cancelled", ["cancelled"], "ship-1", true, ["cancelled"], 0],
];

for (const [name, ship, id, full, want, events] of allocations) {
  test(`setShipmentAllocated: ${name}`, () => {
    const before = deepFreeze(snap("confirmed", { ship }));
    const d = setShipmentAllocated(before, id, full);
    assert.deepEqual(
      d.order.shipments.map((s) => s.status),
      want,
    );
    assert.equal(d.order.status, "confirmed");
    assert.equal(d.events.length, events);
    if (events) {
      assert.equal(d.events[0]?.type, "shipment_status_changed");
      assert.deepEqual(d.events[0]?.detail, {
        shipmentId: id,
        from: ship[Number(id.slice(5)) - 1],
        to: full ? "allocated" : "allocating",
      });
    }
  });
}

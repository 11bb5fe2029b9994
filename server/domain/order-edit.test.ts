import assert from "node:assert/strict";
import { test } from "node:test";
import { type EditableOrder, editMessage, editRefusal, planOrderEdit } from "./order-edit.ts";
import { mallReflectionOf, mallValuesAfterEdit, mallValuesAfterImport } from "./order-edit-mall.ts";
import { ORDER_STATUSES, type OrderStatus, type ShippingStatus } from "./order-status.ts";
import { Refusal } from "./refusal.ts";

const shipTo = {
  name: "佐藤 花子",
  postalCode: "530-0001",
  prefecture: "大阪府",
  address1: "大阪市北区梅田1-1",
  phone: "06-1234-5678",
};

function order(
  status: OrderStatus,
  shipments: ShippingStatus[] = ["allocated"],
  extra: Partial<EditableOrder> = {},
): EditableOrder {
  return {
    status,
    deletedAt: null,
    version: 3,
    shipTo,
    paymentMethod: "credit_card",
    subtotal: 3000,
    shippingFee: 500,
    fees: 0,
    couponDiscount: 0,
    pointsUsed: 100,
    total: 3400,
    items: [{ id: "l1", mallItemCode: "tea", mallSkuCode: "", name: "煎茶", unitPrice: 1000, quantity: 3 }],
    shipments: shipments.map((s, i) => ({ id: `s${i}`, status: s, shippingService: null })),
    ...extra,
  };
}

// Which statuses take an edit (SPEC: before the warehouse request), and the rule that refuses the rest.
const byStatus: [OrderStatus, ShippingStatus[], string | null][] = [
  ["new", ["allocating"], null],
  ["awaiting_confirmation", ["allocating"], null],
  ["confirmed", ["allocating"], null],
  ["awaiting_shipment", ["awaiting_shipment"], null],
  ["awaiting_shipment", ["unshippable"], null], // the warehouse gave it back: nothing is being packed
  ["shipping", ["shipping"], "shipment_requested"],
  ["shipping", ["unshippable", "shipping"], "shipment_requested"],
  ["awaiting_shipment", ["awaiting_shipment", "shipping"], "shipment_requested"],
  ["shipped", ["shipped"], "already_shipped"],
  ["completed", ["shipped"], "already_shipped"],
  ["cancelled", ["cancelled"], "order_cancelled"],
];

for (const [status, shipments, rule] of byStatus) {
  test(`edit in ${status} with shipments ${shipments.join("/")}: ${rule ?? "allowed"}`, () => {
    const refusal = editRefusal(order(status, shipments));
    assert.equal(refusal?.rule ?? null, rule);
    if (refusal) assert.equal(refusal.code, "order.edit_not_allowed");
  });
}

test("every status is in the table", () => {
  for (const s of ORDER_STATUSES)
    assert.ok(
      byStatus.some(([status]) => status === s),
      s,
    );
});

test("a deleted order refuses edits", () => {
  assert.equal(
    editRefusal({ ...order("awaiting_confirmation"), deletedAt: new Date() })?.rule,
    "order_deleted",
  );
});

test("a stale version is a conflict naming the version", () => {
  const r = planOrderEdit(order("confirmed"), { version: 2, amounts: { shippingFee: 0 } });
  assert.ok(r instanceof Refusal);
  assert.equal(r.code, "order.edit_conflict");
  assert.equal(r.rule, "stale_version");
  assert.equal(r.errors?.[0]?.path, "version");
});

test("lines: keep and change, add, remove; subtotal and total follow", () => {
  const o = order("confirmed", ["allocated"], {
    items: [
      { id: "l1", mallItemCode: "tea", mallSkuCode: "", name: "煎茶", unitPrice: 1000, quantity: 3 },
      { id: "l2", mallItemCode: "cup", mallSkuCode: "", name: "湯呑み", unitPrice: 800, quantity: 1 },
    ],
    subtotal: 3800,
    total: 4200,
  });
  const plan = planOrderEdit(o, {
    version: 3,
    items: [
      { id: "l1", quantity: 1 },
      { mallItemCode: "pot", mallSkuCode: "", name: "急須", unitPrice: 2500, quantity: 1 },
    ],
  });
  assert.ok(!(plan instanceof Refusal));
  assert.deepEqual(plan.items, {
    update: [{ id: "l1", quantity: 1 }],
    add: [{ mallItemCode: "pot", mallSkuCode: "", name: "急須", unitPrice: 2500, quantity: 1 }],
    remove: ["l2"],
  });
  assert.equal(plan.reallocate, true);
  assert.equal(plan.set.subtotal, 3500);
  assert.equal(plan.set.total, 3500 + 500 - 100);
});

test("amounts: the total is recomputed, stays undetermined while a part is, and may not go below zero", () => {
  const plan = planOrderEdit(order("confirmed"), {
    version: 3,
    amounts: { shippingFee: 900, couponDiscount: 300 },
  });
  assert.ok(!(plan instanceof Refusal));
  assert.equal(plan.set.total, 3000 + 900 - 300 - 100);
  assert.equal(plan.couponDelta, 300);
  assert.equal(plan.reallocate, false);

  const undetermined = order("awaiting_confirmation", ["allocating"], { shippingFee: null, total: null });
  const stillOpen = planOrderEdit(undetermined, { version: 3, amounts: { couponDiscount: 100 } });
  assert.ok(!(stillOpen instanceof Refusal));
  assert.equal(stillOpen.set.total, undefined, "null stays null");
  const fixed = planOrderEdit(undetermined, { version: 3, amounts: { shippingFee: 700 } });
  assert.ok(!(fixed instanceof Refusal));
  assert.equal(fixed.set.total, 3000 + 700 - 100);

  const negative = planOrderEdit(order("confirmed"), { version: 3, amounts: { couponDiscount: 10_000 } });
  assert.ok(negative instanceof Refusal);
  assert.equal(negative.errors?.[0]?.path, "amounts.couponDiscount");
});

test("lines that name what the order lacks, or leave it empty, name the field", () => {
  const unknown = planOrderEdit(order("confirmed"), { version: 3, items: [{ id: "nope", quantity: 1 }] });
  assert.ok(unknown instanceof Refusal);
  assert.equal(unknown.errors?.[0]?.path, "items.0.id");
  const twice = planOrderEdit(order("confirmed"), { version: 3, items: [{ id: "l1" }, { id: "l1" }] });
  assert.ok(twice instanceof Refusal);
  assert.equal(twice.errors?.[0]?.path, "items.1.id");
  const empty = planOrderEdit(order("confirmed"), { version: 3, items: [] });
  assert.ok(empty instanceof Refusal);
  assert.equal(empty.errors?.[0]?.path, "items");
});

test("an order with several ship-tos refuses a single ship-to edit", () => {
  const r = planOrderEdit(order("confirmed", ["allocated", "allocated"]), {
    version: 3,
    shipTo: { ...shipTo, name: "別人" },
  });
  assert.ok(r instanceof Refusal);
  assert.equal(r.rule, "several_ship_tos");
});

test("nothing different: no change, no timeline entry", () => {
  const plan = planOrderEdit(order("confirmed"), {
    version: 3,
    shipTo,
    items: [{ id: "l1", quantity: 3 }],
    amounts: { shippingFee: 500 },
    paymentMethod: "credit_card",
    shippingService: null,
  });
  assert.ok(!(plan instanceof Refusal));
  assert.deepEqual(plan.changes, []);
  assert.equal(plan.reallocate, false);
});

test("the timeline line lists before → after and says whether the mall is told", () => {
  const plan = planOrderEdit(order("confirmed"), {
    version: 3,
    paymentMethod: "bank_transfer",
    shippingService: "compact",
  });
  assert.ok(!(plan instanceof Refusal));
  assert.equal(
    editMessage(plan, "not_told"),
    "受注内容を変更しました(モールには反映されません): 支払方法: クレジットカード → 銀行振込 / 配送方法: 商品の既定 → 宅急便コンパクト",
  );
  assert.match(editMessage(plan, "told"), /^受注内容を変更しました\(モールに反映します\)/);
  assert.match(editMessage(plan, "none"), /^受注内容を変更しました: /);
});

test("a mall's order is told only through a channel that can update it", () => {
  assert.equal(mallReflectionOf("import", undefined), "not_told");
  assert.equal(mallReflectionOf("import", false), "not_told");
  assert.equal(mallReflectionOf("import", true), "told");
  assert.equal(mallReflectionOf("manual", true), "none");
  assert.equal(mallReflectionOf("csv", undefined), "none");
});

test("a mall's values of what was edited are kept once, and dropped for what the mall changes itself", () => {
  const o = order("confirmed");
  const plan = planOrderEdit(o, {
    version: 3,
    amounts: { shippingFee: 900 },
    items: [{ id: "l1", quantity: 1 }],
  });
  assert.ok(!(plan instanceof Refusal));
  const kept = mallValuesAfterEdit(o, plan, null);
  assert.deepEqual(kept, {
    shippingFee: 500,
    total: 3400,
    items: [{ mallItemCode: "tea", mallSkuCode: "", quantity: 3, unitPrice: 1000 }],
  });
  // A second edit keeps the mall's value, not the first edit's.
  const again = planOrderEdit(
    { ...o, shippingFee: 900, total: 1800 },
    { version: 3, amounts: { shippingFee: 1000 } },
  );
  assert.ok(!(again instanceof Refusal));
  assert.equal(mallValuesAfterEdit(o, again, kept).shippingFee, 500);

  assert.deepEqual(
    mallValuesAfterImport(kept, { set: { shippingFee: 700, total: 2000 }, itemsChanged: false }),
    {
      items: kept.items,
    },
  );
  assert.equal(
    mallValuesAfterImport(kept, { set: { shippingFee: 700, total: 2000 }, itemsChanged: true }),
    null,
  );
  assert.equal(mallValuesAfterImport(null, { set: {}, itemsChanged: false }), null);
});

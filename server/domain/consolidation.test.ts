import assert from "node:assert/strict";
import { test } from "node:test";
import type { ShipTo } from "./address.ts";
import { type MergeCandidate, mergeGroups, mergeRefusal, splitRefusal } from "./consolidation.ts";
import type { OrderSnapshot } from "./order.ts";
import { shipmentActions } from "./order-actions.ts";
import type { OrderStatus, ShippingStatus } from "./order-status.ts";

const HOME: ShipTo = {
  name: "山田 太郎",
  postalCode: "150-0001",
  prefecture: "東京都",
  address1: "渋谷区神宮前1-2-3",
  phone: "090-1234-5678",
};
const OFFICE: ShipTo = { ...HOME, address1: "港区六本木6-10-1" };

let seq = 0;
/** A shipment of shop A, buyer taro, warehouse W at HOME, not requested; `over` changes what differs. */
const candidate = (over: Partial<MergeCandidate> = {}): MergeCandidate => ({
  shipmentId: `s${++seq}`,
  shopId: "shop-a",
  buyerEmail: "taro@example.com",
  warehouseId: "w-1",
  shipTo: HOME,
  status: "awaiting_shipment",
  requested: false,
  consolidated: false,
  orderedAt: new Date(Date.UTC(2030, 0, 15, 0, seq)),
  ...over,
});

const split = (over: Partial<Parameters<typeof splitRefusal>[0]> = {}) =>
  splitRefusal({
    status: "awaiting_shipment",
    consolidated: false,
    linesInShipment: ["i1", "i2", "i3"],
    linesToMove: ["i2"],
    ...over,
  });

test("splitRefusal: some lines of a shipment not yet requested may leave in a parcel of their own", () => {
  for (const status of ["allocating", "allocated", "awaiting_shipment"] as ShippingStatus[]) {
    assert.equal(split({ status }), null, status);
  }
  assert.equal(split({ linesToMove: ["i1", "i3"] }), null);
});

test("splitRefusal names the rule that stops a split", () => {
  const cases: [string, Parameters<typeof split>[0], string][] = [
    ["shipping", { status: "shipping" }, "shipment_already_requested"],
    ["unshippable", { status: "unshippable" }, "shipment_already_requested"],
    ["shipped", { status: "shipped" }, "shipment_already_requested"],
    ["merged", { consolidated: true }, "shipment_consolidated"],
    ["nothing chosen", { linesToMove: [] }, "no_lines"],
    ["a line of another shipment", { linesToMove: ["i2", "other"] }, "line_not_in_shipment"],
    ["every line", { linesToMove: ["i1", "i2", "i3"] }, "all_lines"],
    ["every line, one twice", { linesToMove: ["i1", "i2", "i3", "i3"] }, "all_lines"],
  ];
  for (const [name, over, rule] of cases) {
    const refusal = split(over);
    assert.equal(refusal?.code, "shipment.split_not_allowed", name);
    assert.equal(refusal?.rule, rule, name);
  }
});

test("mergeGroups: same shop, buyer, address and warehouse form one group, oldest order first", () => {
  const newer = candidate({ orderedAt: new Date("2030-01-15T05:00:00Z") });
  const older = candidate({ orderedAt: new Date("2030-01-15T01:00:00Z"), buyerEmail: "TARO@example.com" });
  const elsewhere = candidate({ shipTo: OFFICE });
  const groups = mergeGroups([newer, elsewhere, older]);
  assert.deepEqual(
    groups.map((g) => g.map((c) => c.shipmentId)),
    [[older.shipmentId, newer.shipmentId]],
  );
});

test("mergeGroups leaves out a different address, shop, buyer or warehouse, and anything requested", () => {
  const lead = candidate();
  const others = [
    candidate({ shipTo: OFFICE }),
    candidate({ shopId: "shop-b" }),
    candidate({ buyerEmail: "hanako@example.com" }),
    candidate({ warehouseId: "w-2" }),
    candidate({ requested: true }),
    candidate({ status: "shipping" }),
    candidate({ status: "unshippable" }),
    candidate({ consolidated: true }),
  ];
  assert.deepEqual(mergeGroups([lead, ...others]), []);
  const two = mergeGroups([lead, candidate(), ...others]);
  assert.equal(two.length, 1);
  assert.equal(two[0]?.length, 2);
});

test("mergeRefusal: the codes and rules of a refused 同梱", () => {
  const a = candidate();
  const b = candidate();
  assert.equal(mergeRefusal([a, b]), null);
  const cases: [string, MergeCandidate[], string][] = [
    ["one shipment", [a], "too_few"],
    ["requested", [a, candidate({ requested: true })], "shipment_already_requested"],
    ["出荷中", [a, candidate({ status: "shipping" })], "shipment_already_requested"],
    ["already merged", [a, candidate({ consolidated: true })], "shipment_already_requested"],
    ["other address", [a, candidate({ shipTo: OFFICE })], "different_destination"],
    ["other shop", [a, candidate({ shopId: "shop-b" })], "different_destination"],
    ["other buyer", [a, candidate({ buyerEmail: "x@example.com" })], "different_destination"],
    ["other warehouse", [a, candidate({ warehouseId: "w-2" })], "different_destination"],
  ];
  for (const [name, chosen, rule] of cases) {
    const refusal = mergeRefusal(chosen);
    assert.equal(refusal?.code, "shipment.merge_not_allowed", name);
    assert.equal(refusal?.rule, rule, name);
  }
});

test("shipmentActions: what the refusals allow, per shipment", () => {
  const snapshot = (
    status: OrderStatus,
    ship: ShippingStatus,
    tags: OrderSnapshot["tags"] = [],
  ): OrderSnapshot => ({
    status,
    paymentMethod: "credit_card",
    paidAt: null,
    total: 1000,
    graceUntil: new Date(0),
    deletedAt: null,
    items: [{ mapped: true }],
    shipments: [{ id: "s1", status: ship }],
    tags,
  });
  const alone = { id: "s1", consolidationId: null };
  assert.deepEqual(shipmentActions(snapshot("awaiting_shipment", "awaiting_shipment"), alone), [
    "request",
    "split",
  ]);
  assert.deepEqual(shipmentActions(snapshot("shipping", "shipping"), alone), ["withdraw"]);
  assert.deepEqual(shipmentActions(snapshot("shipping", "unshippable"), alone), ["request"]);
  assert.deepEqual(shipmentActions(snapshot("confirmed", "allocating"), alone), ["split"]);
  assert.deepEqual(shipmentActions(snapshot("shipped", "shipped"), alone), []);
  assert.deepEqual(
    shipmentActions(snapshot("awaiting_shipment", "awaiting_shipment"), {
      id: "s1",
      consolidationId: "lead",
    }),
    [],
    "a merged member goes with its lead and is not split",
  );
  const held = [{ tagId: "t", name: "要確認", hold: true, systemCode: null }];
  assert.deepEqual(shipmentActions(snapshot("awaiting_shipment", "awaiting_shipment", held), alone), [
    "split",
  ]);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { type TrackedShipment, trackingRowDecision } from "./tracking-row.ts";

const at = (over: Partial<TrackedShipment> = {}): TrackedShipment => ({
  status: "shipping",
  orderStatus: "shipping",
  orderSystemTags: [],
  ...over,
});

const cases: [string, TrackedShipment[], string, RegExp?][] = [
  ["a parcel 出荷中: shipped", [at()], "ship"],
  ["no such slip", [], "error", /出荷番号の出荷はありません/],
  ["shipped already: unchanged", [at({ status: "shipped", orderStatus: "shipped" })], "already_shipped"],
  [
    "cancelled in Juchu (after 取下げ)",
    [at({ status: "cancelled", orderStatus: "cancelled" })],
    "error",
    /注文がキャンセルされている/,
  ],
  [
    "cancelled at the mall while 出荷中",
    [at({ orderSystemTags: ["mall_cancelled"] })],
    "error",
    /モール側でキャンセル/,
  ],
  [
    "cancelled at the mall, the warehouse could not stop it",
    [at({ orderSystemTags: ["mall_cancelled", "withdrawal_refused"] })],
    "error",
    /モール側でキャンセル/,
  ],
  [
    "a merged parcel with one order cancelled at the mall",
    [at(), at({ orderSystemTags: ["mall_cancelled"] })],
    "error",
    /モール側でキャンセル/,
  ],
  [
    "withdrawn (出荷不可), not cancelled",
    [at({ status: "unshippable" })],
    "error",
    /出荷中ではない.*出荷不可/,
  ],
  ["another tag does not stop it", [at({ orderSystemTags: ["address_error"] })], "ship"],
];

for (const [name, parcel, outcome, message] of cases) {
  test(`trackingRowDecision: ${name}`, () => {
    const decision = trackingRowDecision(parcel);
    assert.equal(decision.outcome, outcome);
    if (message && decision.outcome !== "ship") assert.match(decision.message, message);
  });
}

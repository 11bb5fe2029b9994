import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type CancelRequestAction,
  type CancelRequestDecision,
  decideCancelRequest,
  REPLY_RESULT,
  renderCancelReply,
  shippingStopped,
} from "./inquiry-cancel.ts";
import { DEFAULT_REPLY_TEMPLATE } from "./inquiry-linkage.ts";
import type { OrderStatus, ShippingStatus } from "./order-status.ts";

const order = (status: OrderStatus, ...shipments: ShippingStatus[]) => ({
  status,
  shipments: shipments.map((s, i) => ({ id: `s${i}`, status: s })),
});

const cases: [string, ReturnType<typeof order> | null, boolean, CancelRequestDecision][] = [
  ["no order → unlinked", null, true, { kind: "unlinked" }],
  ["在庫引当中 → cancel", order("confirmed", "allocating"), true, { kind: "cancel" }],
  ["在庫引当済 → cancel", order("confirmed", "allocated"), true, { kind: "cancel" }],
  ["出荷待ち → cancel", order("awaiting_shipment", "awaiting_shipment"), true, { kind: "cancel" }],
  ["確認待 (held) → cancel", order("awaiting_confirmation", "allocated"), true, { kind: "cancel" }],
  ["automatic cancel off → hold", order("awaiting_shipment", "awaiting_shipment"), false, { kind: "hold" }],
  ["新規受付 (cancel not allowed yet) → hold", order("new"), true, { kind: "hold" }],
  ["出荷作業中 → withdraw", order("shipping", "shipping"), true, { kind: "withdraw", shipmentIds: ["s0"] }],
  [
    "出荷作業中, automatic cancel off → still withdraw",
    order("shipping", "shipping"),
    false,
    {
      kind: "withdraw",
      shipmentIds: ["s0"],
    },
  ],
  [
    "split: only the parcel at the warehouse",
    order("shipping", "shipped", "shipping"),
    true,
    {
      kind: "withdraw",
      shipmentIds: ["s1"],
    },
  ],
  ["already withdrawn (出荷不可) → cancel", order("shipping", "unshippable"), true, { kind: "cancel" }],
  ["全出荷済 → shipped", order("shipped", "shipped"), true, { kind: "shipped" }],
  ["完了 → shipped", order("completed", "shipped"), true, { kind: "shipped" }],
  ["キャンセル → already cancelled", order("cancelled", "cancelled"), true, { kind: "already_cancelled" }],
];

for (const [name, o, autoCancel, expected] of cases) {
  test(`decideCancelRequest: ${name}`, () => {
    assert.deepEqual(decideCancelRequest(o, { autoCancel }), expected);
  });
}

const stops: [CancelRequestAction, CancelRequestDecision["kind"], boolean][] = [
  ["cancelled", "cancel", true],
  ["withdrawn", "withdraw", true],
  ["withdraw_refused", "withdraw", false],
  ["tagged", "hold", true],
  ["tagged", "shipped", false],
  ["none", "already_cancelled", true],
];
for (const [action, kind, stopped] of stops) {
  test(`shippingStopped: ${action} after ${kind} → ${stopped}`, () => {
    const decision = (kind === "withdraw" ? { kind, shipmentIds: [] } : { kind }) as CancelRequestDecision;
    assert.equal(shippingStopped(action, decision), stopped);
  });
}

test("renderCancelReply: the default template says stopped or not, never that the order is cancelled", () => {
  const facts = { buyerName: "山田 太郎", shopName: "お茶の山田園", mallOrderNumber: "111-1" };
  const yes = renderCancelReply(DEFAULT_REPLY_TEMPLATE, { ...facts, stopped: true });
  const no = renderCancelReply(DEFAULT_REPLY_TEMPLATE, { ...facts, stopped: false });
  assert.match(yes, /^山田 太郎 様\n/);
  assert.match(yes, /お茶の山田園/);
  assert.match(yes, /注文番号: 111-1/);
  assert.ok(yes.includes(REPLY_RESULT.stopped));
  assert.ok(no.includes(REPLY_RESULT.notStopped));
  for (const text of [yes, no]) assert.doesNotMatch(text, /キャンセル(いたしました|しました|されました)/);
});

test("renderCancelReply: CRLF becomes LF, spaces inside braces are allowed, an unknown name stays visible", () => {
  const out = renderCancelReply("{{ 購入者名 }}様\r\n{{不明}}", {
    buyerName: "A",
    shopName: "S",
    mallOrderNumber: "1",
    stopped: true,
  });
  assert.equal(out, "A様\n{{不明}}");
});

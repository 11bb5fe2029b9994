import assert from "node:assert/strict";
import { test } from "node:test";
import { type HoldAction, holdGuides, SYSTEM_TAG_GUIDES, WAITING_GUIDES } from "./hold-guide.ts";
import { waitingFor } from "./order.ts";
import { SYSTEM_TAGS, type SystemTagCode } from "./system-tags.ts";

// The table: each hold → why → what clears it → where the screen sends the merchant.
const expected: [SystemTagCode, HoldAction | null, RegExp][] = [
  ["unmapped_item", "mapItem", /紐付ける/],
  ["withdrawn", "requestShipment", /再依頼/],
  ["warehouse_rejected", "requestShipment", /再依頼/],
  ["warehouse_unshippable", "requestShipment", /再依頼/],
  ["mall_reflection_error", "refetch", /再取得/],
  ["address_error", "editOrder", /送付先を直す/],
  ["payment_overdue", "recordPayment", /入金を記録/],
  ["stock_short", "addStock", /入荷/],
  ["amount_undetermined", "refetch", /再取得/],
  ["total_mismatch", "refetch", /オプション金額表を直す/],
  ["mall_order_changed", "editOrder", /受注を修正/],
  ["mall_cancelled", "withdrawShipment", /取り下げる/],
  ["gift_address_pending", "refetch", /再取得/],
  ["withdrawal_refused", "removeTag", /タグを外して/],
  ["inquiry_cancel_requested", "removeTag", /タグを外して/],
  ["inquiry_cancel_not_stopped", "removeTag", /タグを外して/],
  ["inquiry_cancel_shipped", "removeTag", /タグを外して/],
  ["unknown_mall_value", "refetch", /マスタ管理.*再取得/],
  ["unknown_mall_value_notice", "refetch", /マスタ管理/],
  ["time_slot_unavailable", "editOrder", /受注を修正/],
  ["delivery_conditions_conflict", "removeTag", /タグを外して/],
];

for (const [code, action, clear] of expected) {
  test(`${SYSTEM_TAGS[code].name}: says why, how to clear it, and offers ${action}`, () => {
    const guide = SYSTEM_TAG_GUIDES[code];
    assert.ok(guide.why.length > 0);
    assert.match(guide.howToClear, clear);
    assert.equal(guide.action, action);
  });
}

test("every system tag has a guide in the table", () => {
  assert.deepEqual(Object.keys(SYSTEM_TAG_GUIDES).sort(), Object.keys(SYSTEM_TAGS).sort());
  assert.deepEqual(expected.map(([c]) => c).sort(), Object.keys(SYSTEM_TAGS).sort());
});

test("金額未確定 says it waits for the mall's amount", () => {
  assert.match(SYSTEM_TAG_GUIDES.amount_undetermined.why, /モールの金額を待っています/);
});

test("what a 確認済 order waits for has a guide too", () => {
  const waits = waitingFor({
    status: "confirmed",
    paymentMethod: "bank_transfer",
    paidAt: null,
    total: 1000,
    graceUntil: new Date(0),
    deletedAt: null,
    items: [{ mapped: true }],
    shipments: [{ id: "s", status: "allocating" }],
    tags: [],
  });
  assert.deepEqual(waits, ["入金待ち", "在庫引当待ち"]);
  for (const w of waits) assert.ok(w in WAITING_GUIDES, w);
});

test("holds come in tag order, custom holds say to remove the tag, plain tags say nothing, waits last", () => {
  const holds = holdGuides(
    [
      { tagId: "t1", name: "金額未確定", hold: true, systemCode: "amount_undetermined" },
      { tagId: "t2", name: "要確認", hold: true, systemCode: null },
      { tagId: "t3", name: "リピーター", hold: false, systemCode: null },
    ],
    ["入金待ち"],
  );
  assert.deepEqual(
    holds.map((h) => [h.name, h.tagId, h.action]),
    [
      ["金額未確定", "t1", "refetch"],
      ["要確認", "t2", "removeTag"],
      ["入金待ち", null, "recordPayment"],
    ],
  );
});

/**
 * Tags the system sets when an order needs a person (SPEC.md §1). Every account gets each one once;
 * the code is what the system watches, the name what the merchant reads.
 */
export const SYSTEM_TAGS = {
  unmapped_item: { name: "未マッピング商品", hold: true, color: "#d9534f" },
  withdrawn: { name: "出荷取下げ", hold: true, color: "#f0ad4e" },
  warehouse_rejected: { name: "倉庫受付エラー", hold: true, color: "#d9534f" },
  /** The warehouse took the request, then could not ship it (欠品 …): fix it, then request again or cancel. */
  warehouse_unshippable: { name: "倉庫出荷不可", hold: true, color: "#d9534f" },
  mall_reflection_error: { name: "モール反映エラー", hold: false, color: "#d9534f" },
  /** The ship-to lacks a required part, or its postal code is not in its prefecture (domain/ship-to-check.ts). */
  address_error: { name: "住所エラー", hold: true, color: "#f0ad4e" },
  /** A prepaid order still unpaid the shop's paymentOverdueDays after ordering; off again once paid. */
  payment_overdue: { name: "入金確認待ち超過", hold: false, color: "#5bc0de" },
  /** 確認済 but a shipment is still short of stock: shows who waits for the next arrival, holds nothing. */
  stock_short: { name: "在庫不足", hold: false, color: "#f0ad4e" },
  /** The mall has not fixed the bill yet (Rakuten 送料未確定 -9999): set it in the mall; the next import clears it. */
  amount_undetermined: { name: "金額未確定", hold: true, color: "#f0ad4e" },
  /**
   * Σ (単価 + オプション金額) × 数量 + 送料 + 手数料 − クーポン − ポイント is not the mall's 請求金額
   * (domain/billed-total.ts): an option's surcharge not billed yet, or an amount misread. The timeline
   * gives both amounts; an import or a オプション金額表 fix that makes them agree clears it.
   */
  total_mismatch: { name: "請求金額不一致", hold: true, color: "#d9534f" },
  /** The mall changed the items after import: Juchu does not rewrite them on its own. */
  mall_order_changed: { name: "モール側で明細変更", hold: true, color: "#f0ad4e" },
  /** The mall cancelled an order already at the warehouse or shipped: withdraw it or handle the return. */
  mall_cancelled: { name: "モール側キャンセル", hold: true, color: "#d9534f" },
  /** A gift whose recipient has not entered the address yet (ソーシャルギフト): the next import brings it and clears this. */
  gift_address_pending: { name: "住所未確定(ソーシャルギフト)", hold: true, color: "#f0ad4e" },
  /** The warehouse refused to stop the parcel (picking had begun): it ships; tell the carrier or handle the return. */
  withdrawal_refused: { name: "出荷取下げ不可", hold: true, color: "#d9534f" },
  /** A buyer asked to cancel in a message and the shop cancels by hand: held before the warehouse for a person. */
  inquiry_cancel_requested: { name: "キャンセル希望", hold: true, color: "#f0ad4e" },
  /** A buyer asked to cancel, the parcel was at the warehouse and it refused to stop it. */
  inquiry_cancel_not_stopped: { name: "キャンセル希望(出荷停止不可)", hold: true, color: "#d9534f" },
  /** A buyer asked to cancel an order already shipped: a return or the carrier, for a person. */
  inquiry_cancel_shipped: { name: "キャンセル希望(出荷済)", hold: false, color: "#d9534f" },
  /**
   * The mall sent a 決済方法 or 受注ステータス Juchu does not know (unknown-mall-values.ts): held rather
   * than guessed; mapping it in the shop's master (or the mall's next state) and re-importing clears it.
   */
  unknown_mall_value: { name: "未登録のモール値", hold: true, color: "#d9534f" },
  /** The mall sent a 配送会社 Juchu does not know: shown for the set-up, nothing held. */
  unknown_mall_value_notice: { name: "未登録のモール値(確認のみ)", hold: false, color: "#5bc0de" },
  /** The buyer's お届け時間帯 is one the carrier does not offer or a product does not accept: never sent silently. */
  time_slot_unavailable: { name: "時間帯指定不可", hold: true, color: "#f0ad4e" },
  /** The products of one parcel name different 物流会社 or 配送会社 (配送条件): a person splits or decides. */
  delivery_conditions_conflict: { name: "配送条件の不一致", hold: true, color: "#f0ad4e" },
} as const;

export type SystemTagCode = keyof typeof SYSTEM_TAGS;

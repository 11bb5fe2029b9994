/**
 * 請求金額チェック: what Juchu makes of an order's amounts, Σ (単価 + オプション金額) × 数量 + 送料 +
 * 手数料 − クーポン − ポイント, against what the mall bills. They part when an option's surcharge is not
 * in the mall's bill yet (the shop must change the amount at the mall) or an amount was misread.
 */

export type BilledOrder = {
  items: readonly { unitPrice: number; optionAmount: number; quantity: number }[];
  shippingFee: number | null;
  fees: number | null;
  couponDiscount: number;
  pointsUsed: number;
  /** The mall's 請求金額; null while undetermined. */
  total: number | null;
};

/** Both amounts and Juchu's minus the mall's. */
export type BilledTotalGap = { juchu: number; mall: number; difference: number };

/** Juchu's own 請求金額, or null while a part of it is undetermined. */
export function juchuTotal(order: BilledOrder): number | null {
  if (order.shippingFee === null || order.fees === null) return null;
  const goods = order.items.reduce((sum, i) => sum + (i.unitPrice + i.optionAmount) * i.quantity, 0);
  return goods + order.shippingFee + order.fees - order.couponDiscount - order.pointsUsed;
}

/**
 * The gap between the two, or null when they agree — and when either is undetermined, which 金額未確定
 * holds for already: nothing is compared with an amount not known yet.
 */
export function billedTotalGap(order: BilledOrder): BilledTotalGap | null {
  const juchu = juchuTotal(order);
  if (juchu === null || order.total === null || juchu === order.total) return null;
  return { juchu, mall: order.total, difference: juchu - order.total };
}

const yen = (n: number) => `${n.toLocaleString("ja-JP")}円`;

/** The timeline's words for a gap: both amounts and the difference. */
export function gapMessage(gap: BilledTotalGap): string {
  const sign = gap.difference > 0 ? "+" : "−";
  return (
    `請求金額不一致: Juchuの計算 ${yen(gap.juchu)} / モールの請求金額 ${yen(gap.mall)} ` +
    `(差額 ${sign}${yen(Math.abs(gap.difference))})。オプション金額をモールの請求に反映するか、金額を確認してください`
  );
}

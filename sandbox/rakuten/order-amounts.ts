import { type Amounts, type MallOrder, type TaxSummary, UNDETERMINED } from "./order-record.ts";

/**
 * The money of an order, recomputed from its lines whenever something changes, so the totals can
 * never disagree with the packages. The relations are the ones the RMS samples show:
 *   package.totalPrice = goods + postage + 代引料 (deliveryPrice)
 *   order.goodsPrice   = goods + wrapping (ラッピング料, at 10%)
 *   order.totalPrice   = goodsPrice + postage
 *   requestPrice       = totalPrice + 代引料 + 決済手数料 + 後払い手数料 − coupons − points
 * A postage of -9999 (送料未確定) makes every total that includes it -9999 as well.
 */

/** Postage, 代引料 and 決済手数料 are taxed at 10%, like the RMS samples' postageTaxRate. */
const FEE_TAX_RATE = 0.1;

/** Tax inside a tax-included amount, as the getOrderItem sample rounds it (8235 → 749 at 10%). */
function taxIncluded(amount: number, rate: number): number {
  const percent = Math.round(rate * 100);
  return amount - Math.floor((amount * 100) / (100 + percent));
}

function couponTotal(order: MallOrder, capital?: 1 | 2 | 3): number {
  return order.coupons
    .filter((c) => capital === undefined || c.couponCapitalCode === capital)
    .reduce((sum, c) => sum + c.couponPrice * c.couponUnit, 0);
}

/** Placeholder until recomputeAmounts has seen the lines. */
export const emptyAmounts = (): Amounts => ({
  goodsPrice: 0,
  postagePrice: 0,
  deliveryPrice: 0,
  totalPrice: 0,
  requestPrice: 0,
  couponAllTotalPrice: 0,
  couponShopPrice: 0,
  couponOtherPrice: 0,
  taxSummary: [],
});

export function recomputeAmounts(order: MallOrder): void {
  let goods = 0;
  let postage = 0;
  let delivery = 0;
  let postageUnknown = false;
  const goodsByRate = new Map<number, number>();
  for (const pkg of order.packages) {
    pkg.goodsPrice = pkg.items.reduce((sum, item) => sum + item.price * item.units, 0);
    for (const item of pkg.items) {
      goodsByRate.set(item.taxRate, (goodsByRate.get(item.taxRate) ?? 0) + item.price * item.units);
    }
    const unknown = pkg.postagePrice === UNDETERMINED;
    pkg.totalPrice = unknown ? UNDETERMINED : pkg.goodsPrice + pkg.postagePrice + pkg.deliveryPrice;
    goods += pkg.goodsPrice;
    delivery += pkg.deliveryPrice;
    if (unknown) postageUnknown = true;
    else postage += pkg.postagePrice;
  }
  const wrapping = order.wrappings.reduce((sum, w) => sum + w.price, 0);
  goods += wrapping;
  const coupons = couponTotal(order);
  const totalPrice = postageUnknown ? UNDETERMINED : goods + postage;
  order.amounts = {
    goodsPrice: goods,
    postagePrice: postageUnknown ? UNDETERMINED : postage,
    deliveryPrice: delivery,
    totalPrice,
    requestPrice: postageUnknown
      ? UNDETERMINED
      : totalPrice + delivery + order.paymentCharge + order.additionalFee - coupons - order.usedPoint,
    couponAllTotalPrice: coupons,
    couponShopPrice: couponTotal(order, 1),
    couponOtherPrice: coupons - couponTotal(order, 1),
    taxSummary: taxSummaries(order, goodsByRate, { postage, delivery, wrapping, postageUnknown }),
  };
}

/** A coupon bound to an item counts at that item's rate; the others at the rate with most goods. */
function couponRate(order: MallOrder, itemDetailId: number, goodsByRate: Map<number, number>): number {
  for (const pkg of order.packages) {
    const item = pkg.items.find((i) => i.itemDetailId === itemDetailId);
    if (item) return item.taxRate;
  }
  let best = FEE_TAX_RATE;
  let bestGoods = -1;
  for (const [rate, amount] of goodsByRate) {
    if (amount > bestGoods || (amount === bestGoods && rate > best)) [best, bestGoods] = [rate, amount];
  }
  return best;
}

function taxSummaries(
  order: MallOrder,
  goodsByRate: Map<number, number>,
  fees: { postage: number; delivery: number; wrapping: number; postageUnknown: boolean },
): TaxSummary[] {
  const rates = new Set(goodsByRate.keys());
  rates.add(FEE_TAX_RATE);
  const couponsByRate = new Map<number, number>();
  for (const c of order.coupons) {
    const rate = couponRate(order, c.itemDetailId, goodsByRate);
    couponsByRate.set(rate, (couponsByRate.get(rate) ?? 0) + c.couponPrice * c.couponUnit);
  }
  const rows = [...rates]
    .sort((a, b) => b - a)
    .map((rate) => {
      const feesHere = rate === FEE_TAX_RATE;
      const unknown = feesHere && fees.postageUnknown;
      const totalPrice = (goodsByRate.get(rate) ?? 0) + (feesHere ? fees.postage + fees.wrapping : 0);
      const paymentCharge = feesHere ? order.paymentCharge + order.additionalFee : 0;
      const couponPrice = couponsByRate.get(rate) ?? 0;
      const reqPrice = totalPrice + (feesHere ? fees.delivery : 0) + paymentCharge - couponPrice;
      return {
        taxRate: rate,
        reqPrice: unknown ? UNDETERMINED : reqPrice,
        reqPriceTax: unknown ? UNDETERMINED : taxIncluded(reqPrice, rate),
        totalPrice: unknown ? UNDETERMINED : totalPrice,
        paymentCharge,
        couponPrice,
        // 0 for every order since 2022-04-01, as the doc says: points no longer split by rate.
        point: 0,
      };
    });
  const used = rows.filter((r) => r.totalPrice !== 0 || r.reqPrice !== 0 || r.couponPrice !== 0);
  return used.length > 0 ? used : rows.filter((r) => r.taxRate === FEE_TAX_RATE);
}

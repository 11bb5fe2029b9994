import type { OrderStatus } from "../order-status.ts";
import { Refusal } from "../refusal.ts";

/**
 * BtoB価格表 and the 発注フォーム's checks. Products carry no price of their own in Juchu, so a
 * product is in a company's catalogue exactly when it has a price for that company or its rank.
 */
export type BuyerPrice = { unitPrice: number; minQuantity: number; lotQuantity: number };

/** The company's own price wins over its rank's; neither means the company cannot order it. */
export function priceFor(own: BuyerPrice | undefined, ofRank: BuyerPrice | undefined): BuyerPrice | null {
  return own ?? ofRank ?? null;
}

export type OrderLineInput = { productId: string; quantity: number };
export type PricedLine = OrderLineInput & BuyerPrice;

/**
 * Every line checked against the company's prices: a product not in its catalogue, a quantity under
 * the minimum or off the 発注単位 — all lines' problems at once, each on its own field.
 */
export function priceLines(
  lines: readonly OrderLineInput[],
  prices: ReadonlyMap<string, BuyerPrice>,
): PricedLine[] | Refusal {
  if (lines.length === 0) {
    return new Refusal("b2b_order.no_lines", "商品を1つ以上選んでください。", {
      errors: [{ path: "lines", message: "商品を1つ以上選んでください" }],
    });
  }
  const errors: { path: string; message: string; code: string }[] = [];
  const priced: PricedLine[] = [];
  const seen = new Set<string>();
  for (const [index, line] of lines.entries()) {
    const price = prices.get(line.productId);
    if (!price || seen.has(line.productId)) {
      errors.push({
        path: `lines.${index}.productId`,
        code: price ? "b2b_order.duplicate_product" : "b2b_order.unknown_product",
        message: price ? "同じ商品が2行あります。1行にまとめてください" : "発注できない商品です",
      });
      continue;
    }
    seen.add(line.productId);
    if (line.quantity < price.minQuantity) {
      errors.push({
        path: `lines.${index}.quantity`,
        code: "b2b_order.below_minimum",
        message: `最小発注数は${price.minQuantity}です`,
      });
    } else if (line.quantity % price.lotQuantity !== 0) {
      errors.push({
        path: `lines.${index}.quantity`,
        code: "b2b_order.not_a_lot_multiple",
        message: `発注単位は${price.lotQuantity}個ずつです(${price.lotQuantity}の倍数で入力してください)`,
      });
    }
    priced.push({ ...line, ...price });
  }
  const [first] = errors;
  if (first) {
    return new Refusal(first.code, errors.map((e) => `${e.path}: ${e.message}`).join(" / "), {
      errors: errors.map(({ path, message }) => ({ path, message })),
    });
  }
  return priced;
}

/** 注文状況 as the buyer sees it: the merchant's steps folded into four; 出荷準備中 once the warehouse has it. */
export const BUYER_ORDER_STATUS_LABELS = {
  received: "受付済",
  preparing: "出荷準備中",
  shipped: "出荷済",
  cancelled: "取引中止",
} as const;
export type BuyerOrderStatus = keyof typeof BUYER_ORDER_STATUS_LABELS;

export function buyerOrderStatus(status: OrderStatus): BuyerOrderStatus {
  switch (status) {
    case "new":
    case "awaiting_confirmation":
    case "confirmed":
    case "awaiting_shipment":
      return "received";
    case "shipping":
      return "preparing";
    case "shipped":
    case "completed":
      return "shipped";
    case "cancelled":
      return "cancelled";
  }
}

import type { StockChange } from "./stock.ts";

/** 在庫履歴の種類: what moved a product's 在庫 or 引当 at a warehouse. */
export const STOCK_MOVEMENT_KINDS = {
  /** What a stock row held when the history began (the migration that added it). */
  opening: "繰越",
  receipt: "入庫",
  /** A count from the shelf (棚卸) or a write-off: the merchant sets or lowers 在庫. */
  count: "棚卸・調整",
  allocate: "引当",
  release: "引当解除",
  ship: "出荷",
} as const;

export type StockMovementKind = keyof typeof STOCK_MOVEMENT_KINDS;

/** A merchant's edit: units added are an arrival (入庫), anything else is a count or a write-off. */
export function kindOfStockChange(change: StockChange): StockMovementKind {
  return "delta" in change && change.delta > 0 ? "receipt" : "count";
}

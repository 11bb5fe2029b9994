import { Refusal } from "./refusal.ts";

export type StockLevel = { onHand: number; allocated: number };

/** Either a count taken from the shelf (棚卸) or an arrival / write-off relative to what is recorded. */
export type StockChange = { onHand: number } | { delta: number };

/** Past this the count is a typo, and it keeps the sum well inside PostgreSQL's integer. */
export const MAX_ON_HAND = 99_999_999;

/**
 * The new on-hand count, or why it may not be: stock never goes negative, and never under what
 * orders already hold (引当済み), since those units are promised to buyers.
 */
export function nextOnHand(current: StockLevel, change: StockChange): number | Refusal {
  const path = "delta" in change ? "delta" : "onHand";
  const next = "delta" in change ? current.onHand + change.delta : change.onHand;
  if (next < 0 || next > MAX_ON_HAND) {
    return new Refusal(
      "stock.invalid_adjustment",
      next < 0
        ? `在庫数は0未満にできません(現在${current.onHand}個、変更後${next}個)。`
        : `在庫数は${MAX_ON_HAND}個までです(変更後${next}個)。`,
      { errors: [{ path, message: next < 0 ? "変更後の在庫数が0未満になります" : "在庫数が大きすぎます" }] },
    );
  }
  if (next < current.allocated) {
    return new Refusal(
      "stock.below_allocated",
      `注文に引当済みの${current.allocated}個を下回る在庫数(${next}個)にはできません。引当済みの注文をキャンセルすると在庫が戻ります。`,
      {
        rule: "on_hand_below_allocated",
        errors: [{ path, message: `引当済み${current.allocated}個を下回ります` }],
      },
    );
  }
  return next;
}

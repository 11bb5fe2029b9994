import type { OrderStatus } from "./order-status.ts";
import { Refusal } from "./refusal.ts";

/** Orders of the same shop already holding the number, deleted ones included. */
export type OrderWithNumber = { id: string; status: OrderStatus; deletedAt: Date | null };

/**
 * SPEC.md §5: a cancelled number stays taken for good; a deleted one is freed for a person's
 * registration (manual or CSV) but never for the mall's import.
 */
export function manualRegistrationRefusal(
  mallOrderNumber: string,
  existing: readonly OrderWithNumber[],
): Refusal | null {
  const path = "mallOrderNumber";
  if (existing.some((o) => o.status === "cancelled")) {
    return new Refusal(
      "order.mall_order_number_cancelled",
      `モール注文番号 ${mallOrderNumber} はキャンセル済みの注文で使われています。キャンセルした注文の内容を登録し直すには別の番号を使ってください。`,
      { rule: "cancelled_number_stays_taken", errors: [{ path, message: "キャンセル済みの注文の番号です" }] },
    );
  }
  if (existing.some((o) => o.deletedAt === null)) {
    return new Refusal(
      "order.mall_order_number_taken",
      `モール注文番号 ${mallOrderNumber} の注文はすでに登録されています。`,
      {
        rule: "number_unique_per_shop",
        errors: [{ path, message: "すでに登録されている番号です" }],
      },
    );
  }
  return null;
}

export type ImportDecision =
  | { action: "create" }
  | { action: "update"; orderId: string }
  | { action: "skip"; rule: "cancelled_number_never_imported" | "deleted_order_never_reimported" };

export function importDecision(existing: readonly OrderWithNumber[]): ImportDecision {
  const live = existing.find((o) => o.deletedAt === null && o.status !== "cancelled");
  if (live) return { action: "update", orderId: live.id };
  if (existing.some((o) => o.status === "cancelled"))
    return { action: "skip", rule: "cancelled_number_never_imported" };
  if (existing.length > 0) return { action: "skip", rule: "deleted_order_never_reimported" };
  return { action: "create" };
}

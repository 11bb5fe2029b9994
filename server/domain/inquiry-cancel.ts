import type { OrderSnapshot } from "./order.ts";
import type { OrderStatus } from "./order-status.ts";

/**
 * What a buyer's cancel request does to its order (SPEC.md §7, seed boss-rmesse-cancel-linkage): it
 * depends only on where the order is, read before anything is done, and is decided once.
 */
export type CancelRequestDecision =
  /** No order in Juchu carries the inquiry's order number: a person links or answers it. */
  | { kind: "unlinked" }
  /** Not yet requested at the warehouse (在庫引当中 / 在庫引当済 / 出荷待ち): cancelled, reason お客様都合. */
  | { kind: "cancel" }
  /** Not yet requested, but the shop cancels by hand (or the order is still 新規受付): held for a person. */
  | { kind: "hold" }
  /** 出荷作業中: the warehouse is asked to withdraw these parcels; the order is not cancelled. */
  | { kind: "withdraw"; shipmentIds: string[] }
  /** Shipped or later: nothing can stop it; tagged for a person (return, carrier). */
  | { kind: "shipped" }
  /** Cancelled already: nothing will ship. */
  | { kind: "already_cancelled" };

/** What was done, as the inbox shows it (action). */
export type CancelRequestAction = "cancelled" | "withdrawn" | "withdraw_refused" | "tagged" | "none";

const CANCELLABLE: readonly OrderStatus[] = ["awaiting_confirmation", "confirmed", "awaiting_shipment"];
const PAST_SHIPPING: readonly OrderStatus[] = ["shipped", "completed"];

export function decideCancelRequest(
  order: Pick<OrderSnapshot, "status" | "shipments"> | null,
  settings: { autoCancel: boolean },
): CancelRequestDecision {
  if (!order) return { kind: "unlinked" };
  if (order.status === "cancelled") return { kind: "already_cancelled" };
  const atWarehouse = order.shipments.filter((s) => s.status === "shipping").map((s) => s.id);
  if (atWarehouse.length > 0) return { kind: "withdraw", shipmentIds: atWarehouse };
  if (PAST_SHIPPING.includes(order.status) || order.shipments.some((s) => s.status === "shipped")) {
    return { kind: "shipped" };
  }
  const stopped = order.shipments.some((s) => s.status === "unshippable");
  if (!CANCELLABLE.includes(order.status) && !stopped) return { kind: "hold" };
  return settings.autoCancel ? { kind: "cancel" } : { kind: "hold" };
}

/**
 * Whether shipping is stopped once the action is done: the reply says only that (a cancel depends on
 * the status, so it is never promised). A hold stops it too: a holding tag keeps an order from the
 * warehouse.
 */
export function shippingStopped(action: CancelRequestAction, decision: CancelRequestDecision): boolean {
  return action !== "withdraw_refused" && decision.kind !== "shipped";
}

export const REPLY_RESULT = {
  stopped: "出荷を停止いたしました。",
  notStopped: "すでに出荷の手配が進んでおり、出荷を停止することができませんでした。",
} as const;

/** The automatic reply: the shop's template with its placeholders filled. Pure; never throws. */
export function renderCancelReply(
  template: string,
  facts: { buyerName: string; shopName: string; mallOrderNumber: string; stopped: boolean },
): string {
  const values: Record<string, string> = {
    購入者名: facts.buyerName,
    ショップ名: facts.shopName,
    注文番号: facts.mallOrderNumber,
    対応結果: facts.stopped ? REPLY_RESULT.stopped : REPLY_RESULT.notStopped,
  };
  return template
    .replace(/\r\n?/g, "\n")
    .replace(/\{\{([^{}\r\n]*)\}\}/g, (raw, name: string) => values[name.trim()] ?? raw);
}

import type { OrderStatus, ShippingStatus } from "./order-status.ts";
import { SHIPPING_STATUS_LABELS } from "./order-status.ts";

/** A shipment a tracking-number row names (all of them for a merged parcel), with its order's state. */
export type TrackedShipment = {
  status: ShippingStatus;
  orderStatus: OrderStatus;
  orderSystemTags: readonly string[];
};

export type TrackingRowDecision =
  | { outcome: "ship" }
  | { outcome: "already_shipped" | "error"; message: string };

/**
 * Whether a row of the carrier's export may mark its parcel 出荷済 (伝票番号取込). An order cancelled
 * meanwhile — in Juchu or at the mall — is never shipped by a file: its row says why, and nothing
 * reaches the buyer's mail or the mall.
 */
export function trackingRowDecision(parcel: readonly TrackedShipment[]): TrackingRowDecision {
  const error = (message: string) => ({ outcome: "error" as const, message });
  if (parcel.length === 0) return error("この倉庫にこの出荷番号の出荷はありません");
  if (parcel.every((s) => s.status === "shipped")) {
    return { outcome: "already_shipped", message: "出荷済みのため変更していません" };
  }
  if (parcel.some((s) => s.orderStatus === "cancelled")) {
    return error(
      "注文がキャンセルされているため出荷済にしていません。荷物が出ていれば配送会社に止めてもらってください",
    );
  }
  if (parcel.some((s) => s.orderSystemTags.includes("mall_cancelled"))) {
    return error(
      "モール側でキャンセルされた注文のため出荷済にしていません。荷物を止めてから、注文をキャンセルしてください",
    );
  }
  const notShipping = parcel.find((s) => s.status !== "shipping");
  if (notShipping) {
    return error(`出荷中ではないため取り込めません(現在: ${SHIPPING_STATUS_LABELS[notShipping.status]})`);
  }
  return { outcome: "ship" };
}

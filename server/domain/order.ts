import {
  canMove,
  canMoveShipment,
  ORDER_STATUS_LABELS,
  type OrderStatus,
  SHIPPING_STATUS_LABELS,
  type ShippingStatus,
} from "./order-status.ts";
import { isPaymentSatisfied } from "./payment.ts";
import { Refusal } from "./refusal.ts";

/** What the rules need to know about an order, loaded before any decision. */
export type OrderSnapshot = {
  status: OrderStatus;
  paymentMethod: string;
  paidAt: Date | null;
  /** null while the mall has not determined every part of the bill (送料未確定). */
  total: number | null;
  graceUntil: Date;
  deletedAt: Date | null;
  items: readonly { mapped: boolean }[];
  shipments: readonly ShipmentSnapshot[];
  tags: readonly AttachedTag[];
  /** テスト取込: checked up to 確認済, but it takes no stock and is never sent to a warehouse. */
  testImport?: boolean;
};

export type ShipmentSnapshot = { id: string; status: ShippingStatus };
export type AttachedTag = { tagId: string; name: string; hold: boolean; systemCode: string | null };

export type OrderEvent = {
  type: string;
  message: string;
  from?: OrderStatus;
  to?: OrderStatus;
  detail?: Record<string, unknown>;
};

export type Decision = { order: OrderSnapshot; events: OrderEvent[] };

const label = (s: OrderStatus) => ORDER_STATUS_LABELS[s];

export function move(
  order: OrderSnapshot,
  to: OrderStatus,
  why: string,
  events: OrderEvent[] = [],
): Decision {
  if (!canMove(order.status, to)) throw new Error(`illegal order transition ${order.status} → ${to}`);
  return {
    order: { ...order, status: to },
    events: [
      ...events,
      {
        type: "status_changed",
        from: order.status,
        to,
        message: `${label(order.status)} → ${label(to)}: ${why}`,
      },
    ],
  };
}

export function withShipments(
  order: OrderSnapshot,
  update: (s: ShipmentSnapshot) => ShippingStatus,
): OrderSnapshot {
  return {
    ...order,
    shipments: order.shipments.map((s) => {
      const to = update(s);
      if (to !== s.status && !canMoveShipment(s.status, to)) {
        throw new Error(`illegal shipment transition ${s.status} → ${to}`);
      }
      return to === s.status ? s : { ...s, status: to };
    }),
  };
}

const hasUnshippableShipment = (order: OrderSnapshot) =>
  order.shipments.some((s) => s.status === "unshippable");
export const hasHoldingTag = (order: OrderSnapshot) => order.tags.some((t) => t.hold);
export const hasUnmappedItem = (order: OrderSnapshot) => order.items.some((i) => !i.mapped);

/** SPEC.md §5: the rule that refuses a cancel, or null when the cancel may go ahead. */
export function cancelRefusal(order: OrderSnapshot): Refusal | null {
  const refuse = (rule: string, detail: string) => new Refusal("order.cancel_not_allowed", detail, { rule });
  if (order.status === "cancelled")
    return refuse("already_cancelled", "この注文はすでにキャンセルされています。");
  if (order.deletedAt) return refuse("order_deleted", "削除済みの注文はキャンセルできません。");
  const inProgress = () =>
    refuse(
      "shipment_in_progress",
      "出荷作業中の注文はキャンセルできません。先に出荷依頼を取り下げ、出荷不可になってからキャンセルしてください。",
    );
  // A parcel still 出荷中 at the warehouse must be withdrawn first, whatever its sibling shipments say.
  if (order.shipments.some((s) => s.status === "shipping")) return inProgress();
  if (hasUnshippableShipment(order) && canMove(order.status, "cancelled")) return null;
  switch (order.status) {
    case "new":
      return refuse(
        "in_grace_period",
        "新規受付の注文はキャンセルできません。モールのキャンセル猶予期間が過ぎて確認待になってから操作してください。",
      );
    case "shipping":
      return inProgress();
    case "shipped":
      return refuse(
        "already_shipped",
        "全出荷済の注文はキャンセルできません。モールへの出荷反映後(完了)に操作してください。",
      );
    default:
      return null;
  }
}

export function cancelOrder(
  order: OrderSnapshot,
  input: { reason?: string | undefined },
): Decision | Refusal {
  const refusal = cancelRefusal(order);
  if (refusal) return refusal;
  // A completed order's parcels are with the buyer: they stay 出荷済 and come back through inspection.
  const cancelled = withShipments(order, (s) => (s.status === "shipped" ? s.status : "cancelled"));
  return move(cancelled, "cancelled", input.reason ? `キャンセル(理由: ${input.reason})` : "キャンセル");
}

/**
 * The mall cancelled the order (the buyer within the grace period, or the mall itself). Juchu follows
 * while nothing has left for the warehouse; a parcel at the warehouse or on its way needs a person.
 */
export function cancelAtMall(order: OrderSnapshot): Decision | Refusal {
  const refuse = (rule: string, detail: string) =>
    new Refusal("order.mall_cancel_needs_person", detail, { rule });
  if (order.status === "cancelled")
    return refuse("already_cancelled", "この注文はすでにキャンセルされています。");
  if (order.status === "shipping" || order.shipments.some((s) => s.status === "shipping")) {
    return refuse(
      "shipment_in_progress",
      "モール側でキャンセルされましたが、倉庫で出荷作業中です。倉庫に出荷依頼の取下げを依頼します。取り下げられたらキャンセルしてください。",
    );
  }
  if (order.status === "shipped" || order.status === "completed") {
    return refuse(
      "already_shipped",
      "モール側でキャンセルされましたが、すでに出荷済みです。返品の対応を確認してください。",
    );
  }
  const cancelled = withShipments(order, (s) => (s.status === "shipped" ? s.status : "cancelled"));
  return move(cancelled, "cancelled", "モール側でキャンセルされました");
}

/** SPEC.md §5: only an order stuck at 確認待 on an item nobody mapped may be deleted. */
export function deleteRefusal(order: OrderSnapshot): Refusal | null {
  const refuse = (rule: string, detail: string) => new Refusal("order.delete_not_allowed", detail, { rule });
  if (order.deletedAt) return refuse("already_deleted", "この注文はすでに削除されています。");
  if (order.status !== "awaiting_confirmation") {
    return refuse(
      "status_not_awaiting_confirmation",
      `削除できるのは確認待の注文だけです(現在: ${label(order.status)})。不要な注文はキャンセルしてください。`,
    );
  }
  if (!hasUnmappedItem(order)) {
    return refuse(
      "all_items_mapped",
      "すべての商品が商品マスタに紐付いている注文は削除できません。キャンセルしてください。",
    );
  }
  return null;
}

export function deleteOrder(order: OrderSnapshot, now: Date): Decision | Refusal {
  const refusal = deleteRefusal(order);
  if (refusal) return refusal;
  return {
    order: { ...order, deletedAt: now },
    events: [
      {
        type: "deleted",
        message: "注文を削除しました(一覧には表示されません。モール注文番号は手動登録で再利用できます)",
      },
    ],
  };
}

export function recordPayment(
  order: OrderSnapshot,
  input: { paidAt: Date; amount?: number | undefined },
): Decision | Refusal {
  if (order.status === "cancelled") {
    return new Refusal("order.payment_not_allowed", "キャンセルされた注文には入金を記録できません。", {
      rule: "order_cancelled",
    });
  }
  if (order.paidAt) {
    return new Refusal("order.payment_not_allowed", "この注文はすでに入金済みです。", {
      rule: "already_paid",
    });
  }
  if (input.amount !== undefined && order.total === null) {
    return new Refusal(
      "order.payment_amount_mismatch",
      "請求額が未確定のため入金額を照合できません。モールで送料などが確定してから操作してください。",
      { rule: "total_undetermined", errors: [{ path: "amount", message: "請求額が未確定です" }] },
    );
  }
  if (input.amount !== undefined && input.amount !== order.total) {
    return new Refusal(
      "order.payment_amount_mismatch",
      `入金額 ${input.amount}円 が請求額 ${order.total}円 と一致しません。`,
      { errors: [{ path: "amount", message: `請求額 ${order.total}円 と一致しません` }] },
    );
  }
  // 入金確認待ち超過 says the money is late; once it is in, the tag has nothing left to say.
  const overdue = order.tags.filter((t) => t.systemCode === "payment_overdue");
  return {
    order: { ...order, paidAt: input.paidAt, tags: order.tags.filter((t) => !overdue.includes(t)) },
    events: [
      {
        type: "payment_recorded",
        message:
          order.total === null ? "入金を確認しました(請求額未確定)" : `入金を確認しました(${order.total}円)`,
        detail: { amount: order.total },
      },
      ...overdue.map((t) => ({
        type: "tag_removed",
        message: `タグ「${t.name}」を外しました(入金確認済み)`,
        detail: { tagId: t.tagId },
      })),
    ],
  };
}

/**
 * The one automatic move due now, if any. The caller applies it, runs what entering the new status
 * asks for (tag rules on 確認待, allocation on 確認済) and asks again until nothing is due.
 */
export function nextAutomaticStep(order: OrderSnapshot, now: Date): Decision | null {
  if (order.deletedAt) return null;
  switch (order.status) {
    case "new":
      return now >= order.graceUntil
        ? move(order, "awaiting_confirmation", "キャンセル猶予期間が終了")
        : null;
    case "awaiting_confirmation":
      return hasHoldingTag(order) ? null : move(order, "confirmed", "保留タグなし");
    case "confirmed": {
      // A holding tag stops the order (SPEC.md §1/§2), even one that became holding after 確認待.
      if (hasHoldingTag(order)) return null;
      const allocated = order.shipments.every((s) => s.status === "allocated" || s.status === "cancelled");
      if (!allocated || !isPaymentSatisfied(order.paymentMethod, order.paidAt)) return null;
      const ready = withShipments(order, (s) => (s.status === "allocated" ? "awaiting_shipment" : s.status));
      return move(ready, "awaiting_shipment", "入金確認済み・在庫引当完了");
    }
    default:
      return null;
  }
}

/** What holds a 確認済 order back, in the merchant's words (for the order screen). */
export function waitingFor(order: OrderSnapshot): string[] {
  if (order.status !== "confirmed") return [];
  const reasons: string[] = [];
  if (!isPaymentSatisfied(order.paymentMethod, order.paidAt)) reasons.push("入金待ち");
  if (order.shipments.some((s) => s.status === "allocating")) reasons.push("在庫引当待ち");
  return reasons;
}

export function setShipmentAllocated(order: OrderSnapshot, shipmentId: string, full: boolean): Decision {
  const target: ShippingStatus = full ? "allocated" : "allocating";
  const shipment = order.shipments.find((s) => s.id === shipmentId);
  if (!shipment || shipment.status === target || !canMoveShipment(shipment.status, target)) {
    return { order, events: [] };
  }
  return {
    order: withShipments(order, (s) => (s.id === shipmentId ? target : s.status)),
    events: [
      {
        type: "shipment_status_changed",
        message: `出荷 ${SHIPPING_STATUS_LABELS[shipment.status]} → ${SHIPPING_STATUS_LABELS[target]}`,
        detail: { shipmentId, from: shipment.status, to: target },
      },
    ],
  };
}

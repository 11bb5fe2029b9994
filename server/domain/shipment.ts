import { type Decision, hasHoldingTag, move, type OrderSnapshot, withShipments } from "./order.ts";
import { SHIPPING_STATUS_LABELS, type ShippingStatus } from "./order-status.ts";
import { Refusal } from "./refusal.ts";

function shipmentEvent(shipmentId: string, from: ShippingStatus, to: ShippingStatus, why: string) {
  return {
    type: "shipment_status_changed",
    message: `出荷 ${SHIPPING_STATUS_LABELS[from]} → ${SHIPPING_STATUS_LABELS[to]}: ${why}`,
    detail: { shipmentId, from, to },
  };
}

function findShipment(order: OrderSnapshot, shipmentId: string) {
  return order.shipments.find((s) => s.id === shipmentId) ?? null;
}

/** Tags that say why a parcel stopped at the warehouse: a new request is the answer to them. */
const STOPPED_AT_WAREHOUSE: readonly (string | null)[] = [
  "withdrawn",
  "warehouse_rejected",
  "warehouse_unshippable",
];
const answeredByRequest = (code: string | null) => STOPPED_AT_WAREHOUSE.includes(code);

/** 出荷依頼 (first or again after 出荷不可): only a shipment that is ready and not held may go. */
export function requestShipmentRefusal(order: OrderSnapshot, shipmentId: string): Refusal | null {
  const refuse = (rule: string, detail: string) =>
    new Refusal("shipment.request_not_allowed", detail, { rule });
  const shipment = findShipment(order, shipmentId);
  if (!shipment) return new Refusal("shipment.not_found", "出荷が見つかりません。");
  if (order.status === "cancelled" || order.deletedAt)
    return refuse("order_cancelled", "キャンセルされた注文は出荷依頼できません。");
  if (order.testImport) return refuse("test_import", "テスト取込の注文は倉庫へ出荷依頼できません。");
  if (shipment.status !== "awaiting_shipment" && shipment.status !== "unshippable") {
    return refuse(
      "shipment_not_ready",
      `出荷依頼できるのは出荷待ちか出荷不可の出荷だけです(現在: ${SHIPPING_STATUS_LABELS[shipment.status]})。`,
    );
  }
  const holds = order.tags.filter((t) => t.hold && !answeredByRequest(t.systemCode));
  if (hasHoldingTag({ ...order, tags: holds })) {
    return refuse(
      "held_by_tag",
      `保留タグ(${holds.map((t) => t.name).join("、")})が付いているため出荷依頼できません。`,
    );
  }
  return null;
}

/** The warehouse took the request: the parcel is 出荷中 and the order 出荷作業中. */
export function acceptShipmentRequest(order: OrderSnapshot, shipmentId: string): Decision {
  const shipment = findShipment(order, shipmentId);
  if (!shipment) throw new Error(`no shipment ${shipmentId}`);
  const accepted = withShipments(order, (s) => (s.id === shipmentId ? "shipping" : s.status));
  // A re-request clears what stopped the parcel before: those notices are answered by this request.
  const cleared = {
    ...accepted,
    tags: accepted.tags.filter((t) => !answeredByRequest(t.systemCode)),
  };
  const event = shipmentEvent(shipmentId, shipment.status, "shipping", "倉庫が出荷依頼を受け付けました");
  const removed = accepted.tags
    .filter((t) => !cleared.tags.includes(t))
    .map((t) => ({
      type: "tag_removed",
      message: `タグ「${t.name}」を外しました(再依頼が受け付けられたため)`,
      detail: { tagId: t.tagId },
    }));
  if (order.status === "awaiting_shipment")
    return move(cleared, "shipping", "出荷依頼が受け付けられた", [event, ...removed]);
  return { order: cleared, events: [event, ...removed] };
}

/** The warehouse refused the request (or agreed to a withdrawal): the parcel is 出荷不可 and a person decides. */
export function markUnshippable(order: OrderSnapshot, shipmentId: string, why: string): Decision {
  const shipment = findShipment(order, shipmentId);
  if (!shipment) throw new Error(`no shipment ${shipmentId}`);
  return {
    order: withShipments(order, (s) => (s.id === shipmentId ? "unshippable" : s.status)),
    events: [shipmentEvent(shipmentId, shipment.status, "unshippable", why)],
  };
}

/** 出荷依頼取下げ (SPEC.md §3): possible only while the parcel is 出荷中. */
export function withdrawRefusal(order: OrderSnapshot, shipmentId: string): Refusal | null {
  const shipment = findShipment(order, shipmentId);
  if (!shipment) return new Refusal("shipment.not_found", "出荷が見つかりません。");
  if (shipment.status !== "shipping") {
    return new Refusal(
      "shipment.withdraw_not_allowed",
      `取下げできるのは出荷中の出荷だけです(現在: ${SHIPPING_STATUS_LABELS[shipment.status]})。`,
      { rule: "shipment_not_in_progress" },
    );
  }
  return null;
}

/**
 * 出荷実績: the warehouse shipped the parcel. Once every parcel of the order that is still going is
 * out, the order is 全出荷済. A result repeated by a re-read page changes nothing.
 */
export function recordShipped(order: OrderSnapshot, shipmentId: string, parcelSummary: string): Decision {
  const shipment = findShipment(order, shipmentId);
  if (!shipment) throw new Error(`no shipment ${shipmentId}`);
  if (shipment.status === "shipped") return { order, events: [] };
  if (shipment.status !== "shipping") {
    return {
      order,
      events: [
        {
          type: "shipment_result_ignored",
          message: `出荷実績が届きましたが、この出荷は${SHIPPING_STATUS_LABELS[shipment.status]}のため反映していません(${parcelSummary})。倉庫に確認してください。`,
          detail: { shipmentId },
        },
      ],
    };
  }
  const shipped = withShipments(order, (s) => (s.id === shipmentId ? "shipped" : s.status));
  const event = shipmentEvent(
    shipmentId,
    "shipping",
    "shipped",
    `倉庫から出荷実績が届きました(${parcelSummary})`,
  );
  const going = shipped.shipments.filter((s) => s.status !== "cancelled");
  if (order.status === "shipping" && going.every((s) => s.status === "shipped")) {
    return move(shipped, "shipped", "全ての出荷が出荷済になった", [event]);
  }
  return { order: shipped, events: [event] };
}

/** 完了: the shipping information is at the mall (or there is no mall to tell). */
export function completeOrder(order: OrderSnapshot, why: string): Decision | null {
  return order.status === "shipped" ? move(order, "completed", why) : null;
}

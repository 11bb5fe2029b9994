import { NOT_YET_REQUESTED } from "./consolidation.ts";
import { cancelRefusal, deleteRefusal, type OrderSnapshot } from "./order.ts";
import { editRefusal } from "./order-edit.ts";
import { requestShipmentRefusal, withdrawRefusal } from "./shipment.ts";

/**
 * What may be done now, to the order and to each of its shipments, from the same rules that refuse
 * the commands: the API lists these so no client copies the state machine.
 */
export type OrderAction =
  | "cancel"
  | "delete"
  | "markPaid"
  | "attachTag"
  | "removeTag"
  | "requestShipment"
  | "withdrawShipment"
  | "reportShipping"
  | "edit";

export function allowedActions(order: OrderSnapshot): OrderAction[] {
  const actions: OrderAction[] = [];
  if (!cancelRefusal(order)) actions.push("cancel");
  if (!deleteRefusal(order)) actions.push("delete");
  if (order.status !== "cancelled" && !order.paidAt) actions.push("markPaid");
  actions.push("attachTag");
  if (order.tags.length > 0) actions.push("removeTag");
  if (order.shipments.some((s) => s.status === "unshippable" || s.status === "awaiting_shipment")) {
    actions.push("requestShipment");
  }
  if (order.shipments.some((s) => s.status === "shipping")) actions.push("withdrawShipment");
  // 全出荷済 waits for the mall's answer; a person may send the report again (after モール反映エラー).
  if (order.status === "shipped") actions.push("reportShipping");
  if (!editRefusal(order)) actions.push("edit");
  return actions;
}

/** What a person may do to one shipment now: 出荷依頼/再依頼, 取下げ, 分割 — the same rules that refuse them. */
export type ShipmentAction = "request" | "withdraw" | "split";

export function shipmentActions(
  order: OrderSnapshot,
  shipment: { id: string; consolidationId: string | null },
): ShipmentAction[] {
  const status = order.shipments.find((s) => s.id === shipment.id)?.status;
  const member = shipment.consolidationId !== null && shipment.consolidationId !== shipment.id;
  const actions: ShipmentAction[] = [];
  if (!member && !requestShipmentRefusal(order, shipment.id)) actions.push("request");
  if (!withdrawRefusal(order, shipment.id)) actions.push("withdraw");
  if (
    status &&
    NOT_YET_REQUESTED.includes(status) &&
    shipment.consolidationId === null &&
    order.status !== "cancelled"
  )
    actions.push("split");
  return actions;
}

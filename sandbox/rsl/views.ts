import { jstDatetime } from "./jst.ts";
import type { ShipmentRecord, ShipmentResult } from "./state.ts";

/** What RSL shows of a request and a result; keys appear only when they have a value. */

export function requestView(r: ShipmentRecord) {
  return {
    requestId: r.requestId,
    clientShipmentId: r.clientShipmentId,
    orderNumbers: r.orderNumbers,
    status: r.status,
    receivedAt: jstDatetime(r.receivedAt),
    plannedShipDate: r.plannedShipDate,
    ...(r.requestedShipDate ? { requestedShipDate: r.requestedShipDate } : {}),
    ...(r.shippedOn ? { shippedOn: r.shippedOn } : {}),
    ...(r.parcels ? { parcels: r.parcels } : {}),
    ...(r.unshippable ? { unshippable: r.unshippable } : {}),
  };
}

export function resultView(result: ShipmentResult, r: ShipmentRecord) {
  return {
    resultId: result.resultId,
    requestId: result.requestId,
    clientShipmentId: result.clientShipmentId,
    status: result.status,
    ...(result.status === "shipped" ? { shippedOn: r.shippedOn, parcels: r.parcels } : {}),
    ...(result.status === "unshippable" ? { unshippable: r.unshippable } : {}),
    recordedAt: jstDatetime(result.recordedAt),
  };
}

/** The control API's view: everything the warehouse holds about the request. */
export function recordView(r: ShipmentRecord) {
  const at = (d: Date | null) => (d ? jstDatetime(d) : null);
  return {
    ...requestView(r),
    merchantId: r.merchantId,
    idempotencyKey: r.idempotencyKey,
    recipient: r.recipient,
    deliveryDate: r.deliveryDate,
    deliveryTimeSlot: r.deliveryTimeSlot,
    lines: r.lines,
    sameDay: r.sameDay,
    deliveryDateCleared: r.deliveryDateCleared,
    pickingAt: at(r.pickingAt),
    shippedAt: at(r.shippedAt),
    withdrawnAt: at(r.withdrawnAt),
  };
}

import type { OrderSummary } from "../api/types.ts";
import { day } from "../format.ts";

/** 配送方法・出荷予定日・お届け希望日: what the day's shipping is planned by, beside the order's status. */
export function ShipmentDateHeads() {
  return (
    <>
      <th className="col-optional">配送方法</th>
      <th className="nowrap">出荷予定日</th>
      <th className="nowrap">お届け希望</th>
    </>
  );
}

export function ShipmentDateCells({ order }: { order: OrderSummary }) {
  return (
    <>
      <td className="col-optional">{order.deliveryMethod ?? "—"}</td>
      <td className="nowrap">{day(order.plannedShipDate)}</td>
      <td className="nowrap">
        {day(order.desiredDeliveryDate)}
        {order.desiredTimeSlot && <span className="muted"> {order.desiredTimeSlot}</span>}
      </td>
    </>
  );
}

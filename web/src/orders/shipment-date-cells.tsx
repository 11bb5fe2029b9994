import type { Order, OrderSummary } from "../api/types.ts";
import { day } from "../format.ts";

/** 配送方法・出荷予定日・お届け予定日・お届け希望日: what the day's shipping is planned by, beside the order's status. */
export function ShipmentDateHeads() {
  return (
    <>
      <th className="col-optional">配送方法</th>
      <th className="nowrap">出荷予定日</th>
      <th className="nowrap col-optional">お届け予定</th>
      <th className="nowrap">お届け希望</th>
    </>
  );
}

export function ShipmentDateCells({ order }: { order: OrderSummary }) {
  return (
    <>
      <td className="col-optional">{order.deliveryMethod ?? "—"}</td>
      <td className="nowrap">
        <PlannedShipDate order={order} />
      </td>
      <td className="nowrap col-optional">{day(order.expectedDeliveryDate)}</td>
      <td className="nowrap">
        {day(order.desiredDeliveryDate)}
        {order.desiredTimeSlot && <span className="muted"> {order.desiredTimeSlot}</span>}
        <TooEarly order={order} />
      </td>
    </>
  );
}

type Dated = Pick<OrderSummary | Order, "plannedShipDate" | "plannedShipDateBy" | "desiredDeliveryTooEarly">;

/** 出荷予定日, marked when it is the warehouse's own answer rather than the calendar's. */
export function PlannedShipDate({ order }: { order: Dated }) {
  return (
    <>
      {day(order.plannedShipDate)}
      {order.plannedShipDateBy === "warehouse" && <span className="muted">(倉庫回答)</span>}
    </>
  );
}

/** お届け希望日 before the お届け予定日: the parcel cannot make it, and the merchant should know. */
export function TooEarly({ order }: { order: Dated }) {
  return order.desiredDeliveryTooEarly ? (
    <span className="badge badge-stock-out" title="お届け希望日がお届け予定日より前です">
      希望日に間に合いません
    </span>
  ) : null;
}

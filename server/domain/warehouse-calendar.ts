import type { z } from "zod";
import { businessCalendarSchema, plannedShipDate } from "./business-calendar.ts";
import { deliveryDaysSchema, deliveryDaysTo, expectedDeliveryDate } from "./delivery-lead-days.ts";

/** A warehouse's カレンダー: its business days and its days on the road to each area. */
export const warehouseCalendarSchema = businessCalendarSchema.extend({ deliveryDays: deliveryDaysSchema });
export type WarehouseCalendar = z.infer<typeof warehouseCalendarSchema>;

export function warehouseCalendarOf(stored: unknown): WarehouseCalendar {
  return warehouseCalendarSchema.parse(stored ?? {});
}

/** What the calendar needs of the warehouse beside it: its 出荷締め時刻 and where it ships from. */
export type ShipOrigin = { calendar: WarehouseCalendar; cutoff: string | null; prefecture: string | null };

/** Juchu's 出荷予定日 and お届け予定日 of one parcel. */
export type ShipSchedule = { calendarShipDate: string | null; expectedDeliveryDate: string | null };

export function shipSchedule(
  origin: ShipOrigin,
  parcel: { orderedAt: Date; prefecture: string | null | undefined; remoteIsland: boolean },
): ShipSchedule {
  const shipDate = plannedShipDate(origin.calendar, origin.cutoff, parcel.orderedAt);
  const days = deliveryDaysTo(
    origin.prefecture,
    origin.calendar.deliveryDays,
    parcel.prefecture,
    parcel.remoteIsland,
  );
  return { calendarShipDate: shipDate, expectedDeliveryDate: expectedDeliveryDate(shipDate, days) };
}

import type { z } from "zod";
import { businessCalendarSchema, plannedShipDate } from "./business-calendar.ts";
import {
  deliveryDaysSchema,
  deliveryDaysTo,
  desiredDateTooEarly,
  expectedDeliveryDate,
} from "./delivery-lead-days.ts";

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
  parcel: {
    orderedAt: Date;
    prefecture: string | null | undefined;
    remoteIsland: boolean;
    /** お届け対応可能日数 of the parcel's products (the largest). */
    productLeadDays: number;
  },
): ShipSchedule {
  const shipDate = plannedShipDate(origin.calendar, origin.cutoff, parcel.orderedAt, parcel.productLeadDays);
  const days = deliveryDaysTo(
    origin.prefecture,
    origin.calendar.deliveryDays,
    parcel.prefecture,
    parcel.remoteIsland,
  );
  return { calendarShipDate: shipDate, expectedDeliveryDate: expectedDeliveryDate(shipDate, days) };
}

type ShipmentDates = {
  plannedShipDate: string | null;
  calendarShipDate: string | null;
  expectedDeliveryDate: string | null;
};

/**
 * An order's dates from its shipments', as its list row and detail show them: 出荷予定日 the earliest
 * (a warehouse's answer over the calendar's, as db/orders/ship-dates.ts reads it for filters and
 * files), お届け予定日 the latest, and whether the buyer's お届け希望日 comes before it.
 */
export function orderSchedule(shipments: readonly ShipmentDates[], desiredDeliveryDate: string | null) {
  const shipDates = shipments.flatMap((s) => {
    const date = s.plannedShipDate ?? s.calendarShipDate;
    return date ? [{ date, by: s.plannedShipDate ? ("warehouse" as const) : ("calendar" as const) }] : [];
  });
  const first = shipDates.sort((a, b) => a.date.localeCompare(b.date))[0] ?? null;
  const expected =
    shipments
      .flatMap((s) => (s.expectedDeliveryDate ? [s.expectedDeliveryDate] : []))
      .sort()
      .at(-1) ?? null;
  return {
    plannedShipDate: first?.date ?? null,
    plannedShipDateBy: first?.by ?? null,
    expectedDeliveryDate: expected,
    desiredDeliveryTooEarly: desiredDateTooEarly(desiredDeliveryDate, expected),
  };
}

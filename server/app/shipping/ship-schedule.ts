import { inArray } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { warehouses } from "#server/db/schema.ts";
import type { ShipTo } from "#server/domain/address.ts";
import {
  type ShipOrigin,
  type ShipSchedule,
  shipSchedule,
  warehouseCalendarOf,
} from "#server/domain/warehouse-calendar.ts";
import { warehouseSettingsOf } from "#server/domain/warehouse-settings.ts";

/** What the calendar needs of a warehouse row: its calendar, its 出荷締め時刻, its ご依頼主's prefecture. */
export function shipOriginOf(w: { calendar: unknown; settings: unknown }): ShipOrigin {
  const settings = warehouseSettingsOf(w.settings);
  return {
    calendar: warehouseCalendarOf(w.calendar),
    cutoff: settings.shippingCutoff ?? null,
    prefecture: settings.sender?.prefecture ?? null,
  };
}

/** The warehouses' calendars in one statement, for a batch of orders. */
export async function loadShipOrigins(
  tx: Db,
  warehouseIds: readonly string[],
): Promise<Map<string, ShipOrigin>> {
  if (warehouseIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: warehouses.id, calendar: warehouses.calendar, settings: warehouses.settings })
    .from(warehouses)
    .where(inArray(warehouses.id, [...new Set(warehouseIds)]));
  return new Map(rows.map((w) => [w.id, shipOriginOf(w)]));
}

/** Juchu's 出荷予定日 and お届け予定日 of a parcel to `shipTo` (its own, else the order's). */
export function scheduleParcel(
  origin: ShipOrigin | undefined,
  parcel: { orderedAt: Date; shipTo: ShipTo | null; remoteIsland: boolean; productLeadDays: number },
): ShipSchedule {
  if (!origin) return { calendarShipDate: null, expectedDeliveryDate: null };
  return shipSchedule(origin, {
    orderedAt: parcel.orderedAt,
    prefecture: parcel.shipTo?.prefecture,
    remoteIsland: parcel.remoteIsland,
    productLeadDays: parcel.productLeadDays,
  });
}

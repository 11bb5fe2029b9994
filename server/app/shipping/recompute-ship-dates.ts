import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { updateJsonRows } from "#server/db/orders/json-rows.ts";
import { orders, shipments, warehouses } from "#server/db/schema.ts";
import type { ShipTo } from "#server/domain/address.ts";
import type { AppContext } from "../context.ts";
import { scheduleParcel, shipOriginOf } from "./ship-schedule.ts";

/** Shipments not yet requested from the warehouse: their 出荷予定日 still follows the calendar. */
const OPEN = ["allocating", "allocated", "awaiting_shipment"];
const RECOMPUTE_BATCH = 500;

/**
 * The calendar of a warehouse changed: every open shipment there gets its 出荷予定日 and お届け予定日
 * again, RECOMPUTE_BATCH at a time, each batch in its own transaction with one read and one UPDATE
 * (a warehouse with 100,000 open orders holds no lock for long). Answers how many were looked at.
 */
export async function recomputeShipDates(
  ctx: AppContext,
  warehouseId: string,
  batchSize = RECOMPUTE_BATCH,
): Promise<number> {
  const [w] = await ctx.db
    .select({ calendar: warehouses.calendar, settings: warehouses.settings })
    .from(warehouses)
    .where(eq(warehouses.id, warehouseId));
  if (!w) return 0;
  const origin = shipOriginOf(w);
  let after = "00000000-0000-0000-0000-000000000000";
  let seen = 0;
  for (;;) {
    const done = await ctx.db.transaction(async (tx) => {
      const rows = await tx
        .select({
          id: shipments.id,
          orderedAt: orders.orderedAt,
          shipTo: sql<ShipTo>`coalesce(${shipments.shipTo}, ${orders.shipTo})`,
          remoteIsland: shipments.remoteIsland,
          productLeadDays: shipments.productLeadDays,
          calendarShipDate: shipments.calendarShipDate,
          expectedDeliveryDate: shipments.expectedDeliveryDate,
        })
        .from(shipments)
        .innerJoin(orders, eq(orders.id, shipments.orderId))
        .where(
          and(
            eq(shipments.warehouseId, warehouseId),
            inArray(shipments.status, OPEN),
            isNull(shipments.requestedAt),
            gt(shipments.id, after),
          ),
        )
        .orderBy(asc(shipments.id))
        .limit(batchSize);
      const changed = rows.flatMap((r) => {
        const next = scheduleParcel(origin, r);
        return next.calendarShipDate === r.calendarShipDate &&
          next.expectedDeliveryDate === r.expectedDeliveryDate
          ? []
          : [{ id: r.id, ...next }];
      });
      // A date the calendar can no longer give (every day closed) is written as null, not left as it was.
      for (const update of updateJsonRows(shipments, changed)) await tx.execute(update);
      seen += rows.length;
      after = rows.at(-1)?.id ?? after;
      return rows.length < batchSize;
    });
    if (done) return seen;
  }
}

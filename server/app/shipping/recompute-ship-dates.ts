import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { updateJsonRows } from "#server/db/orders/json-rows.ts";
import { allocations, orders, products, shipments, warehouses } from "#server/db/schema.ts";
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
  options: { leadDaysFromProducts?: boolean } = {},
): Promise<number> {
  // A calendar change keeps each shipment's お届け対応可能日数 as its products had it at registration;
  // the catch-up command reads them again, for orders opened before the products had conditions.
  const productLeadDays = options.leadDaysFromProducts
    ? sql<number>`coalesce((select max(${products.leadDays}) from ${allocations}
        join ${products} on ${products.id} = ${allocations.productId}
        where ${allocations.shipmentId} = ${shipments.id}), ${shipments.productLeadDays})`
    : shipments.productLeadDays;
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
          productLeadDays,
          storedLeadDays: shipments.productLeadDays,
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
          next.expectedDeliveryDate === r.expectedDeliveryDate &&
          r.productLeadDays === r.storedLeadDays
          ? []
          : [{ id: r.id, ...next, productLeadDays: r.productLeadDays }];
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

/**
 * `npm run juchu -- ship-dates recompute`: every open shipment of the account's warehouses (every
 * account's when none is given) dated by today's calendars and its products' お届け対応可能日数 —
 * for orders opened before the calendar or the conditions existed. Safe to run again.
 */
export async function recomputeAccountShipDates(
  ctx: AppContext,
  accountId: string | null,
): Promise<{ warehouses: number; shipments: number }> {
  const rows = await ctx.db
    .select({ id: warehouses.id })
    .from(warehouses)
    .where(accountId === null ? undefined : eq(warehouses.accountId, accountId))
    .orderBy(asc(warehouses.id));
  let seen = 0;
  for (const w of rows)
    seen += await recomputeShipDates(ctx, w.id, RECOMPUTE_BATCH, { leadDaysFromProducts: true });
  return { warehouses: rows.length, shipments: seen };
}

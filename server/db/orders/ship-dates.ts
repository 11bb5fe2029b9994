import { sql } from "drizzle-orm";

/**
 * 出荷予定日 of an order as the lists, their filter and the CSV export read it: the earliest date a
 * warehouse answered for its shipments (YYYY-MM-DD), null before any answered. The one place the
 * ship-date calendar (issue 18) replaces, so every screen and file keeps showing the same date.
 *
 * Written with explicit names: Drizzle leaves columns unqualified in a single-table select, where
 * `id` would then mean the shipment's.
 */
export const orderPlannedShipDate = sql<
  string | null
>`(select min(s.planned_ship_date) from shipments s where s.order_id = "orders"."id")`;

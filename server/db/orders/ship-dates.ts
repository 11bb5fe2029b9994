import { sql } from "drizzle-orm";

/**
 * 出荷予定日 of an order as the lists, their filter and the CSV export read it (YYYY-MM-DD): per
 * shipment the date its warehouse answered, else Juchu's own from the warehouse's calendar
 * (calendar_ship_date); the earliest of its shipments. Null when neither is known.
 *
 * Written with explicit names: Drizzle leaves columns unqualified in a single-table select, where
 * `id` would then mean the shipment's.
 */
export const orderPlannedShipDate = sql<
  string | null
>`(select min(coalesce(s.planned_ship_date, s.calendar_ship_date)) from shipments s where s.order_id = "orders"."id")`;

/** お届け予定日 of an order: the latest of its shipments' (the order is there when its last parcel is). */
export const orderExpectedDeliveryDate = sql<
  string | null
>`(select max(s.expected_delivery_date) from shipments s where s.order_id = "orders"."id")`;

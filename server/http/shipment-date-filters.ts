import { z } from "@hono/zod-openapi";
import { gte, lte, type SQL, sql } from "drizzle-orm";
import { orders, shipments } from "#server/db/schema.ts";
import { instant } from "#server/domain/fields.ts";

const isoTime = instant("日時はISO 8601(例: 2026-11-22T10:00:00+09:00)で指定してください");
const day = z.iso.date("日付は YYYY-MM-DD(例: 2026-12-07)で指定してください");

/** 出荷一覧's date ranges: 注文日 and 出荷日 as instants (the UI sends Tokyo day edges), 出荷予定日 as days. */
export const shipmentDateQuery = {
  orderedFrom: isoTime.optional().describe("注文日(から)"),
  orderedTo: isoTime.optional().describe("注文日(まで)"),
  shippedFrom: isoTime.optional().describe("出荷日(から)"),
  shippedTo: isoTime.optional().describe("出荷日(まで)"),
  plannedShipFrom: day.optional().describe("出荷予定日(から) YYYY-MM-DD"),
  plannedShipTo: day.optional().describe("出荷予定日(まで) YYYY-MM-DD"),
};

type DateQuery = { [K in keyof typeof shipmentDateQuery]?: string | undefined };

export function shipmentDateFilters(query: DateQuery): SQL[] {
  const where: SQL[] = [];
  if (query.orderedFrom) where.push(gte(orders.orderedAt, new Date(query.orderedFrom)));
  if (query.orderedTo) where.push(lte(orders.orderedAt, new Date(query.orderedTo)));
  if (query.shippedFrom) where.push(gte(shipments.shippedAt, new Date(query.shippedFrom)));
  if (query.shippedTo) where.push(lte(shipments.shippedAt, new Date(query.shippedTo)));
  if (query.plannedShipFrom) where.push(sql`${shipments.plannedShipDate} >= ${query.plannedShipFrom}`);
  if (query.plannedShipTo) where.push(sql`${shipments.plannedShipDate} <= ${query.plannedShipTo}`);
  return where;
}

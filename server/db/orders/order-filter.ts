import { and, eq, exists, gte, inArray, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { orders, orderTags, shipments } from "#server/db/schema.ts";
import { cancelRequestedSql } from "./order-b2b.ts";
import { searchCondition } from "./order-search.ts";
import { orderPlannedShipDate } from "./ship-dates.ts";

/** What narrows 受注一覧, its status counts and the order CSV export: the same filter for all three. */
export type OrderFilterQuery = {
  status?: string[] | undefined;
  shippingStatus?: string[] | undefined;
  shopId?: string | undefined;
  tag?: string | undefined;
  q?: string | undefined;
  orderedFrom?: string | undefined;
  orderedTo?: string | undefined;
  /** 出荷日: any shipment of the order shipped in the range (instants). */
  shippedFrom?: string | undefined;
  shippedTo?: string | undefined;
  /** 出荷予定日: calendar days (YYYY-MM-DD), both ends included. */
  plannedShipFrom?: string | undefined;
  plannedShipTo?: string | undefined;
  includeDeleted?: "true" | "false" | undefined;
  /** Only the BtoB orders whose buyer asked to cancel and wait for an answer. */
  cancelRequested?: "true" | "false" | undefined;
};

/** The list's filters as one condition; the status tabs count with it too (without `status`). */
export function orderFilter(db: Db, accountId: string, query: OrderFilterQuery): SQL {
  const where: SQL[] = [eq(orders.accountId, accountId)];
  // Processed test-import orders leave the lists like deleted ones, and come back with them.
  if (query.includeDeleted !== "true") where.push(isNull(orders.deletedAt), isNull(orders.testProcessedAt));
  if (query.status) where.push(inArray(orders.status, query.status));
  if (query.shopId) where.push(eq(orders.shopId, query.shopId));
  if (query.orderedFrom) where.push(gte(orders.orderedAt, new Date(query.orderedFrom)));
  if (query.orderedTo) where.push(lte(orders.orderedAt, new Date(query.orderedTo)));
  if (query.q) where.push(searchCondition(accountId, query.q));
  const shipmentWhere = (condition: SQL | undefined) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(shipments)
        // The account narrows the shipments too, so shipments_status_idx answers a rare status alone.
        .where(and(eq(shipments.orderId, orders.id), eq(shipments.accountId, accountId), condition)),
    );
  if (query.shippingStatus) where.push(shipmentWhere(inArray(shipments.status, query.shippingStatus)));
  if (query.shippedFrom || query.shippedTo)
    where.push(
      shipmentWhere(
        and(
          query.shippedFrom ? gte(shipments.shippedAt, new Date(query.shippedFrom)) : undefined,
          query.shippedTo ? lte(shipments.shippedAt, new Date(query.shippedTo)) : undefined,
        ),
      ),
    );
  if (query.plannedShipFrom) where.push(sql`${orderPlannedShipDate} >= ${query.plannedShipFrom}`);
  if (query.plannedShipTo) where.push(sql`${orderPlannedShipDate} <= ${query.plannedShipTo}`);
  if (query.cancelRequested === "true") where.push(cancelRequestedSql);
  if (query.tag) {
    const tagId = query.tag;
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(orderTags)
          .where(and(eq(orderTags.orderId, orders.id), eq(orderTags.tagId, tagId))),
      ),
    );
  }
  return and(...where) as SQL;
}

import { and, asc, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { orderFilter } from "#server/db/orders/order-filter.ts";
import { orderPlannedShipDate } from "#server/db/orders/ship-dates.ts";
import { orders, orderTags, shipments, tags } from "#server/db/schema.ts";
import { deliveryMethodOf } from "#server/domain/delivery-method.ts";
import { decodeCursor, encodeCursor } from "#server/domain/keyset-cursor.ts";
import { ORDER_STATUS_LABELS, type OrderStatus } from "#server/domain/order-status.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import type { OrderListQuery, OrderSummaryView } from "./order-schemas.ts";
import { shippingStatusOf } from "./present-order.ts";

/** Counting stops here: an exact count of a huge filter is what makes a list slow (research figures). */
export const COUNT_CAP = 1_000;

/** 受注一覧: keyset-paged by order date, filters as API.md lists them, deleted orders only on request. */
export async function listOrders(
  db: Db,
  accountId: string,
  query: OrderListQuery,
): Promise<{ items: OrderSummaryView[]; nextCursor: string | null; total: number; totalCapped: boolean }> {
  const limit = query.limit ?? 50;
  const ascending = query.sort === "orderedAt";
  const filtered = orderFilter(db, accountId, query);
  const page: SQL[] = [];
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    const at = new Date(c.at);
    page.push(
      ascending
        ? (or(
            sql`${orders.orderedAt} > ${at}`,
            and(eq(orders.orderedAt, at), sql`${orders.id} > ${c.id}`),
          ) as SQL)
        : (or(
            sql`${orders.orderedAt} < ${at}`,
            and(eq(orders.orderedAt, at), sql`${orders.id} < ${c.id}`),
          ) as SQL),
    );
  }
  const order = ascending
    ? [asc(orders.orderedAt), asc(orders.id)]
    : [desc(orders.orderedAt), desc(orders.id)];
  const [rows, counted] = await Promise.all([
    db
      .select({
        id: orders.id,
        shopId: orders.shopId,
        mallOrderNumber: orders.mallOrderNumber,
        status: orders.status,
        orderedAt: orders.orderedAt,
        buyerName: orders.buyerName,
        total: orders.total,
        paymentMethod: orders.paymentMethod,
        paidAt: orders.paidAt,
        deletedAt: orders.deletedAt,
        desiredDeliveryDate: orders.desiredDeliveryDate,
        desiredTimeSlot: orders.desiredTimeSlot,
        plannedShipDate: orderPlannedShipDate,
      })
      .from(orders)
      .where(and(filtered, ...page))
      .orderBy(...order)
      .limit(limit + 1),
    db.execute<{ n: number }>(
      sql`select count(*)::int as n from (select 1 from ${orders} where ${filtered} limit ${COUNT_CAP + 1}) capped`,
    ),
  ]);
  const pageRows = rows.slice(0, limit);
  const ids = pageRows.map((r) => r.id);
  const [shipmentRows, tagRows] = ids.length
    ? await Promise.all([
        db
          .select({
            orderId: shipments.orderId,
            status: shipments.status,
            chosenCarrier: shipments.chosenCarrier,
            shippingService: shipments.shippingService,
          })
          .from(shipments)
          .where(inArray(shipments.orderId, ids)),
        db
          .select({
            orderId: orderTags.orderId,
            id: tags.id,
            name: tags.name,
            hold: tags.hold,
            color: tags.color,
          })
          .from(orderTags)
          .innerJoin(tags, eq(tags.id, orderTags.tagId))
          .where(inArray(orderTags.orderId, ids)),
      ])
    : [[], []];
  const last = pageRows.at(-1);
  const n = Number((counted as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
  return {
    items: pageRows.map((r) => ({
      id: r.id,
      shopId: r.shopId,
      mallOrderNumber: r.mallOrderNumber,
      status: r.status as OrderStatus,
      statusLabel: ORDER_STATUS_LABELS[r.status as OrderStatus],
      ...shippingStatusOf(shipmentRows.filter((s) => s.orderId === r.id).map((s) => s.status)),
      orderedAt: toTokyoIso(r.orderedAt),
      buyerName: r.buyerName,
      total: r.total,
      paymentMethod: r.paymentMethod,
      paid: r.paidAt !== null,
      tags: tagRows.filter((t) => t.orderId === r.id).map(({ orderId: _, ...t }) => t),
      deleted: r.deletedAt !== null,
      deliveryMethod: deliveryMethodOf(shipmentRows.filter((s) => s.orderId === r.id)),
      plannedShipDate: r.plannedShipDate,
      desiredDeliveryDate: r.desiredDeliveryDate,
      desiredTimeSlot: r.desiredTimeSlot,
    })),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ at: last.orderedAt.toISOString(), id: last.id }) : null,
    total: Math.min(n, COUNT_CAP),
    totalCapped: n > COUNT_CAP,
  };
}

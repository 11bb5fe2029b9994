import { and, asc, desc, eq, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { orderB2bSql } from "#server/db/orders/order-b2b.ts";
import { orderFilter } from "#server/db/orders/order-filter.ts";
import { orderPlannedShipDate } from "#server/db/orders/ship-dates.ts";
import { orders, orderTags, shipments, tags } from "#server/db/schema.ts";
import { deliveryMethodOf } from "#server/domain/delivery-method.ts";
import { decodeCursor, encodeCursor } from "#server/domain/keyset-cursor.ts";
import { ORDER_STATUS_LABELS, type OrderStatus } from "#server/domain/order-status.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import { presentOrderB2b } from "./b2b-order-view.ts";
import type { OrderListQuery, OrderSummaryView } from "./order-schemas.ts";
import { shippingStatusOf } from "./present-order.ts";

/** Counting stops here: an exact count of a huge filter is what makes a list slow (research figures). */
export const COUNT_CAP = 1_000;

// Each row brings its shipments and tags along (evaluated for the page's rows only, after the limit):
// one statement for the page instead of three round trips.
const pageShipments = sql<{ status: string; chosenCarrier: unknown; shippingService: string | null }[]>`(
  select coalesce(json_agg(json_build_object('status', s.status, 'chosenCarrier', s.chosen_carrier,
    'shippingService', s.shipping_service) order by s.created_at, s.id), '[]')
  from ${shipments} s where s.order_id = "orders"."id")`;
const pageTags = sql<{ id: string; name: string; hold: boolean; color: string }[]>`(
  select coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'hold', t.hold, 'color', t.color)
    order by ot.attached_at, t.id), '[]')
  from ${orderTags} ot join ${tags} t on t.id = ot.tag_id where ot.order_id = "orders"."id")`;

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
        shipments: pageShipments,
        tags: pageTags,
        b2b: orderB2bSql,
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
  const last = pageRows.at(-1);
  const n = Number((counted as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
  return {
    items: pageRows.map((r) => ({
      id: r.id,
      shopId: r.shopId,
      mallOrderNumber: r.mallOrderNumber,
      status: r.status as OrderStatus,
      statusLabel: ORDER_STATUS_LABELS[r.status as OrderStatus],
      ...shippingStatusOf(r.shipments.map((s) => s.status)),
      orderedAt: toTokyoIso(r.orderedAt),
      buyerName: r.buyerName,
      total: r.total,
      paymentMethod: r.paymentMethod,
      paid: r.paidAt !== null,
      tags: r.tags,
      deleted: r.deletedAt !== null,
      deliveryMethod: deliveryMethodOf(r.shipments),
      plannedShipDate: r.plannedShipDate,
      desiredDeliveryDate: r.desiredDeliveryDate,
      desiredTimeSlot: r.desiredTimeSlot,
      b2b: presentOrderB2b(r.b2b),
    })),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ at: last.orderedAt.toISOString(), id: last.id }) : null,
    total: Math.min(n, COUNT_CAP),
    totalCapped: n > COUNT_CAP,
  };
}

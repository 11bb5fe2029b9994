import { and, asc, desc, eq, exists, gte, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { orders, orderTags, shipments, tags } from "#server/db/schema.ts";
import { ORDER_STATUS_LABELS, type OrderStatus } from "#server/domain/order-status.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import type { OrderListQuery, OrderSummaryView } from "./order-schemas.ts";
import { searchCondition } from "./order-search.ts";
import { shippingStatusOf } from "./present-order.ts";

/** Counting stops here: an exact count of a huge filter is what makes a list slow (research figures). */
export const COUNT_CAP = 1_000;

type Cursor = { at: string; id: string };

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");

function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    if (typeof c.at === "string" && typeof c.id === "string" && !Number.isNaN(Date.parse(c.at))) return c;
  } catch {}
  throw new Refusal("validation.failed", "cursorが正しくありません。", {
    errors: [{ path: "cursor", message: "前の応答の nextCursor をそのまま指定してください" }],
  });
}

/** The list's filters as one condition; the status tabs count with it too (without `status`). */
export function orderFilter(db: Db, accountId: string, query: OrderListQuery): SQL {
  const where: SQL[] = [eq(orders.accountId, accountId)];
  // Processed test-import orders leave the lists like deleted ones, and come back with them.
  if (query.includeDeleted !== "true") where.push(isNull(orders.deletedAt), isNull(orders.testProcessedAt));
  if (query.status) where.push(inArray(orders.status, query.status));
  if (query.shopId) where.push(eq(orders.shopId, query.shopId));
  if (query.orderedFrom) where.push(gte(orders.orderedAt, new Date(query.orderedFrom)));
  if (query.orderedTo) where.push(lte(orders.orderedAt, new Date(query.orderedTo)));
  if (query.q) where.push(searchCondition(accountId, query.q));
  if (query.shippingStatus) {
    const wanted = query.shippingStatus;
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(shipments)
          .where(and(eq(shipments.orderId, orders.id), inArray(shipments.status, wanted))),
      ),
    );
  }
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
          .select({ orderId: shipments.orderId, status: shipments.status })
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
    })),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ at: last.orderedAt.toISOString(), id: last.id }) : null,
    total: Math.min(n, COUNT_CAP),
    totalCapped: n > COUNT_CAP,
  };
}

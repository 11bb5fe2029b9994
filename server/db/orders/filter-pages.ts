import { and, desc, eq, lte, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { orders } from "#server/db/schema.ts";
import { type OrderFilterQuery, orderFilter } from "./order-filter.ts";

/** Where the next keyset page of a filter starts: the last handled order's list position. */
export type ListPosition = { at: string; id: string };

/** The orders after `after` in the list's order (newest first unless `ascending`). */
export function afterPosition(after: ListPosition, ascending: boolean): SQL {
  const at = new Date(after.at);
  const beyond = ascending ? sql`>` : sql`<`;
  return or(
    sql`${orders.orderedAt} ${beyond} ${at}`,
    and(eq(orders.orderedAt, at), sql`${orders.id} ${beyond} ${after.id}`),
  ) as SQL;
}

/**
 * One keyset page of the orders a filter matches, newest first: only their ids and numbers, for a job
 * that acts on them. Orders registered after `registeredBy` are left out — the merchant confirmed the
 * orders the filter held then, not the ones that arrived while the job ran.
 */
export async function readFilterOrderPage(
  db: Db,
  accountId: string,
  filter: OrderFilterQuery,
  after: ListPosition | null,
  limit: number,
  registeredBy: Date,
): Promise<{ orders: { id: string; mallOrderNumber: string }[]; last: ListPosition | null }> {
  const rows = await db
    .select({ id: orders.id, mallOrderNumber: orders.mallOrderNumber, orderedAt: orders.orderedAt })
    .from(orders)
    .where(
      and(
        orderFilter(db, accountId, filter),
        lte(orders.createdAt, registeredBy),
        after ? afterPosition(after, false) : undefined,
      ),
    )
    .orderBy(desc(orders.orderedAt), desc(orders.id))
    .limit(limit);
  const last = rows.at(-1);
  return {
    orders: rows.map(({ id, mallOrderNumber }) => ({ id, mallOrderNumber })),
    last: last ? { at: last.orderedAt.toISOString(), id: last.id } : null,
  };
}

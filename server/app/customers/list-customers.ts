import { and, desc, eq, inArray, isNull, ne, not, or, type SQL, sql } from "drizzle-orm";
import { rankAmount } from "#server/db/customers/customer-rows.ts";
import type { Db } from "#server/db/database.ts";
import { customers, orders, shops } from "#server/db/schema.ts";
import { normalPhone } from "#server/domain/customers.ts";
import { decodeCursor, encodeCursor } from "#server/domain/keyset-cursor.ts";
import { notFound } from "#server/domain/refusal.ts";

export type CustomerListQuery = {
  q?: string | undefined;
  rank?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
};

/** What a customer has bought: live orders, cancelled and テスト取込 ones left out, as ranks count. */
const counted = and(isNull(orders.deletedAt), ne(orders.status, "cancelled"), not(orders.testImport));

/** A typed query: a name without its spaces, an e-mail, or a phone's digits. */
function searchOf(q: string): SQL | undefined {
  const typed = q.normalize("NFKC").trim();
  if (typed === "") return undefined;
  const squashed = `%${typed.replace(/\s+/g, "").replace(/[%_\\]/g, "\\$&")}%`;
  const digits = normalPhone(typed) ?? typed.replace(/\D/g, "");
  return or(
    sql`replace(replace(${customers.name}, ' ', ''), '　', '') ilike ${squashed}`,
    sql`${customers.email} ilike ${squashed}`,
    ...(digits.length >= 3 ? [sql`${customers.phone} like ${`%${digits}%`}`] : []),
  );
}

/** 顧客一覧: newest buyer first, keyset-paged like the order list; each with what they have bought. */
export async function listCustomers(db: Db, accountId: string, query: CustomerListQuery) {
  const limit = query.limit ?? 50;
  const where: (SQL | undefined)[] = [eq(customers.accountId, accountId)];
  if (query.q) where.push(searchOf(query.q));
  // 「なし」 is how the screen asks for customers with no rank.
  if (query.rank !== undefined)
    where.push(query.rank === "" ? isNull(customers.rank) : eq(customers.rank, query.rank));
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    const at = new Date(c.at);
    where.push(
      or(
        sql`${customers.lastOrderedAt} < ${at}`,
        and(eq(customers.lastOrderedAt, at), sql`${customers.id} < ${c.id}`),
      ),
    );
  }
  const rows = await db
    .select()
    .from(customers)
    .where(and(...where))
    .orderBy(desc(customers.lastOrderedAt), desc(customers.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const bought = await purchasesOf(
    db,
    page.map((c) => c.id),
  );
  const last = page.at(-1);
  return {
    items: page.map((c) => ({ ...present(c), ...(bought.get(c.id) ?? { orderCount: 0, amount: 0 }) })),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ at: last.lastOrderedAt.toISOString(), id: last.id })
        : null,
  };
}

/** Orders and amount per customer, all time: one statement for a page. */
async function purchasesOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { orderCount: number; amount: number }>();
  const rows = await db
    .select({
      id: orders.customerId,
      orderCount: sql<number>`count(*)`.mapWith(Number),
      amount: sql<number>`coalesce(sum(${rankAmount}), 0)`.mapWith(Number),
    })
    .from(orders)
    .where(and(inArray(orders.customerId, [...ids]), counted))
    .groupBy(orders.customerId);
  return new Map(rows.map((r) => [r.id ?? "", { orderCount: r.orderCount, amount: r.amount }]));
}

const present = (c: typeof customers.$inferSelect) => ({
  id: c.id,
  name: c.name,
  email: c.email,
  phone: c.phone,
  postalCode: c.postalCode,
  rank: c.rank,
  lastOrderedAt: c.lastOrderedAt,
});

/** Orders shown on a customer's page: the newest; a buyer with more is looked up in the order list. */
export const CUSTOMER_ORDERS_SHOWN = 200;

/** A customer with their orders (deleted ones left out), newest first, each with its rank at ordering. */
export async function customerDetail(db: Db, accountId: string, id: string) {
  const [customer] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), eq(customers.accountId, accountId)));
  if (!customer) throw notFound("customer", "顧客");
  const [list, bought] = await Promise.all([
    db
      .select({
        id: orders.id,
        mallOrderNumber: orders.mallOrderNumber,
        shopName: shops.name,
        orderedAt: orders.orderedAt,
        status: orders.status,
        total: orders.total,
        customerRank: orders.customerRank,
        testImport: orders.testImport,
      })
      .from(orders)
      .innerJoin(shops, eq(shops.id, orders.shopId))
      .where(and(eq(orders.customerId, id), isNull(orders.deletedAt)))
      .orderBy(desc(orders.orderedAt), desc(orders.id))
      .limit(CUSTOMER_ORDERS_SHOWN),
    purchasesOf(db, [id]),
  ]);
  return { ...present(customer), ...(bought.get(id) ?? { orderCount: 0, amount: 0 }), orders: list };
}

import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { customerKeys, customerRanks, customers, orders } from "#server/db/schema.ts";
import { byPriority, type CustomerRankRule, type RankedOrder } from "#server/domain/customer-ranks.ts";
import { type CustomerKey, keyString } from "#server/domain/customers.ts";

/** Which customer holds each of these keys, as `kind:value` → customer id: one statement. */
export async function loadKeyHolders(
  tx: Db,
  accountId: string,
  keys: readonly CustomerKey[],
): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await tx
    .select({ kind: customerKeys.kind, value: customerKeys.value, customerId: customerKeys.customerId })
    .from(customerKeys)
    .where(
      and(
        eq(customerKeys.accountId, accountId),
        inArray(customerKeys.value, [...new Set(keys.map((k) => k.value))]),
      ),
    );
  return new Map(rows.map((r) => [keyString(r as CustomerKey), r.customerId]));
}

export type RankRuleRow = CustomerRankRule & { id: string; accountId: string };

/** The rank rules of these accounts, by priority. */
export async function loadRankRules(tx: Db, accountIds: readonly string[]): Promise<RankRuleRow[]> {
  if (accountIds.length === 0) return [];
  const rows = await tx
    .select({
      id: customerRanks.id,
      accountId: customerRanks.accountId,
      name: customerRanks.name,
      priority: customerRanks.priority,
      minOrderCount: customerRanks.minOrderCount,
      minAmount: customerRanks.minAmount,
      periodDays: customerRanks.periodDays,
    })
    .from(customerRanks)
    .where(inArray(customerRanks.accountId, [...new Set(accountIds)]))
    .orderBy(asc(customerRanks.priority), asc(customerRanks.name));
  return rows.sort(byPriority);
}

/** 請求金額, or the items' subtotal while the total is undetermined (未確定). */
export const rankAmount = sql<number>`coalesce(${orders.total}, ${orders.subtotal})`.mapWith(Number);

/** These customers' orders placed since `from`, as ranks look at them: one statement. */
export async function loadRankHistory(
  tx: Db,
  customerIds: readonly string[],
  from: Date,
): Promise<Map<string, (RankedOrder & { orderId: string })[]>> {
  const history = new Map<string, (RankedOrder & { orderId: string })[]>();
  if (customerIds.length === 0) return history;
  const rows = await tx
    .select({
      orderId: orders.id,
      customerId: orders.customerId,
      orderedAt: orders.orderedAt,
      amount: rankAmount,
      status: orders.status,
      deleted: sql<boolean>`${orders.deletedAt} is not null`,
      testImport: orders.testImport,
    })
    .from(orders)
    .where(and(inArray(orders.customerId, [...customerIds]), gte(orders.orderedAt, from)));
  for (const { customerId, ...row } of rows) {
    if (customerId === null) continue;
    const list = history.get(customerId);
    if (list) list.push(row);
    else history.set(customerId, [row]);
  }
  return history;
}

export type CustomerRow = typeof customers.$inferInsert & { id: string };

/**
 * Writes customers new and seen again in one statement. A customer's name and contacts follow their
 * latest order; an order without an e-mail or phone of its own (a relay address) keeps the known one.
 */
export async function upsertCustomers(tx: Db, rows: readonly CustomerRow[]): Promise<void> {
  if (rows.length === 0) return;
  const newer = sql`excluded.last_ordered_at >= ${customers.lastOrderedAt}`;
  const follow = (column: string, keepKnown: boolean) =>
    sql.raw(
      keepKnown
        ? `case when excluded.last_ordered_at >= customers.last_ordered_at then coalesce(excluded.${column}, customers.${column}) else coalesce(customers.${column}, excluded.${column}) end`
        : `case when excluded.last_ordered_at >= customers.last_ordered_at then excluded.${column} else customers.${column} end`,
    );
  await tx
    .insert(customers)
    // In id order: two batches touching the same customers lock them in the same order, never crosswise.
    .values([...rows].sort((a, b) => (a.id < b.id ? -1 : 1)))
    .onConflictDoUpdate({
      target: customers.id,
      set: {
        name: follow("name", false),
        email: follow("email", true),
        phone: follow("phone", true),
        postalCode: follow("postal_code", true),
        rank: sql`excluded.rank`,
        rankRefreshedAt: sql`excluded.rank_refreshed_at`,
        lastOrderedAt: sql`case when ${newer} then excluded.last_ordered_at else ${customers.lastOrderedAt} end`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
}

/** Keys no customer had: a concurrent batch that took one first keeps it (first match wins). */
export async function insertKeys(
  tx: Db,
  accountId: string,
  keys: readonly (CustomerKey & { customerId: string })[],
): Promise<void> {
  if (keys.length === 0) return;
  await tx
    .insert(customerKeys)
    .values(keys.map((k) => ({ accountId, ...k })))
    .onConflictDoNothing();
}

/** Each customer's rank as now worked out: one statement. */
export async function writeRanks(
  tx: Db,
  ranks: readonly { customerId: string; rank: string | null }[],
  now: Date,
): Promise<void> {
  if (ranks.length === 0) return;
  const values = sql.join(
    ranks.map((r) => sql`(${r.customerId}::uuid, ${r.rank}::text)`),
    sql`, `,
  );
  await tx.execute(sql`
    update ${customers} set rank = v.rank, rank_refreshed_at = ${now.toISOString()}::timestamptz
    from (values ${values}) as v(id, rank)
    where ${customers.id} = v.id`);
}

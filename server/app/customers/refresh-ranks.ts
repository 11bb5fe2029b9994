import { asc, eq, isNull, lt, sql } from "drizzle-orm";
import { loadRankHistory, loadRankRules, writeRanks } from "#server/db/customers/customer-rows.ts";
import type { Db } from "#server/db/database.ts";
import { customers, orders } from "#server/db/schema.ts";
import { longestPeriod, periodStart, rankAt } from "#server/domain/customer-ranks.ts";
import { tokyoDate, tokyoMidnight } from "#server/domain/tokyo-time.ts";
import type { AppContext } from "../context.ts";
import { linkCustomers, orderToLink } from "./link-customers.ts";

/** Customers (or orders) a sweep takes per transaction: one statement each way whatever the number. */
export const SWEEP_BATCH = 500;

/** These customers' 顧客ランク worked out again from their orders now: three statements. */
export async function refreshRanks(
  tx: Db,
  list: readonly { id: string; accountId: string }[],
  now: Date,
): Promise<void> {
  if (list.length === 0) return;
  const rules = await loadRankRules(
    tx,
    list.map((c) => c.accountId),
  );
  const history =
    rules.length === 0
      ? new Map()
      : await loadRankHistory(
          tx,
          list.map((c) => c.id),
          periodStart(now, longestPeriod(rules)),
        );
  await writeRanks(
    tx,
    list.map((c) => ({
      customerId: c.id,
      rank: rankAt(
        rules.filter((r) => r.accountId === c.accountId),
        history.get(c.id) ?? [],
        now,
      ),
    })),
    now,
  );
}

/**
 * The daily part of 顧客ランク: orders leave a rank's period as days pass, so every customer not yet
 * looked at today (Tokyo) is, a batch per call; a customer being changed right now is skipped, not
 * waited for. The scheduler calls it every tick; most ticks find nobody.
 */
export async function refreshStaleRanks(ctx: AppContext, limit = SWEEP_BATCH): Promise<number> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: customers.id, accountId: customers.accountId })
      .from(customers)
      .where(lt(customers.rankRefreshedAt, tokyoMidnight(tokyoDate(now))))
      .orderBy(asc(customers.rankRefreshedAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    await refreshRanks(tx, due, now);
    return due.length;
  });
}

/** Rank rules changed: every customer of the account is looked at again by the next sweeps. */
export async function ranksChanged(tx: Db, accountId: string): Promise<void> {
  await tx
    .update(customers)
    .set({ rankRefreshedAt: new Date(0) })
    .where(eq(customers.accountId, accountId));
}

/**
 * Orders written before customers existed (or by a path that did not link them) linked to their buyer,
 * oldest first so each one's 顧客ランク at ordering counts the orders before it: a batch per call. The
 * scheduler calls it every tick until none is left; `npm run juchu -- customers relink` drives it to
 * the end at once.
 */
export async function linkUnlinkedOrders(ctx: AppContext, limit = SWEEP_BATCH): Promise<number> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(orders)
      .where(isNull(orders.customerId))
      .orderBy(asc(orders.orderedAt), asc(orders.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    const byAccount = new Map<string, typeof rows>();
    for (const o of rows) byAccount.set(o.accountId, [...(byAccount.get(o.accountId) ?? []), o]);
    const values = [];
    for (const [accountId, list] of byAccount) {
      const links = await linkCustomers(tx, accountId, list.map(orderToLink), now, ctx.newId);
      for (const [orderId, link] of links)
        values.push(sql`(${orderId}::uuid, ${link.customerId}::uuid, ${link.rank}::text)`);
    }
    if (values.length > 0)
      await tx.execute(sql`
        update ${orders} set customer_id = v.customer_id, customer_rank = v.rank
        from (values ${sql.join(values, sql`, `)}) as v(id, customer_id, rank)
        where ${orders.id} = v.id`);
    return rows.length;
  });
}

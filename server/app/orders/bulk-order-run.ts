import { and, desc, eq, lt, sql } from "drizzle-orm";
import { type OrderFilterQuery, orderFilter } from "#server/db/orders/order-filter.ts";
import { type BULK_RUN_STATUSES, bulkOrderRefusals, bulkOrderRuns, orders } from "#server/db/schema.ts";
import { notFound } from "#server/domain/refusal.ts";
import { type Actor, type AppContext, actorLabel } from "../context.ts";
import type { BulkAction, BulkInput } from "./bulk-order-action.ts";

export type BulkRunRequest = Omit<BulkInput, "orderIds"> & { filter: OrderFilterQuery };

/** A run's record is for following it now: older ones go when the next one starts. */
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;
/** Order numbers listed per refusal rule; the count says how many there are in all. */
export const REFUSED_NUMBERS_SHOWN = 100;

/** How many orders a filter holds now: what the confirmation names before a bulk run. */
export async function countFilter(ctx: AppContext, accountId: string, filter: OrderFilterQuery) {
  const [counted] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(orders)
    .where(orderFilter(ctx.db, accountId, filter));
  return Number(counted?.n ?? 0);
}

/**
 * 「この条件の全件」に一括操作, the request: the filter's orders are counted (the progress bar's 100%),
 * the run is recorded and its `bulk-order-run` job queued in one transaction.
 */
export async function startBulkOrderRun(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  request: BulkRunRequest,
): Promise<string> {
  const id = ctx.newId();
  const total = await countFilter(ctx, accountId, request.filter);
  const now = ctx.clock.now();
  const { filter, action, ...options } = request;
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(bulkOrderRuns)
      .where(
        and(
          eq(bulkOrderRuns.accountId, accountId),
          lt(bulkOrderRuns.createdAt, new Date(now.getTime() - KEEP_MS)),
        ),
      );
    await tx.insert(bulkOrderRuns).values({
      id,
      accountId,
      action,
      options,
      filter,
      actor,
      status: "queued",
      total,
      createdBy: actorLabel(actor),
      createdAt: now,
    });
    await ctx.jobs.enqueue(tx, "bulk-order-run", { runId: id });
  });
  return id;
}

export type BulkRunRefusalGroup = {
  code: string;
  rule: string | null;
  /** One order's reason, as the merchant reads it; the others of the rule say the same. */
  detail: string;
  count: number;
  orders: { orderId: string; mallOrderNumber: string }[];
};

export type BulkRunView = {
  id: string;
  action: BulkAction;
  status: (typeof BULK_RUN_STATUSES)[number];
  total: number;
  processed: number;
  succeeded: number;
  refused: number;
  refusals: BulkRunRefusalGroup[];
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
};

/** A run's progress and, per refusing rule, how many orders and which (the first ones by number). */
export async function getBulkOrderRun(ctx: AppContext, accountId: string, id: string): Promise<BulkRunView> {
  const [run] = await ctx.db
    .select()
    .from(bulkOrderRuns)
    .where(and(eq(bulkOrderRuns.id, id), eq(bulkOrderRuns.accountId, accountId)));
  if (!run) throw notFound("bulk_run", "一括操作");
  const groups = await ctx.db
    .select({
      code: bulkOrderRefusals.code,
      rule: bulkOrderRefusals.rule,
      detail: sql<string>`min(${bulkOrderRefusals.detail})`,
      count: sql<number>`count(*)::int`,
    })
    .from(bulkOrderRefusals)
    .where(eq(bulkOrderRefusals.runId, id))
    .groupBy(bulkOrderRefusals.code, bulkOrderRefusals.rule)
    .orderBy(desc(sql`count(*)`), bulkOrderRefusals.code);
  const shown = await ctx.db.execute(
    sql`select code, rule, order_id as "orderId", mall_order_number as "mallOrderNumber" from (
          select *, row_number() over (partition by code, rule order by mall_order_number, order_id) as n
          from bulk_order_refusals where run_id = ${id}) r
        where n <= ${REFUSED_NUMBERS_SHOWN} order by mall_order_number, order_id`,
  );
  const numbers = (
    shown as unknown as {
      rows: { code: string; rule: string | null; orderId: string; mallOrderNumber: string }[];
    }
  ).rows;
  return {
    id: run.id,
    action: run.action as BulkAction,
    status: run.status as BulkRunView["status"],
    total: run.total,
    processed: run.processed,
    succeeded: run.succeeded,
    refused: run.processed - run.succeeded,
    refusals: groups.map((g) => ({
      code: g.code,
      rule: g.rule,
      detail: g.detail,
      count: Number(g.count),
      orders: numbers
        .filter((n) => n.code === g.code && n.rule === g.rule)
        .map(({ orderId, mallOrderNumber }) => ({ orderId, mallOrderNumber })),
    })),
    error: run.error,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
  };
}

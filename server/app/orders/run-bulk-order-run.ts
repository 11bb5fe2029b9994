import { eq, sql } from "drizzle-orm";
import { type ListPosition, readFilterOrderPage } from "#server/db/orders/filter-pages.ts";
import type { OrderFilterQuery } from "#server/db/orders/order-filter.ts";
import { bulkOrderRefusals, bulkOrderRuns } from "#server/db/schema.ts";
import type { Actor, AppContext } from "../context.ts";
import { type BulkAction, type BulkInput, runBulkOrderAction } from "./bulk-order-action.ts";

/** Orders per batch: each acted on as on its own screen, then the batch's outcome written at once. */
export const BULK_RUN_BATCH = 100;

/**
 * The `bulk-order-run` job: the filter's orders in keyset batches, each order through the same command
 * as the order screen (its own transaction, so one refusal never blocks the rest), then the batch's
 * refusals, counts and cursor in one transaction — the UI sees the progress grow, and a retried job
 * resumes after the last recorded batch.
 */
export async function runBulkOrderRun(ctx: AppContext, runId: string): Promise<void> {
  const [run] = await ctx.db.select().from(bulkOrderRuns).where(eq(bulkOrderRuns.id, runId));
  if (!run || run.status === "succeeded" || run.status === "failed") return;
  await ctx.db.update(bulkOrderRuns).set({ status: "running" }).where(eq(bulkOrderRuns.id, runId));
  const options = run.options as Omit<BulkInput, "action" | "orderIds">;
  let cursor = run.cursor as ListPosition | null;
  for (;;) {
    const page = await readFilterOrderPage(
      ctx.db,
      run.accountId,
      run.filter as OrderFilterQuery,
      cursor,
      BULK_RUN_BATCH,
      run.createdAt,
    );
    if (page.orders.length === 0) break;
    const outcomes = await runBulkOrderAction(ctx, run.actor as Actor, run.accountId, {
      ...options,
      action: run.action as BulkAction,
      orderIds: page.orders.map((o) => o.id),
    });
    const numberOf = new Map(page.orders.map((o) => [o.id, o.mallOrderNumber]));
    const refused = outcomes.flatMap((o) =>
      o.ok
        ? []
        : [
            {
              runId,
              orderId: o.orderId,
              mallOrderNumber: numberOf.get(o.orderId) ?? "",
              code: o.code,
              rule: o.rule ?? null,
              detail: o.detail,
            },
          ],
    );
    await ctx.db.transaction(async (tx) => {
      if (refused.length) await tx.insert(bulkOrderRefusals).values(refused).onConflictDoNothing();
      await tx
        .update(bulkOrderRuns)
        .set({
          processed: sql`${bulkOrderRuns.processed} + ${outcomes.length}`,
          succeeded: sql`${bulkOrderRuns.succeeded} + ${outcomes.length - refused.length}`,
          cursor: page.last,
        })
        .where(eq(bulkOrderRuns.id, runId));
    });
    cursor = page.last;
    if (page.orders.length < BULK_RUN_BATCH) break;
  }
  await ctx.db
    .update(bulkOrderRuns)
    .set({ status: "succeeded", finishedAt: ctx.clock.now() })
    .where(eq(bulkOrderRuns.id, runId));
}

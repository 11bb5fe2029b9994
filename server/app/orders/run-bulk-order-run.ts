import { eq, sql } from "drizzle-orm";
import { type ListPosition, readFilterOrderPage } from "#server/db/orders/filter-pages.ts";
import type { OrderFilterQuery } from "#server/db/orders/order-filter.ts";
import { bulkOrderRefusals, bulkOrderRuns } from "#server/db/schema.ts";
import type { Actor, AppContext } from "../context.ts";
import { failedForGoodAfter } from "../job-attempts.ts";
import { type BulkAction, type BulkInput, runBulkOrderAction } from "./bulk-order-action.ts";

/** Orders per batch: each acted on as on its own screen, then the batch's outcome written at once. */
export const BULK_RUN_BATCH = 100;
/** Runs of a bulk run's job before it ends failed: the dialog polling it is told and stops. */
export const BULK_RUN_ATTEMPTS = 5;

/**
 * The `bulk-order-run` job: the filter's orders in keyset batches, each order through the same command
 * as the order screen (its own transaction, so one refusal never blocks the rest), then the batch's
 * refusals, counts and cursor in one transaction — the UI sees the progress grow, and a retried job
 * resumes after the last recorded batch.
 */
export async function runBulkOrderRun(ctx: AppContext, runId: string): Promise<void> {
  const [run] = await ctx.db
    .update(bulkOrderRuns)
    .set({ status: "running", attempts: sql`${bulkOrderRuns.attempts} + 1` })
    .where(sql`${bulkOrderRuns.id} = ${runId} and ${bulkOrderRuns.status} in ('queued', 'running')`)
    .returning();
  if (!run) return;
  await failedForGoodAfter(
    run.attempts,
    BULK_RUN_ATTEMPTS,
    `bulk order run ${runId}`,
    () => runBatches(ctx, run),
    (reason) =>
      ctx.db
        .update(bulkOrderRuns)
        .set({
          status: "failed",
          error: `${run.attempts}回試みましたが途中で止まりました(${reason})。それまでの注文は処理済みです。`,
          finishedAt: ctx.clock.now(),
        })
        .where(eq(bulkOrderRuns.id, runId))
        .then(() => {}),
  );
}

async function runBatches(ctx: AppContext, run: typeof bulkOrderRuns.$inferSelect): Promise<void> {
  const runId = run.id;
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

import type { AppContext } from "#server/app/context.ts";
import { runBulkOrderRun } from "#server/app/orders/run-bulk-order-run.ts";
import { type BatchHandler, eachJob } from "./batch.ts";

/** One 一括操作 over a filter, batch by batch; a retry resumes after the last recorded batch. */
async function handleOne(ctx: AppContext, data: { runId: string }): Promise<void> {
  await runBulkOrderRun(ctx, data.runId);
}

export const handleBulkOrderRun: BatchHandler<{ runId: string }> = eachJob(handleOne);

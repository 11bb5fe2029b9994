import type { AppContext } from "#server/app/context.ts";
import { runOrderExport } from "#server/app/orders/run-order-export.ts";
import { type BatchHandler, eachJob } from "./batch.ts";

/** One 受注CSV出力, written page by page; a retry resumes after the last stored page. */
async function handleOne(ctx: AppContext, data: { exportId: string }): Promise<void> {
  await runOrderExport(ctx, data.exportId);
}

export const handleOrderExport: BatchHandler<{ exportId: string }> = eachJob(handleOne);

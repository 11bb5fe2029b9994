import { runProductImport } from "#server/app/catalog/product-import-run.ts";
import type { AppContext } from "#server/app/context.ts";
import { type BatchHandler, eachJob } from "./batch.ts";

/** One uploaded item file, read and written in batches; a retry resumes after the last committed batch. */
async function handleOne(ctx: AppContext, data: { runId: string }): Promise<void> {
  await runProductImport(ctx, data.runId);
}

export const handleProductImport: BatchHandler<{ runId: string }> = eachJob(handleOne);

import type { AppContext } from "#server/app/context.ts";
import { runCsvImport } from "#server/app/csv-orders/run-import.ts";
import { type BatchHandler, eachJob } from "./batch.ts";

/** One uploaded order CSV, read and registered in batches; a retry resumes after the last committed batch. */
async function handleOne(ctx: AppContext, data: { runId: string }): Promise<void> {
  await runCsvImport(ctx, data.runId);
}

export const handleCsvImport: BatchHandler<{ runId: string }> = eachJob(handleOne);

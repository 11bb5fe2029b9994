import type { AppContext } from "#server/app/context.ts";
import { runCsvImport } from "#server/app/csv-orders/run-import.ts";

/** One uploaded order CSV, read and registered in batches; a retry resumes after the last committed batch. */
export async function handleCsvImport(ctx: AppContext, data: { runId: string }): Promise<void> {
  await runCsvImport(ctx, data.runId);
}

import type { AppContext } from "#server/app/context.ts";
import { pollWarehouseResults } from "#server/app/shipping/record-warehouse-results.ts";
import { type BatchHandler, eachJob } from "./batch.ts";

/** One read of a warehouse's 出荷実績; a warehouse that is down fails the job, for pg-boss to retry. */
async function handleOne(ctx: AppContext, data: { warehouseId: string }): Promise<void> {
  await pollWarehouseResults(ctx, data.warehouseId);
}

export const handleWarehouseResults: BatchHandler<{ warehouseId: string }> = eachJob(handleOne);

import { runShopImport } from "#server/app/channels/import-shop.ts";
import type { AppContext } from "#server/app/context.ts";
import { type BatchHandler, eachJob } from "./batch.ts";

/**
 * One poll of a shop. A mall that fails is written in the import log and tried again at the next
 * poll; only an unexpected error (the database gone) fails the job, for pg-boss to retry.
 */
async function handleOne(ctx: AppContext, data: { shopId: string }): Promise<void> {
  await runShopImport(ctx, data.shopId);
}

export const handleMallImport: BatchHandler<{ shopId: string }> = eachJob(handleOne);

import { pushShopStock } from "#server/app/channels/push-stock.ts";
import type { AppContext } from "#server/app/context.ts";
import { type BatchHandler, eachJob } from "./batch.ts";

/** 在庫連動 for one shop; a mall that is down fails the job and pg-boss retries it with backoff. */
async function handleOne(ctx: AppContext, data: { shopId: string }): Promise<void> {
  await pushShopStock(ctx, data.shopId);
}

export const handleMallStockPush: BatchHandler<{ shopId: string }> = eachJob(handleOne);

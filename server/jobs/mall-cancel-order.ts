import { cancelAtMallNow } from "#server/app/channels/cancel-at-mall.ts";
import type { AppContext } from "#server/app/context.ts";
import { type BatchHandler, eachJob } from "./batch.ts";

/** A Juchu cancel reflected to the mall; a mall that is down fails the job, for pg-boss to retry. */
async function handleOne(ctx: AppContext, data: { orderId: string; reasonCode: string }): Promise<void> {
  await cancelAtMallNow(ctx, data.orderId, data.reasonCode);
}

export const handleMallCancelOrder: BatchHandler<{ orderId: string; reasonCode: string }> =
  eachJob(handleOne);

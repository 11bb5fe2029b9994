import { endGracePeriods } from "#server/app/channels/end-grace-period.ts";
import { type BatchHandler, eachJob } from "./batch.ts";

/** The grace period (キャンセル猶予) of a shop's new orders is over: check the mall, then let them move on. */
export const handleGracePeriodOver: BatchHandler<{ shopId: string }> = eachJob(
  (ctx, data: { shopId: string }) => endGracePeriods(ctx, data.shopId),
  2,
);

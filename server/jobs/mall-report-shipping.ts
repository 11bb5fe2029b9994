import { reportShippingToMall } from "#server/app/channels/report-shipping.ts";
import type { AppContext } from "#server/app/context.ts";
import { type BatchHandler, eachJob } from "./batch.ts";

/** 出荷報告 for a 全出荷済 order; a mall that is down fails the job, for pg-boss to retry. */
async function handleOne(ctx: AppContext, data: { orderId: string }): Promise<void> {
  await reportShippingToMall(ctx, data.orderId);
}

export const handleMallReportShipping: BatchHandler<{ orderId: string }> = eachJob(handleOne, 4);

import { withdrawForMallCancel } from "#server/app/channels/withdraw-for-mall-cancel.ts";
import type { AppContext } from "#server/app/context.ts";
import { type BatchHandler, eachJob } from "./batch.ts";

/** A mall-side cancel of a parcel at the warehouse; a warehouse that is down fails the job, for pg-boss to retry. */
async function handleOne(
  ctx: AppContext,
  data: { accountId: string; orderId: string; shipmentId: string },
): Promise<void> {
  await withdrawForMallCancel(ctx, data);
}

export const handleMallCancelWithdraw: BatchHandler<{
  accountId: string;
  orderId: string;
  shipmentId: string;
}> = eachJob(handleOne);

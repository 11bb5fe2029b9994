import type { AppContext } from "#server/app/context.ts";
import { withdrawForMallCancel } from "#server/app/withdraw-for-mall-cancel.ts";

/** A mall-side cancel of a parcel at the warehouse; a warehouse that is down fails the job, for pg-boss to retry. */
export async function handleMallCancelWithdraw(
  ctx: AppContext,
  data: { accountId: string; orderId: string; shipmentId: string },
): Promise<void> {
  await withdrawForMallCancel(ctx, data);
}

import { cancelAtMallNow } from "#server/app/cancel-at-mall.ts";
import type { AppContext } from "#server/app/context.ts";

/** A Juchu cancel reflected to the mall; a mall that is down fails the job, for pg-boss to retry. */
export async function handleMallCancelOrder(
  ctx: AppContext,
  data: { orderId: string; reasonCode: string },
): Promise<void> {
  await cancelAtMallNow(ctx, data.orderId, data.reasonCode);
}

import type { AppContext } from "#server/app/context.ts";
import { endGracePeriod } from "#server/app/end-grace-period.ts";

/** The grace period (キャンセル猶予) of a new order is over: check the mall, then let it move on. */
export async function handleGraceOver(ctx: AppContext, data: { orderId: string }): Promise<void> {
  await endGracePeriod(ctx, data.orderId);
}

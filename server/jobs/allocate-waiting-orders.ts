import { allocateWaitingOrders } from "#server/app/allocate-waiting-orders.ts";
import type { AppContext } from "#server/app/context.ts";

/** Stock was given back (a cancel): orders short of it get it now, oldest order first. */
export async function handleAllocateWaiting(
  ctx: AppContext,
  data: { accountId: string; warehouseId: string; productIds: string[] },
): Promise<void> {
  await allocateWaitingOrders(ctx, data, { actor: "system:allocate-waiting-orders", now: ctx.clock.now() });
}

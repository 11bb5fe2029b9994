import type { AppContext } from "#server/app/context.ts";
import { allocateWaitingOrders } from "#server/app/stock/allocate-waiting-orders.ts";
import { type BatchHandler, eachJob } from "./batch.ts";

/** Stock was given back (a cancel): orders short of it get it now, oldest order first. */
async function handleOne(
  ctx: AppContext,
  data: { accountId: string; warehouseId: string; productIds: string[] },
): Promise<void> {
  await allocateWaitingOrders(ctx, data, { actor: "system:allocate-waiting-orders", now: ctx.clock.now() });
}

export const handleAllocateWaiting: BatchHandler<{
  accountId: string;
  warehouseId: string;
  productIds: string[];
}> = eachJob(handleOne);

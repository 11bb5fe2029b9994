import { confirmMallOrder } from "#server/app/confirm-mall-order.ts";
import type { AppContext } from "#server/app/context.ts";

/** 注文確認 for an order that passed 新規受付; a mall that is down fails the job, for pg-boss to retry. */
export async function handleMallConfirmOrder(ctx: AppContext, data: { orderId: string }): Promise<void> {
  await confirmMallOrder(ctx, data.orderId);
}

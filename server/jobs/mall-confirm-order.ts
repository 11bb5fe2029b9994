import { confirmMallOrders } from "#server/app/channels/confirm-mall-order.ts";
import type { BatchHandler } from "./batch.ts";

/** 注文確認 for orders that passed 新規受付, one call per shop; a mall that is down fails its jobs, for pg-boss to retry. */
export const handleMallConfirmOrder: BatchHandler<{ orderId: string }> = (ctx, jobs) =>
  confirmMallOrders(
    ctx,
    jobs.map((j) => j.orderId),
  );

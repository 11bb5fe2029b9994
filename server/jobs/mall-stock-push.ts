import type { AppContext } from "#server/app/context.ts";
import { pushShopStock } from "#server/app/push-stock.ts";

/** 在庫連動 for one shop; a mall that is down fails the job and pg-boss retries it with backoff. */
export async function handleMallStockPush(ctx: AppContext, data: { shopId: string }): Promise<void> {
  await pushShopStock(ctx, data.shopId);
}

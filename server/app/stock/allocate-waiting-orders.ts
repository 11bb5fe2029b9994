import type { Db } from "#server/db/database.ts";
import { type LoadedOrder, loadOrder } from "#server/db/orders/order-queries.ts";
import type { AppContext } from "../context.ts";
import { OrderBatch } from "../orders/order-batch.ts";
import { allocateMany, progressOrders } from "../orders/progress-order.ts";
import { ordersWaitingFor } from "./stock-allocation.ts";
import { lockStockFor } from "./stock-locks.ts";

type Meta = { actor: string; now: Date };

/**
 * Locks the 確認済 orders still short of these products and returns them oldest order first. Orders
 * are locked in id order — as every multi-order transaction locks them — and before any stock row,
 * the order every allocation uses, so no two transactions wait on each other in a circle.
 */
export async function lockWaitingOrders(
  tx: Db,
  accountId: string,
  warehouseId: string,
  productIds: readonly string[],
): Promise<LoadedOrder[]> {
  const oldestFirst = await ordersWaitingFor(tx, productIds, warehouseId);
  const locked = new Map<string, LoadedOrder>();
  for (const id of [...oldestFirst].sort()) {
    const order = await loadOrder(tx, accountId, id, { lock: true });
    if (order?.snapshot.status === "confirmed") locked.set(id, order);
  }
  return oldestFirst.flatMap((id) => locked.get(id) ?? []);
}

/** New stock goes to the waiting orders in order-date order; each that is now complete moves on. */
export async function allocateWaiting(
  tx: Db,
  ctx: AppContext,
  waiting: readonly LoadedOrder[],
  meta: Meta,
): Promise<void> {
  await lockStockFor(tx, waiting);
  const batch = new OrderBatch(tx, ctx, meta);
  await progressOrders(batch, await allocateMany(batch, waiting));
  await batch.flush();
}

export async function allocateWaitingOrders(
  ctx: AppContext,
  input: { accountId: string; warehouseId: string; productIds: string[] },
  meta: Meta,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const waiting = await lockWaitingOrders(tx, input.accountId, input.warehouseId, input.productIds);
    await allocateWaiting(tx, ctx, waiting, meta);
  });
}

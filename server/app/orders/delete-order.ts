import { deleteOrder as decideDelete } from "#server/domain/order.ts";
import type { Actor, AppContext } from "../context.ts";
import { commandOrder } from "./with-order.ts";

/** 注文削除 (SPEC.md §5): hides an order stuck on an unmapped item; its number is freed for manual entry. */
export async function deleteOrder(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  orderId: string,
): Promise<string> {
  return commandOrder(ctx, actor, accountId, orderId, (order, { meta }) => decideDelete(order, meta.now));
}

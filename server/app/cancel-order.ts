import { cancelOrder as decideCancel } from "#server/domain/order.ts";
import type { Actor, AppContext } from "./context.ts";
import { shopSettings } from "./progress-order.ts";
import { releaseShipment } from "./stock-allocation.ts";
import { commandOrder } from "./with-order.ts";

/**
 * 注文キャンセル (SPEC.md §5). Stock held by unshipped parcels goes back when the shop says so, and
 * orders waiting for that stock get it in a follow-up job (their own transactions, oldest first).
 */
export async function cancelOrder(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  orderId: string,
  input: { reason?: string | undefined },
): Promise<string> {
  return commandOrder(
    ctx,
    actor,
    accountId,
    orderId,
    (order) => decideCancel(order, input),
    async ({ tx, order }) => {
      const settings = await shopSettings(tx, order.row.shopId);
      if (!settings.returnStockOnCancel) return order;
      for (const s of order.shipments) {
        if (s.status !== "cancelled") continue;
        const released = await releaseShipment(tx, s.id);
        if (released.length > 0) {
          await ctx.jobs.enqueue(tx, "allocate-waiting-orders", {
            accountId,
            warehouseId: s.warehouseId,
            productIds: released,
          });
        }
      }
      return order;
    },
  );
}

import type { AppContext } from "#server/app/context.ts";
import { progressOrder } from "#server/app/progress-order.ts";
import { loadOrderById } from "#server/db/order-queries.ts";

/** The grace period (キャンセル猶予) of a new order is over: check it and let it move on. */
export async function handleGraceOver(ctx: AppContext, data: { orderId: string }): Promise<void> {
  const meta = { actor: "system:order-grace-over", now: ctx.clock.now() };
  await ctx.db.transaction(async (tx) => {
    const order = await loadOrderById(tx, data.orderId);
    // Already moved on, cancelled at the mall or deleted: nothing is due, and a retry must not fail.
    if (order?.snapshot.status !== "new") return;
    // Fired early (the database's clock ahead of ours): come back when the period really ends.
    if (order.snapshot.graceUntil > meta.now) {
      await ctx.jobs.enqueue(tx, "order-grace-over", data, { startAfter: order.snapshot.graceUntil });
      return;
    }
    await progressOrder(tx, ctx, order, meta);
  });
}

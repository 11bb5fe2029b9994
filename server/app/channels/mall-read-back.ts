import { eq } from "drizzle-orm";
import { appendEvents } from "#server/db/orders/order-queries.ts";
import { orders, type shops } from "#server/db/schema.ts";
import { MallError, type MallOrder } from "#server/ports/mall.ts";
import type { AppContext } from "../context.ts";
import { orderSourceOf } from "./channel-clients.ts";

/** The mall's record of one order now, or null when the mall cannot say (down, refused, unknown). */
export async function readMallOrder(
  ctx: AppContext,
  shop: typeof shops.$inferSelect,
  mallOrderNumber: string,
): Promise<MallOrder | null> {
  try {
    const [mall] = await orderSourceOf(ctx, shop).getOrders([mallOrderNumber]);
    return mall ?? null;
  } catch (error) {
    if (error instanceof MallError) return null;
    throw error;
  }
}

/**
 * Keeps the mall's status as the mall answered it after Juchu told it something (a cancel), so the
 * order's mall panel does not go on showing the status from before — the import no longer re-reads
 * a cancelled order.
 */
export async function recordMallStatus(
  ctx: AppContext,
  order: { id: string; accountId: string; mallStatus: string | null },
  mall: MallOrder,
  actor: string,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(orders)
      .set({ mallStatus: mall.mallStatus.code, mallStatusLabel: mall.mallStatus.label, mallCheckedAt: now })
      .where(eq(orders.id, order.id));
    if (order.mallStatus === mall.mallStatus.code) return;
    await appendEvents(
      tx,
      order,
      [{ type: "mall_changed", message: `モールのステータスが「${mall.mallStatus.label}」になりました` }],
      { actor, now },
    );
  });
}

import { and, asc, eq, isNull, lte, ne } from "drizzle-orm";
import { loadOrderById } from "#server/db/order-queries.ts";
import { orders, shops } from "#server/db/schema.ts";
import type { ShopSettings } from "#server/domain/shop-settings.ts";
import { MallError, type MallOrder } from "#server/ports/mall.ts";
import { applyMallOrders } from "./apply-mall-orders.ts";
import { orderSourceOf } from "./channel-clients.ts";
import type { AppContext } from "./context.ts";
import { progressOrder } from "./progress-order.ts";

/** getOrder's limit: the orders whose period ended together are read in one call. */
const READ_AT_ONCE = 100;

/**
 * The grace period (キャンセル猶予) of a new order is over. Before Juchu acts on an imported order
 * (注文確認, サンクスメール), it reads the mall's current state of it — with the shop's other orders
 * whose period is over too, in one call — and follows what the mall says first: a buyer's cancel
 * made after the last import cancels the order here as well. A mall that is down fails the job for a
 * retry, and the order waits in 新規受付 rather than being confirmed blind.
 */
export async function endGracePeriod(ctx: AppContext, orderId: string): Promise<void> {
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .select({ order: orders, shop: shops })
    .from(orders)
    .innerJoin(shops, eq(shops.id, orders.shopId))
    .where(eq(orders.id, orderId));
  if (row?.order.status !== "new" || row.order.deletedAt) return;
  const due = row.order.source === "import" ? await dueWith(ctx, row.order, now) : [row.order];
  if (row.order.source === "import" && row.order.graceUntil <= now) {
    const mallOrders = await readFromMall(
      ctx,
      row.shop,
      due.map((o) => o.mallOrderNumber),
    );
    await applyMallOrders(ctx, row.shop, mallOrders, (row.shop.settings as ShopSettings).testImportMode);
  }
  const meta = { actor: "system:order-grace-over", now };
  await ctx.db.transaction(async (tx) => {
    // The others read with it move on now too (their own jobs then find nothing left to do), locked in
    // id order so two of these jobs of one shop never wait on each other.
    for (const id of due.map((o) => o.id).sort()) {
      const order = await loadOrderById(tx, id);
      // Already moved on, cancelled at the mall or deleted: nothing is due, and a retry must not fail.
      if (order?.snapshot.status !== "new" || order.snapshot.deletedAt) continue;
      // Fired early (the database's clock ahead of ours): come back when the period really ends.
      if (order.snapshot.graceUntil > now) {
        await ctx.jobs.enqueue(
          tx,
          "order-grace-over",
          { orderId: id },
          { startAfter: order.snapshot.graceUntil },
        );
        continue;
      }
      await progressOrder(tx, ctx, order, meta);
    }
  });
}

/** This order's number first, then the shop's other new orders whose period is over, oldest first. */
async function dueWith(
  ctx: AppContext,
  order: { id: string; shopId: string; mallOrderNumber: string },
  now: Date,
): Promise<{ id: string; mallOrderNumber: string }[]> {
  const others = await ctx.db
    .select({ id: orders.id, mallOrderNumber: orders.mallOrderNumber })
    .from(orders)
    .where(
      and(
        eq(orders.shopId, order.shopId),
        eq(orders.source, "import"),
        eq(orders.status, "new"),
        isNull(orders.deletedAt),
        lte(orders.graceUntil, now),
        ne(orders.id, order.id),
      ),
    )
    .orderBy(asc(orders.graceUntil))
    .limit(READ_AT_ONCE - 1);
  return [order, ...others];
}

/**
 * The mall's answer; none when the mall cannot be asked at all (no or refused credentials — the
 * import log says so), since then it cannot be told either and the order moves on as it would.
 */
async function readFromMall(
  ctx: AppContext,
  shop: typeof shops.$inferSelect,
  numbers: readonly string[],
): Promise<MallOrder[]> {
  try {
    return await orderSourceOf(ctx, shop).getOrders(numbers);
  } catch (error) {
    if (error instanceof MallError && !error.retryable) return [];
    throw error;
  }
}

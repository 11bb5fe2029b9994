import { and, asc, eq, inArray, isNull, lte } from "drizzle-orm";
import { orders, shops } from "#server/db/schema.ts";
import type { ShopSettings } from "#server/domain/shop-settings.ts";
import { MallError, type MallOrder } from "#server/ports/mall.ts";
import type { AppContext } from "../context.ts";
import { progressOrderIds } from "../orders/progress-order.ts";
import { applyMallOrders } from "./apply-mall-orders.ts";
import { orderSourceOf } from "./channel-clients.ts";

/** Orders moved on per transaction. */
const BATCH = 500;
/** Batches per run: a large backlog is handed back to the next sweep well inside the job's expiry. */
const BATCHES_PER_RUN = 20;
/** getOrder's limit: the orders whose period ended together are read 100 to a call. */
const READ_AT_ONCE = 100;

/**
 * The scheduler's sweep over orders_grace_idx: each shop with a new order whose grace period
 * (キャンセル猶予) is over gets one run queued. One per shop waits or runs at a time (a coalesced
 * queue), so two workers never read the same orders from the mall, and a mall that is down is
 * retried with pg-boss's backoff rather than at every tick.
 */
export async function enqueueGracePeriodEnds(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .selectDistinct({ shopId: orders.shopId })
      .from(orders)
      .where(and(eq(orders.status, "new"), lte(orders.graceUntil, now), isNull(orders.deletedAt)));
    for (const { shopId } of due) {
      await ctx.jobs.enqueue(tx, "grace-period-over", { shopId }, { singletonKey: shopId });
    }
    return due.length;
  });
}

/**
 * The grace period of a shop's new orders is over. Before Juchu acts on an imported order (注文確認,
 * サンクスメール), it reads the mall's current state of them and follows what the mall says first: a
 * buyer's cancel made after the last import cancels the order here as well. A mall that is down fails
 * the job for a retry, and the orders wait in 新規受付 rather than being confirmed blind. Returns how
 * many orders moved on.
 */
export async function endGracePeriods(ctx: AppContext, shopId: string): Promise<number> {
  let moved = 0;
  for (let round = 0; round < BATCHES_PER_RUN; round++) {
    const batch = await endBatch(ctx, shopId);
    moved += batch.moved;
    // A short batch was the last; one whose orders are all being changed by someone else comes back next tick.
    if (batch.due < BATCH || batch.moved === 0) return moved;
  }
  return moved;
}

async function endBatch(ctx: AppContext, shopId: string): Promise<{ due: number; moved: number }> {
  const now = ctx.clock.now();
  const [shop] = await ctx.db.select().from(shops).where(eq(shops.id, shopId));
  if (!shop) return { due: 0, moved: 0 };
  const due = await ctx.db
    .select({ id: orders.id, mallOrderNumber: orders.mallOrderNumber, source: orders.source })
    .from(orders)
    .where(
      and(
        eq(orders.shopId, shopId),
        eq(orders.status, "new"),
        isNull(orders.deletedAt),
        lte(orders.graceUntil, now),
      ),
    )
    .orderBy(asc(orders.graceUntil), asc(orders.id))
    .limit(BATCH);
  if (due.length === 0) return { due: 0, moved: 0 };
  const imported = due.filter((o) => o.source === "import").map((o) => o.mallOrderNumber);
  const mallOrders: MallOrder[] = [];
  let mallDown: unknown = null;
  try {
    for (let i = 0; i < imported.length; i += READ_AT_ONCE) {
      mallOrders.push(...(await readFromMall(ctx, shop, imported.slice(i, i + READ_AT_ONCE))));
    }
  } catch (error) {
    mallDown = error;
  }
  if (mallOrders.length > 0) {
    await applyMallOrders(ctx, shop, mallOrders, (shop.settings as ShopSettings).testImportMode);
  }
  // The mall down holds back only the orders it has a word on; those entered by hand move on.
  const goes = mallDown ? due.filter((o) => o.source !== "import") : due;
  const meta = { actor: "system:order-grace-over", now };
  const moved = await ctx.db.transaction(async (tx) => {
    // Locked in id order, skipping an order someone is changing right now (a person, a second worker):
    // it is still due at the next sweep. Cancelled at the mall or deleted meanwhile: nothing is due.
    const ready = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(
        and(
          inArray(
            orders.id,
            goes.map((o) => o.id),
          ),
          eq(orders.status, "new"),
          isNull(orders.deletedAt),
        ),
      )
      .orderBy(asc(orders.id))
      .for("update", { skipLocked: true });
    await progressOrderIds(
      tx,
      ctx,
      ready.map((r) => r.id),
      meta,
    );
    return ready.length;
  });
  if (mallDown) throw mallDown;
  return { due: due.length, moved };
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
    if (!(error instanceof MallError) || error.retryable) throw error;
    return [];
  }
}

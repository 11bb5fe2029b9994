import { and, eq } from "drizzle-orm";
import { accountWarehouses } from "#server/db/catalog/product-queries.ts";
import type { Db } from "#server/db/database.ts";
import { products, stock } from "#server/db/schema.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { nextOnHand, type StockChange } from "#server/domain/stock.ts";
import { kindOfStockChange } from "#server/domain/stock-movement.ts";
import { type Actor, type AppContext, actorLabel } from "../context.ts";
import { allocateWaiting, lockWaitingOrders } from "./allocate-waiting-orders.ts";
import { ordersWaitingFor } from "./stock-allocation.ts";
import { lockStockFor } from "./stock-locks.ts";
import { recordStockMovements } from "./stock-movements.ts";

/**
 * 在庫数の変更 (a count, an arrival, a write-off). Arriving stock goes to the 確認済 orders short of
 * it, oldest order first, and each that is now complete moves on — all in this transaction.
 */
export async function changeStock(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  productId: string,
  change: StockChange & { warehouseId?: string | undefined },
): Promise<void> {
  const meta = { actor: actorLabel(actor), now: ctx.clock.now() };
  await ctx.db.transaction(async (tx) => {
    const [product] = await tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.id, productId), eq(products.accountId, accountId)));
    if (!product) throw notFound("product", "商品");
    const warehouseId = await warehouseOf(tx, accountId, change.warehouseId);
    // Orders before stock rows: the order every allocation locks in, so two transactions never deadlock.
    const waiting = await lockWaitingOrders(tx, accountId, warehouseId, [productId]);
    const here = and(eq(stock.productId, productId), eq(stock.warehouseId, warehouseId));
    await tx.insert(stock).values({ productId, warehouseId, accountId }).onConflictDoNothing();
    const locked = await lockStockFor(tx, waiting, [{ productId, warehouseId }]);
    const level = locked.find((s) => s.productId === productId && s.warehouseId === warehouseId);
    if (!level) throw new Error(`stock row of ${productId} vanished`);
    const onHand = nextOnHand(level, change);
    if (onHand instanceof Refusal) throw onHand;
    await tx.update(stock).set({ onHand }).where(here);
    await recordStockMovements(
      tx,
      [
        {
          accountId,
          productId,
          warehouseId,
          kind: kindOfStockChange(change),
          onHandDelta: onHand - level.onHand,
        },
      ],
      meta,
    );
    if (onHand <= level.onHand) return;

    const served = new Set<string>();
    for (const order of waiting) {
      if ((await available(tx, here)) === 0) break;
      await allocateWaiting(tx, ctx, [order], meta);
      served.add(order.row.id);
    }
    // An order that started waiting while this transaction waited for the stock row was not locked
    // above; locking it now would invert the lock order, so a follow-up job serves it instead.
    if ((await available(tx, here)) === 0) return;
    const late = await ordersWaitingFor(tx, [productId], warehouseId);
    if (late.some((id) => !served.has(id))) {
      await ctx.jobs.enqueue(tx, "allocate-waiting-orders", {
        accountId,
        warehouseId,
        productIds: [productId],
      });
    }
  });
}

async function available(tx: Db, here: ReturnType<typeof and>): Promise<number> {
  const [s] = await tx.select({ onHand: stock.onHand, allocated: stock.allocated }).from(stock).where(here);
  return s ? s.onHand - s.allocated : 0;
}

/** The account's first warehouse unless one is named; a warehouse of another account is bad input. */
async function warehouseOf(tx: Db, accountId: string, wanted: string | undefined): Promise<string> {
  const houses = await accountWarehouses(tx, accountId);
  const chosen = wanted === undefined ? houses[0] : houses.find((w) => w.id === wanted);
  if (chosen) return chosen.id;
  if (wanted === undefined) throw new Error(`account ${accountId} has no warehouse`);
  throw new Refusal("validation.failed", "指定した倉庫がありません。", {
    errors: [{ path: "warehouseId", message: "このアカウントの倉庫ではありません" }],
  });
}

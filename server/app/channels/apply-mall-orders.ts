import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { orders, type shops } from "#server/db/schema.ts";
import { importDecision } from "#server/domain/mall-order-number.ts";
import type { OrderStatus } from "#server/domain/order-status.ts";
import type { MallOrder } from "#server/ports/mall.ts";
import type { AppContext } from "../context.ts";
import { insertOrders, type OrderToInsert } from "../orders/insert-order.ts";
import { OrderBatch } from "../orders/order-batch.ts";
import { type ImportOutcome, importMallOrder, newOrderOf } from "./import-mall-order.ts";
import { type MallUpdate, updateFromMall } from "./update-from-mall.ts";

export type MallOrderFailure = { mallOrderNumber: string; code: string; message: string };

/**
 * Orders as the mall has them now, into Juchu in one transaction (import's rules: create, update,
 * follow a mall-side cancel), written together with a handful of statements. When the batch fails,
 * it is retried order by order with a savepoint each: one order the rules cannot take does not hold
 * the others back; it comes back as a failure with the reason.
 */
export async function applyMallOrders(
  ctx: AppContext,
  shop: typeof shops.$inferSelect,
  mallOrders: readonly MallOrder[],
  testImport: boolean,
): Promise<{ outcomes: ImportOutcome[]; failures: MallOrderFailure[] }> {
  const meta = { actor: `system:${shop.channel}-import`, now: ctx.clock.now() };
  if (mallOrders.length === 0) return { outcomes: [], failures: [] };
  try {
    const outcomes = await ctx.db.transaction((tx) =>
      importMallOrders(tx, ctx, shop, mallOrders, { testImport, meta }),
    );
    return { outcomes, failures: [] };
  } catch {
    return oneByOne(ctx, shop, mallOrders, { testImport, meta });
  }
}

/** The slow path, for a batch that failed: each order in its own savepoint, the bad one said why. */
async function oneByOne(
  ctx: AppContext,
  shop: typeof shops.$inferSelect,
  mallOrders: readonly MallOrder[],
  options: { testImport: boolean; meta: { actor: string; now: Date } },
): Promise<{ outcomes: ImportOutcome[]; failures: MallOrderFailure[] }> {
  const failures: MallOrderFailure[] = [];
  const outcomes = await ctx.db.transaction(async (tx) => {
    const done: ImportOutcome[] = [];
    for (const mall of mallOrders) {
      try {
        done.push(await tx.transaction((sp) => importMallOrder(sp, ctx, shop, mall, options)));
      } catch (error) {
        failures.push({
          mallOrderNumber: mall.mallOrderNumber,
          code: "import.order_failed",
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return done;
  });
  return { outcomes, failures };
}

/**
 * A batch of a shop's mall orders, as importMallOrder would take them one by one, with a handful of
 * statements: one look-up of the numbers already held, the new orders written together (a number a
 * concurrent import takes first is settled by the live-number key, not by a lock), then the orders
 * already held updated together (locked in id order). The same order twice in one read, and one lost
 * to a concurrent import, go one by one after them.
 * In the caller's transaction; answers an outcome per mall order, in order.
 */
async function importMallOrders(
  tx: Db,
  ctx: AppContext,
  shop: typeof shops.$inferSelect,
  malls: readonly MallOrder[],
  options: { testImport: boolean; meta: { actor: string; now: Date } },
): Promise<ImportOutcome[]> {
  const existing = await tx
    .select({
      id: orders.id,
      mallOrderNumber: orders.mallOrderNumber,
      status: orders.status,
      deletedAt: orders.deletedAt,
      testProcessedAt: orders.testProcessedAt,
    })
    .from(orders)
    .where(
      and(
        eq(orders.shopId, shop.id),
        inArray(orders.mallOrderNumber, [...new Set(malls.map((m) => m.mallOrderNumber))]),
      ),
    );
  const outcomes: (ImportOutcome | null)[] = malls.map(() => null);
  const creates: { index: number; entry: OrderToInsert }[] = [];
  const updates: { index: number; update: MallUpdate }[] = [];
  const oneByOne: number[] = [];
  const seen = new Set<string>();
  for (const [index, mall] of malls.entries()) {
    // The same order twice in one read: the second sees what the first did, after it.
    if (seen.has(mall.mallOrderNumber)) {
      oneByOne.push(index);
      continue;
    }
    seen.add(mall.mallOrderNumber);
    const holding = existing.filter((o) => o.mallOrderNumber === mall.mallOrderNumber);
    const decision = importDecision(holding.map((o) => ({ ...o, status: o.status as OrderStatus })));
    if (decision.action === "skip") outcomes[index] = "skipped";
    // A processed test order was handled before sync started: the mall's later changes are not ours.
    else if (decision.action === "update" && holding.find((o) => o.id === decision.orderId)?.testProcessedAt)
      outcomes[index] = "skipped";
    else if (decision.action === "update")
      updates.push({ index, update: { orderId: decision.orderId, mall } });
    else if (mall.mallStatus.cancelled) outcomes[index] = "skipped";
    else creates.push({ index, entry: newOrderOf(ctx, shop, mall, options) });
  }
  const batch = new OrderBatch(tx, ctx, options.meta);
  batch.knowShop(shop);
  const written = await insertOrders(
    batch,
    ctx,
    shop,
    creates.map((c) => c.entry),
  );
  creates.forEach(({ index }, i) => {
    // Lost to a concurrent import of the same order: updated below as any other known order.
    if (written[i]) outcomes[index] = "created";
    else oneByOne.push(index);
  });
  const updated = await updateFromMall(
    batch,
    ctx,
    updates.map((u) => u.update),
  );
  updates.forEach(({ index }, i) => {
    outcomes[index] = updated[i] ?? "unchanged";
  });
  await batch.flush();
  for (const index of oneByOne.sort((a, b) => a - b)) {
    const mall = malls[index];
    if (mall) outcomes[index] = await importMallOrder(tx, ctx, shop, mall, options);
  }
  return outcomes.map((o) => o ?? "skipped");
}

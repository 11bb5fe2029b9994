import type { shops } from "#server/db/schema.ts";
import type { MallOrder } from "#server/ports/mall.ts";
import type { AppContext } from "./context.ts";
import { type ImportOutcome, importMallOrder, importMallOrders } from "./import-mall-order.ts";

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

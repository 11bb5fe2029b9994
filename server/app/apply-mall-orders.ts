import type { shops } from "#server/db/schema.ts";
import type { MallOrder } from "#server/ports/mall.ts";
import type { AppContext } from "./context.ts";
import { type ImportOutcome, importMallOrder } from "./import-mall-order.ts";

export type MallOrderFailure = { mallOrderNumber: string; code: string; message: string };

/**
 * Orders as the mall has them now, into Juchu in one transaction (import's rules: create, update,
 * follow a mall-side cancel). A savepoint per order: one order the rules cannot take does not hold
 * the others back; it comes back as a failure with the reason.
 */
export async function applyMallOrders(
  ctx: AppContext,
  shop: typeof shops.$inferSelect,
  mallOrders: readonly MallOrder[],
  testImport: boolean,
): Promise<{ outcomes: ImportOutcome[]; failures: MallOrderFailure[] }> {
  const meta = { actor: `system:${shop.channel}-import`, now: ctx.clock.now() };
  const failures: MallOrderFailure[] = [];
  const outcomes = await ctx.db.transaction(async (tx) => {
    const done: ImportOutcome[] = [];
    for (const mall of mallOrders) {
      try {
        done.push(await tx.transaction((sp) => importMallOrder(sp, ctx, shop, mall, { testImport, meta })));
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

import { and, eq, isNull } from "drizzle-orm";
import { appendEvents } from "#server/db/orders/order-queries.ts";
import { orders, shops } from "#server/db/schema.ts";
import { notFound } from "#server/domain/refusal.ts";
import { type Actor, type AppContext, actorLabel } from "../context.ts";

/**
 * テスト取込の注文を処理済みにする: once the merchant has checked what test import made of the
 * mall's orders, they leave the lists before sync starts, and import never touches them again.
 */
export async function processTestOrders(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  shopId: string,
): Promise<{ processed: number }> {
  const meta = { actor: actorLabel(actor), now: ctx.clock.now() };
  return ctx.db.transaction(async (tx) => {
    const [shop] = await tx
      .select({ id: shops.id })
      .from(shops)
      .where(and(eq(shops.id, shopId), eq(shops.accountId, accountId)));
    if (!shop) throw notFound("shop", "ショップ");
    const moved = await tx
      .update(orders)
      .set({ testProcessedAt: meta.now, updatedAt: meta.now })
      .where(and(eq(orders.shopId, shopId), eq(orders.testImport, true), isNull(orders.testProcessedAt)))
      .returning({ id: orders.id, accountId: orders.accountId });
    for (const o of moved) {
      await appendEvents(
        tx,
        o,
        [
          {
            type: "test_processed",
            message: "テスト取込の注文を処理済みにしました(以後の取込・連動の対象外)",
          },
        ],
        meta,
      );
    }
    return { processed: moved.length };
  });
}

import { and, eq } from "drizzle-orm";
import { appendEvents } from "#server/db/orders/order-queries.ts";
import { orders, shops } from "#server/db/schema.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { type Actor, type AppContext, actorLabel } from "../context.ts";
import { applyMallOrders } from "./apply-mall-orders.ts";
import { readMallOrder } from "./mall-read-back.ts";

/**
 * 再取得: reads one order from its mall now and applies it as an import would (amounts fixed, the
 * gift's address arrived, a cancel) — for a merchant who does not want to wait for the next poll.
 */
export async function refetchMallOrder(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  orderId: string,
): Promise<{ outcome: string }> {
  const [row] = await ctx.db
    .select({ order: orders, shop: shops })
    .from(orders)
    .innerJoin(shops, eq(shops.id, orders.shopId))
    .where(and(eq(orders.id, orderId), eq(orders.accountId, accountId)));
  if (!row) throw notFound("order", "注文");
  if (row.order.source !== "import") {
    throw new Refusal("order.refetch_not_allowed", "モールから取り込んだ注文ではないため再取得できません。", {
      rule: "not_imported",
    });
  }
  const mall = await readMallOrder(ctx, row.shop, row.order.mallOrderNumber);
  if (!mall) {
    throw new Refusal(
      "order.refetch_failed",
      "モールから注文を読めませんでした。モールの接続設定と状態を確かめて、しばらくしてからもう一度お試しください。",
      { rule: "mall_unreachable" },
    );
  }
  const { outcomes, failures } = await applyMallOrders(ctx, row.shop, [mall], row.order.testImport);
  const failure = failures[0];
  if (failure) throw new Refusal("order.refetch_failed", failure.message, { rule: "import_failed" });
  const outcome = outcomes[0] ?? "unchanged";
  await ctx.db.transaction((tx) =>
    appendEvents(
      tx,
      row.order,
      [
        {
          type: "mall_refetched",
          message:
            outcome === "updated"
              ? "モールから再取得しました(変更を反映しました)"
              : "モールから再取得しました(変更なし)",
        },
      ],
      { actor: actorLabel(actor), now: ctx.clock.now() },
    ),
  );
  return { outcome };
}

import { eq } from "drizzle-orm";
import { appendEvents } from "#server/db/orders/order-queries.ts";
import { orders, shops } from "#server/db/schema.ts";
import { MallError } from "#server/ports/mall.ts";
import type { AppContext } from "../context.ts";
import { orderSinkOf } from "./channel-clients.ts";
import { recordMallReflectionError } from "./confirm-mall-order.ts";
import { readMallOrder, recordMallStatus } from "./mall-read-back.ts";

const ACTOR = "system:mall-cancel-order";

/**
 * キャンセル反映: tells the mall of a cancel made in Juchu (at most malls, a cancel application).
 * A mall that refuses (already shipped there, past its window) leaves モール反映エラー and its words
 * for a person, who finishes the cancel in the mall's own screens.
 */
export async function cancelAtMallNow(ctx: AppContext, orderId: string, reasonCode: string): Promise<void> {
  const [row] = await ctx.db
    .select({ order: orders, shop: shops })
    .from(orders)
    .innerJoin(shops, eq(shops.id, orders.shopId))
    .where(eq(orders.id, orderId));
  if (row?.order.status !== "cancelled") return;
  const reason = cancelReasonOf(ctx, row.shop.channel, reasonCode);
  try {
    await orderSinkOf(ctx, row.shop).cancelOrder({
      mallOrderNumber: row.order.mallOrderNumber,
      reasonCode: reason?.code ?? "",
    });
  } catch (error) {
    if (!(error instanceof MallError)) throw error;
    if (!error.retryable) {
      // Refused because the mall cancelled it first (the buyer, or the mall): nothing is left to reflect.
      const readBack = await readMallOrder(ctx, row.shop, row.order.mallOrderNumber);
      if (readBack?.mallStatus.cancelled) {
        await recordMallStatus(ctx, row.order, readBack, ACTOR);
        return;
      }
    }
    await recordMallReflectionError(
      ctx,
      orderId,
      `キャンセルをモールに反映できませんでした: ${error.message}。モールの画面でキャンセルしてください。`,
      ACTOR,
    );
    if (error.retryable) throw error;
    return;
  }
  await ctx.db.transaction((tx) =>
    appendEvents(
      tx,
      row.order,
      [
        {
          type: "mall_cancelled_by_juchu",
          message: `モールにキャンセルを反映しました(理由: ${reason?.label ?? "なし"})`,
        },
      ],
      { actor: ACTOR, now: ctx.clock.now() },
    ),
  );
  const readBack = await readMallOrder(ctx, row.shop, row.order.mallOrderNumber);
  if (readBack) await recordMallStatus(ctx, row.order, readBack, ACTOR);
}

/**
 * The channel's reason behind a code as the API names it (`<channel>:<code>`, or the bare code jobs
 * enqueued before reasons were namespaced); the channel's first, the customer's own, when none fits.
 */
function cancelReasonOf(ctx: AppContext, channel: string, code: string) {
  const reasons = ctx.channels.get(channel)?.cancelReasons ?? [];
  const local = code.startsWith(`${channel}:`) ? code.slice(channel.length + 1) : code;
  return reasons.find((r) => r.code === local) ?? reasons[0];
}

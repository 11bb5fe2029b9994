import { eq } from "drizzle-orm";
import { appendEvents } from "#server/db/orders/order-queries.ts";
import { b2bOrders } from "#server/db/schema.ts";
import { approveCancelRequest, reasonLabel } from "#server/domain/b2b/cancel-request.ts";
import { Refusal } from "#server/domain/refusal.ts";
import type { Actor, AppContext } from "../context.ts";
import { cancelOrder } from "../orders/cancel-order.ts";
import { queueB2bMail } from "./b2b-mails.ts";
import { b2bFactsOf, cancelRequestColumns } from "./cancel-requests.ts";

/**
 * 承認する → 取引中止: the ordinary cancel of the order (its rules, 在庫戻し per the shop, waiting
 * orders served), with the request settled and the buyer mailed in that same transaction. The
 * request is checked before the cancel, so an order without one says so rather than being cancelled.
 */
export async function approveB2bCancel(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  orderId: string,
): Promise<{ warnings: string[] }> {
  return cancelOrder(ctx, actor, accountId, orderId, {
    reason: "キャンセルリクエストを承認(取引中止)",
    before: async ({ tx, order, meta }) => {
      const b2b = await b2bFactsOf(tx, order);
      const outcome = approveCancelRequest(b2b?.request ?? null, meta.actor, meta.now);
      if (outcome instanceof Refusal) throw outcome;
      await tx
        .update(b2bOrders)
        .set(cancelRequestColumns(outcome.request))
        .where(eq(b2bOrders.orderId, orderId));
      await appendEvents(tx, order.row, [outcome.event], meta);
      await queueB2bMail(tx, ctx, order, "cancel_approved", { cancelReason: reasonLabel(outcome.request) });
    },
  });
}

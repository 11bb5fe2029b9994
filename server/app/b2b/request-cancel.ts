import { eq } from "drizzle-orm";
import { appendEvents, loadOrder } from "#server/db/orders/order-queries.ts";
import { b2bOrders } from "#server/db/schema.ts";
import { type CancelReasonInput, reasonLabel, requestCancel } from "#server/domain/b2b/cancel-request.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { type AppContext, actorLabel } from "../context.ts";
import { queueB2bMail } from "./b2b-mails.ts";
import type { BuyerPrincipal } from "./buyer-sessions.ts";
import { b2bFactsOf, cancelRequestColumns } from "./cancel-requests.ts";

/**
 * 「キャンセルをリクエストする」 (発注履歴詳細): the request is recorded and the merchant mailed, in one
 * transaction; the order itself is not touched until the merchant approves. Another company's order
 * is not found.
 */
export async function requestB2bCancel(
  ctx: AppContext,
  buyer: Pick<BuyerPrincipal, "accountId" | "companyId" | "buyerUserId">,
  orderId: string,
  input: CancelReasonInput,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const order = await loadOrder(tx, buyer.accountId, orderId, { lock: true });
    const b2b = order ? await b2bFactsOf(tx, order) : null;
    if (!order || !b2b || b2b.row.companyId !== buyer.companyId) throw notFound("order", "注文");
    const now = ctx.clock.now();
    const outcome = requestCancel(b2b.facts, input, { companyName: b2b.companyName }, now);
    if (outcome instanceof Refusal) throw outcome;
    await tx
      .update(b2bOrders)
      .set(cancelRequestColumns(outcome.request))
      .where(eq(b2bOrders.orderId, orderId));
    await appendEvents(tx, order.row, [outcome.event], {
      actor: actorLabel({ kind: "system", job: `buyer:${buyer.buyerUserId}` }),
      now,
    });
    await queueB2bMail(tx, ctx, order, "cancel_requested", { cancelReason: reasonLabel(outcome.request) });
  });
}

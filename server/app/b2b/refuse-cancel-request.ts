import { eq } from "drizzle-orm";
import { appendEvents, loadOrder } from "#server/db/orders/order-queries.ts";
import { b2bOrders } from "#server/db/schema.ts";
import { refuseCancelRequest } from "#server/domain/b2b/cancel-request.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { type Actor, type AppContext, actorLabel } from "../context.ts";
import { queueB2bMail } from "./b2b-mails.ts";
import { b2bFactsOf, cancelRequestColumns } from "./cancel-requests.ts";

/** 拒否を実行: the order goes on as it was; the buyer sees キャンセル却下 and the reason, and is mailed. */
export async function refuseB2bCancel(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  orderId: string,
  input: { reason?: string | null | undefined },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const order = await loadOrder(tx, accountId, orderId, { lock: true });
    if (!order) throw notFound("order", "注文");
    const b2b = await b2bFactsOf(tx, order);
    const meta = { actor: actorLabel(actor), now: ctx.clock.now() };
    const outcome = refuseCancelRequest(b2b?.request ?? null, input, meta.actor, meta.now);
    if (outcome instanceof Refusal) throw outcome;
    await tx
      .update(b2bOrders)
      .set(cancelRequestColumns(outcome.request))
      .where(eq(b2bOrders.orderId, orderId));
    await appendEvents(tx, order.row, [outcome.event], meta);
    await queueB2bMail(tx, ctx, order, "cancel_refused", { refusalReason: outcome.request.refusalReason });
  });
}

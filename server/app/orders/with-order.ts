import type { Db } from "#server/db/database.ts";
import { type LoadedOrder, loadOrder, saveDecision } from "#server/db/orders/order-queries.ts";
import type { Decision, OrderSnapshot } from "#server/domain/order.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { type Actor, type AppContext, actorLabel } from "../context.ts";

export type OrderCommandScope = { tx: Db; order: LoadedOrder; meta: { actor: string; now: Date } };

/**
 * The shape of every command on one order: lock it, let the domain decide, save the decision and its
 * follow-ups in one transaction. A refusal rolls everything back and reaches the caller as is.
 */
export async function commandOrder(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  orderId: string,
  decide: (
    order: OrderSnapshot,
    scope: OrderCommandScope,
  ) => Promise<Decision | Refusal> | Decision | Refusal,
  after?: (scope: OrderCommandScope) => Promise<LoadedOrder | undefined>,
): Promise<string> {
  const meta = { actor: actorLabel(actor), now: ctx.clock.now() };
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadOrder(tx, accountId, orderId, { lock: true });
    if (!loaded) throw notFound("order", "注文");
    const decision = await decide(loaded.snapshot, { tx, order: loaded, meta });
    if (decision instanceof Refusal) throw decision;
    const saved = await saveDecision(tx, loaded, decision, meta);
    if (after) await after({ tx, order: saved, meta });
    return orderId;
  });
}

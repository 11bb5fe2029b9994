import { Refusal } from "#server/domain/refusal.ts";
import type { Actor, AppContext } from "../context.ts";
import { type OrderRegistration, registerOrder } from "../register-order.ts";

/** What became of one order handed to the batch: its id, or the refusal with its rule. */
export type RegistrationOutcome = { ok: true; orderId: string } | { ok: false; refusal: Refusal };

/**
 * The one place the CSV channel registers orders. One at a time for now, each in its own
 * transaction, so a refused order never holds back the others; the set-based registerOrders of the
 * batch write path takes this call's place (same inputs, an outcome per input, source "csv").
 */
export async function registerOrderBatch(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  inputs: readonly OrderRegistration[],
): Promise<RegistrationOutcome[]> {
  const outcomes: RegistrationOutcome[] = [];
  for (const input of inputs) {
    try {
      outcomes.push({ ok: true, orderId: await registerOrder(ctx, actor, accountId, input, "csv") });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      outcomes.push({ ok: false, refusal: error });
    }
  }
  return outcomes;
}

import { Refusal } from "#server/domain/refusal.ts";
import type { Actor, AppContext } from "../context.ts";
import { type OrderRegistration, registerOrder } from "../register-order.ts";

/** What became of one order handed to the batch: its id, or the refusal with its rule. */
export type RegistrationOutcome = { orderId: string } | { refusal: Refusal };

/**
 * The one place the CSV channel registers orders. One at a time for now, each in its own
 * transaction, so a refused order never holds back the others; the set-based registerOrders of the
 * batch write path (i13-batch) takes this loop's place: `return registerOrders(ctx, actor, accountId,
 * inputs, "csv")` — same inputs, the same outcome per input.
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
      outcomes.push({ orderId: await registerOrder(ctx, actor, accountId, input, "csv") });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      outcomes.push({ refusal: error });
    }
  }
  return outcomes;
}

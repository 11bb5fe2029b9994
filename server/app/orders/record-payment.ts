import { recordPayment as decidePayment } from "#server/domain/order.ts";
import type { Actor, AppContext } from "../context.ts";
import { progressOrder } from "./progress-order.ts";
import { commandOrder } from "./with-order.ts";

/** 入金確認: a prepaid order that was only waiting for its money moves on to 出荷待ち at once. */
export async function recordPayment(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  orderId: string,
  input: { paidAt?: Date | undefined; amount?: number | undefined },
): Promise<string> {
  return commandOrder(
    ctx,
    actor,
    accountId,
    orderId,
    (order, { meta }) => decidePayment(order, { paidAt: input.paidAt ?? meta.now, amount: input.amount }),
    ({ tx, order, meta }) => progressOrder(tx, ctx, order, meta),
  );
}

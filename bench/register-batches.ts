import type { Actor, AppContext } from "#server/app/context.ts";
import * as registering from "#server/app/orders/register-order.ts";
import { perSecond, watchBackends } from "./lib.ts";
import { type RegisterResult, registration } from "./register.ts";
import { type Count, countWhile } from "./round-trips.ts";
import type { Target } from "./targets.ts";

const ACTOR: Actor = { kind: "system", job: "bench" };
type RegisterOrders = (
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  inputs: readonly registering.OrderRegistration[],
) => Promise<unknown[]>;

/**
 * The batch entry point of registration (`registerOrders`: CSV, B2B and the API hand it many orders)
 * where this code has one. Looked up at run time so that the bench runs on code from before it too,
 * and measures whatever the batch path becomes.
 */
export function batchRegistration(): RegisterOrders | undefined {
  const entry = (registering as unknown as { registerOrders?: unknown }).registerOrders;
  return typeof entry === "function" ? (entry as RegisterOrders) : undefined;
}

/** `count` orders through registerOrders, `batch` a call; checks every one reached 出荷待ち. */
export async function benchRegisterBatches(
  t: Target,
  registerOrders: RegisterOrders,
  count: number,
  batch: number,
): Promise<RegisterResult> {
  const prefix = "BATCH-";
  const { result: ms, backends } = await watchBackends(
    t.database.kind,
    t.raw,
    (async () => {
      const started = performance.now();
      for (let from = 0; from < count; from += batch) {
        const inputs = Array.from({ length: Math.min(batch, count - from) }, (_, k) =>
          registration(t.shopId, `${prefix}${from + k + 1}`, from + k),
        );
        await registerOrders(t.ctx, ACTOR, t.accountId, inputs);
      }
      return performance.now() - started;
    })(),
  );
  const { rows } = await t.raw.query(
    `select count(*)::int as n from orders
      where shop_id = $1 and mall_order_number like $2 and status = 'awaiting_shipment'`,
    [t.shopId, `${prefix}%`],
  );
  const ok = Number(rows[0]?.n);
  if (ok !== count) throw new Error(`registerOrders: ${ok} of ${count} orders reached 出荷待ち`);
  return { concurrency: 1, count, ms, perSecond: perSecond(count, ms), backends };
}

/** What one registerOrders call of `orders` sends, begin/commit and job inserts included. */
export async function countBatchRegistration(
  t: Target,
  registerOrders: RegisterOrders,
  orders = 100,
): Promise<Count & { orders: number }> {
  const inputs = Array.from({ length: orders }, (_, i) => registration(t.shopId, `COUNTB-${i}`, i));
  const { count } = await countWhile(() => registerOrders(t.ctx, ACTOR, t.accountId, inputs));
  return { ...count, orders };
}

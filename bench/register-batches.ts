import type { Actor } from "#server/app/context.ts";
import { registerOrders } from "#server/app/orders/register-order.ts";
import { perSecond, watchBackends } from "./lib.ts";
import { type RegisterResult, registration } from "./register.ts";
import { type Count, countWhile } from "./round-trips.ts";
import type { Target } from "./targets.ts";

const ACTOR: Actor = { kind: "system", job: "bench" };

/** `count` orders through registerOrders, `batch` a call; checks every one reached 出荷待ち. */
export async function benchRegisterBatches(t: Target, count: number, batch: number): Promise<RegisterResult> {
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
export async function countBatchRegistration(t: Target, orders = 100): Promise<Count & { orders: number }> {
  const inputs = Array.from({ length: orders }, (_, i) => registration(t.shopId, `COUNTB-${i}`, i));
  const { count } = await countWhile(() => registerOrders(t.ctx, ACTOR, t.accountId, inputs));
  return { ...count, orders };
}

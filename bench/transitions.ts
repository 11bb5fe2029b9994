import type { Actor } from "#server/app/context.ts";
import { cancelOrder } from "#server/app/orders/cancel-order.ts";
import { recordPayment } from "#server/app/orders/record-payment.ts";
import { perSecond, recordingDb, runPool, watchBackends } from "./lib.ts";
import { ITEM_CODE, type Target } from "./targets.ts";

const ACTOR: Actor = { kind: "system", job: "bench" };

export type TransitionResult = {
  what: "payment" | "cancel" | "raw";
  concurrency: number;
  count: number;
  ms: number;
  perSecond: number;
  /** PostgreSQL only: what its backends were doing meanwhile, on average. */
  backends?: string | undefined;
};

/**
 * `count` bank-transfer orders sitting in 確認済 (unpaid, stock allocated), written set-based under
 * `prefix`: what an import and a night of allocation would have left. Returns their ids, oldest first.
 */
export async function seedConfirmed(t: Target, prefix: string, count: number): Promise<string[]> {
  await t.raw.transaction(async (q) => {
    await q(
      `insert into orders (id, account_id, shop_id, mall_order_number, source, status, ordered_at, grace_until,
         buyer_name, buyer_email, ship_to, payment_method, subtotal, shipping_fee, total, search_text)
       select md5($3::text || g)::uuid, $1::uuid, $2::uuid, $3::text || g, 'manual', 'confirmed', now() - g * interval '1 second',
         now() - g * interval '1 second', '振込 花子', 'furikomi' || g || '@example.jp',
         '{"name":"振込 花子","postalCode":"530-0001","prefecture":"大阪府","address1":"大阪市北区梅田1-1","phone":"06-1234-5678"}',
         'bank_transfer', 1080, 600, 1680, lower($3::text || g || e'\\n振込 花子')
       from generate_series(1, $4::int) g`,
      [t.accountId, t.shopId, prefix, count],
    );
    await q(
      `insert into order_items (id, order_id, account_id, line_no, mall_item_code, name, unit_price, quantity)
       select md5('i' || $2::text || g)::uuid, md5($2::text || g)::uuid, $1::uuid, 1, $4::text, '煎茶 100g', 1080, 1
       from generate_series(1, $3::int) g`,
      [t.accountId, prefix, count, ITEM_CODE],
    );
    await q(
      `insert into shipments (id, order_id, account_id, warehouse_id, status)
       select md5('s' || $3::text || g)::uuid, md5($3::text || g)::uuid, $1::uuid, $2::uuid, 'allocated'
       from generate_series(1, $4::int) g`,
      [t.accountId, t.warehouseId, prefix, count],
    );
    await q(
      `insert into allocations (shipment_id, product_id, account_id, warehouse_id, required, allocated, ordered_at)
       select md5('s' || $4::text || g)::uuid, $3::uuid, $1::uuid, $2::uuid, 1, 1, now() - g * interval '1 second'
       from generate_series(1, $5::int) g`,
      [t.accountId, t.warehouseId, t.productId, prefix, count],
    );
    await q("update stock set allocated = allocated + $3 where product_id = $1 and warehouse_id = $2", [
      t.productId,
      t.warehouseId,
      count,
    ]);
  });
  const { rows } = await t.raw.query(
    "select id from orders where shop_id = $1 and mall_order_number like $2 order by ordered_at",
    [t.shopId, `${prefix}%`],
  );
  return rows.map((r) => String(r.id));
}

async function timed(
  t: Target,
  what: TransitionResult["what"],
  ids: string[],
  concurrency: number,
  op: (id: string) => Promise<unknown>,
): Promise<TransitionResult> {
  const { result: ms, backends } = await watchBackends(
    t.database.kind,
    t.raw,
    runPool(ids.length, concurrency, (i) => op(ids[i] as string)),
  );
  return { what, concurrency, count: ids.length, ms, perSecond: perSecond(ids.length, ms), backends };
}

/** 入金確認 (確認済 → 出荷待ち + shipment-request job) on each order, one transaction each. */
export async function benchPayments(
  t: Target,
  ids: string[],
  concurrency: number,
): Promise<TransitionResult> {
  const result = await timed(t, "payment", ids, concurrency, (id) =>
    recordPayment(t.ctx, ACTOR, t.accountId, id, {}),
  );
  await expectStatus(t, ids, "awaiting_shipment");
  return result;
}

/** キャンセル (確認済 → キャンセル, stock given back, allocate-waiting-orders job) on each order. */
export async function benchCancels(t: Target, ids: string[], concurrency: number): Promise<TransitionResult> {
  const result = await timed(t, "cancel", ids, concurrency, (id) =>
    cancelOrder(t.ctx, ACTOR, t.accountId, id, { reason: "ベンチ" }),
  );
  await expectStatus(t, ids, "cancelled");
  return result;
}

/** The yardstick: per transaction one plain UPDATE of the status and one INSERT into the timeline. */
export function rawTransitions(t: Target, ids: string[], concurrency: number): Promise<TransitionResult> {
  return timed(t, "raw", ids, concurrency, (id) =>
    t.raw.transaction(async (q) => {
      await q("update orders set status = 'awaiting_shipment', updated_at = now() where id = $1", [id]);
      await q(
        `insert into order_events (order_id, account_id, at, actor, type, from_status, to_status, message)
         values ($1, $2, now(), 'system:bench', 'status_changed', 'confirmed', 'awaiting_shipment', '入金確認済み')`,
        [id, t.accountId],
      );
    }),
  );
}

/** Statements one recordPayment and one cancelOrder send (begin/commit aside). */
export async function statementsPerTransition(
  t: Target,
  paymentIds: string[],
  cancelIds: string[],
): Promise<{ payment: number; cancel: number }> {
  const { db, statements } = recordingDb(t.database);
  const ctx = { ...t.ctx, db };
  for (const id of paymentIds) await recordPayment(ctx, ACTOR, t.accountId, id, {});
  const payment = statements.length / paymentIds.length;
  statements.length = 0;
  for (const id of cancelIds) await cancelOrder(ctx, ACTOR, t.accountId, id, {});
  return { payment, cancel: statements.length / cancelIds.length };
}

async function expectStatus(t: Target, ids: string[], status: string): Promise<void> {
  const { rows } = await t.raw.query(
    "select count(*)::int as n from orders where id = any($1::uuid[]) and status = $2",
    [ids, status],
  );
  if (Number(rows[0]?.n) !== ids.length)
    throw new Error(`${rows[0]?.n} of ${ids.length} orders reached ${status}`);
}

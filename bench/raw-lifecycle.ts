import { perSecond } from "./lib.ts";
import type { Target } from "./targets.ts";

/** The six status steps of 受注 → 完了, as the raw baseline walks them. */
const STEPS = [
  "new",
  "awaiting_confirmation",
  "confirmed",
  "awaiting_shipment",
  "shipping",
  "shipped",
  "completed",
] as const;
const BATCH = 500;

export type RawLifecycleResult = {
  count: number;
  ms: number;
  /** Status transitions per second (count × 6 ÷ time). */
  transitionsPerSecond: number;
  /** The same ÷ 6: orders through all six steps per second, what the lifecycle is compared with. */
  perSecond: number;
};

/**
 * The lifecycle's yardstick: `count` orders written in 新規受付, then walked through the six steps
 * with plain SQL, `BATCH` orders per transaction and per step: one UPDATE of their status and one
 * INSERT of their timeline events (arrays, not one bind parameter per row). No mall, no warehouse,
 * no rules: what the database alone needs to move that many orders six times.
 */
export async function rawLifecycle(
  t: Target,
  count: number,
  prefix = "RAWLIFE-",
): Promise<RawLifecycleResult> {
  await t.raw.query(
    `insert into orders (id, account_id, shop_id, mall_order_number, source, status, ordered_at, grace_until,
       buyer_name, buyer_email, ship_to, payment_method, subtotal, shipping_fee, total, search_text)
     select gen_random_uuid(), $1::uuid, $2::uuid, $3::text || g, 'manual', 'new', now(), now(), '一連 花子',
       'raw' || g || '@example.jp',
       '{"name":"一連 花子","postalCode":"530-0001","prefecture":"大阪府","address1":"大阪市北区梅田1-1","phone":"06-1234-5678"}',
       'credit_card', 1500, 600, 2100, lower($3::text || g || e'\\n一連 花子')
     from generate_series(1, $4::int) g`,
    [t.accountId, t.rawShopId, prefix, count],
  );
  const { rows } = await t.raw.query(
    "select id from orders where shop_id = $1 and mall_order_number like $2 order by mall_order_number",
    [t.rawShopId, `${prefix}%`],
  );
  const ids = rows.map((r) => String(r.id));
  const started = performance.now();
  for (let step = 1; step < STEPS.length; step++) {
    const from = STEPS[step - 1];
    const to = STEPS[step];
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      await t.raw.transaction(async (q) => {
        await q("update orders set status = $2, updated_at = now() where id = any($1::uuid[])", [batch, to]);
        await q(
          `insert into order_events (order_id, account_id, at, actor, type, from_status, to_status, message)
           select id, $2, now(), 'system:bench', 'status_changed', $3, $4, 'ベンチ'
           from unnest($1::uuid[]) id`,
          [batch, t.accountId, from, to],
        );
      });
    }
  }
  const ms = performance.now() - started;
  const steps = STEPS.length - 1;
  return {
    count,
    ms,
    transitionsPerSecond: perSecond(count * steps, ms),
    perSecond: perSecond(count, ms),
  };
}

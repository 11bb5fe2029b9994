import { sql } from "drizzle-orm";
import { orderEvents, orders, orderTags, shops, tags } from "#server/db/schema.ts";
import { PREPAID_PAYMENT_METHODS } from "#server/domain/payment.ts";
import { DEFAULT_PAYMENT_OVERDUE_DAYS } from "#server/domain/shop-settings.ts";
import type { AppContext } from "../context.ts";

const ACTOR = "system:payment-overdue";
// Literal lists, so the planner matches orders_unpaid_idx, whose predicate names the same values.
const PREPAID = sql.raw(PREPAID_PAYMENT_METHODS.map((m) => `'${m}'`).join(", "));

/**
 * 入金確認待ち超過: the scheduler's sweep over the unpaid prepaid orders (orders_unpaid_idx), tagging in
 * one statement each order older than its shop's paymentOverdueDays. The tag holds nothing and goes
 * when the payment is recorded (domain recordPayment). An order being changed right now is skipped,
 * not waited for: the next sweep sees it, and never after its payment was recorded.
 */
export async function tagOverduePayments(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now().toISOString();
  const days = sql`coalesce((${shops.settings}->>'paymentOverdueDays')::int, ${DEFAULT_PAYMENT_OVERDUE_DAYS})`;
  const result = await ctx.db.execute(sql`
    with due as (
      select ${orders.id} as order_id, ${orders.accountId} as account_id, ${tags.id} as tag_id,
        ${tags.name} as name, ${days} as days
      from ${orders}
      join ${shops} on ${shops.id} = ${orders.shopId}
      join ${tags} on ${tags.accountId} = ${orders.accountId} and ${tags.systemCode} = 'payment_overdue'
      where ${orders.paidAt} is null and ${orders.deletedAt} is null
        and ${orders.status} in ('new', 'awaiting_confirmation', 'confirmed')
        and ${orders.paymentMethod} in (${PREPAID})
        and not ${orders.testImport}
        and ${orders.orderedAt} < ${now}::timestamptz - make_interval(days => ${days})
        and not exists (select 1 from ${orderTags} ot where ot.order_id = ${orders.id} and ot.tag_id = ${tags.id})
      order by ${orders.id}
      for update of ${orders} skip locked
    ), tagged as (
      insert into ${orderTags} (order_id, tag_id, account_id, attached_by, attached_at)
      select order_id, tag_id, account_id, ${ACTOR}, ${now}::timestamptz from due
      on conflict do nothing
      returning order_id
    )
    insert into ${orderEvents} (order_id, account_id, at, actor, type, message, detail)
    select due.order_id, due.account_id, ${now}::timestamptz, ${ACTOR}, 'tag_attached',
      'タグ「' || due.name || '」を付けました — 注文から' || due.days || '日たっても入金を確認できません',
      jsonb_build_object('tagId', due.tag_id, 'by', 'system')
    from due join tagged on tagged.order_id = due.order_id
    returning order_id`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}

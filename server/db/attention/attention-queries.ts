import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../database.ts";

/**
 * The reads behind 要対応. Each is one statement over a small, indexed set — the account's tags, the
 * waiting allocations, the open shipments, the last run per shop, a week of mails — so the board costs
 * the same at a million orders as at a hundred.
 */

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export type TaggedOrder = {
  id: string;
  mallOrderNumber: string;
  buyerName: string;
  orderedAt: string;
  status: string;
};

export type TagCountRow = {
  tagId: string;
  systemCode: string | null;
  name: string;
  color: string;
  hold: boolean;
  count: number;
  orders: TaggedOrder[];
};

/**
 * Orders per hold tag, and per system tag that asks for a person without holding (モール反映エラー,
 * 入金確認待ち超過, 在庫不足). Each tag reads at most `cap + 1` of its orders through its own index
 * (order_tags_tag_idx) and each order by its key, unordered, and counts and samples those: asking
 * for "the oldest five" directly, or joining orders plainly, lets the planner read every order
 * (seconds at 1M orders).
 * Past the cap, the few shown are the oldest of the orders read.
 */
export function tagCounts(db: Db, accountId: string, cap: number, sample: number): Promise<TagCountRow[]> {
  // A finished order's hold no longer holds anything; a failed mall call on it still needs a person.
  const open = sql`o.deleted_at is null and (o.status not in ('cancelled', 'completed') or t.system_code = 'mall_reflection_error')`;
  return rows<TagCountRow>(
    db,
    sql`select t.id as "tagId", t.system_code as "systemCode", t.name, t.color, t.hold, h.count, h.orders
        from tags t
        cross join lateral (
          select count(*)::int as count,
                 coalesce(json_agg(json_build_object('id', x.id, 'mallOrderNumber', x.mall_order_number,
                   'buyerName', x.buyer_name, 'orderedAt', x.ordered_at, 'status', x.status)
                   order by x.ordered_at, x.id) filter (where x.rn <= ${sample}), '[]'::json) as orders
          from (
            select f.*, row_number() over (order by f.ordered_at, f.id) as rn
            from (
              select o.*
              from order_tags ot
              -- One primary-key read per tagged order: joined plainly, the planner hashes every order.
              cross join lateral (
                select o.id, o.mall_order_number, o.buyer_name, o.ordered_at, o.status
                from orders o where o.id = ot.order_id and ${open} limit 1) o
              where ot.tag_id = t.id
              limit ${cap + 1}) f) x) h
        where t.account_id = ${accountId}
          and (t.hold or t.system_code in ('mall_reflection_error', 'payment_overdue', 'stock_short'))
        order by t.name`,
  );
}

export type ShortProductRow = {
  productId: string;
  sku: string;
  name: string;
  warehouseId: string;
  warehouseName: string;
  short: number;
  available: number;
  shipments: number;
};

/** Products the waiting shipments are short of, per warehouse: how many units, and what is free now. */
export function shortProducts(db: Db, accountId: string, limit: number): Promise<ShortProductRow[]> {
  return rows<ShortProductRow>(
    db,
    sql`select a.product_id as "productId", p.sku, p.name, a.warehouse_id as "warehouseId",
               w.name as "warehouseName", sum(a.required - a.allocated)::int as short,
               coalesce(max(s.on_hand - s.allocated), 0)::int as available,
               count(*)::int as shipments
        from allocations a
        join products p on p.id = a.product_id
        join warehouses w on w.id = a.warehouse_id
        left join stock s on s.product_id = a.product_id and s.warehouse_id = a.warehouse_id
        where a.account_id = ${accountId} and a.allocated < a.required
        group by a.product_id, p.sku, p.name, a.warehouse_id, w.name
        order by short desc, p.sku
        limit ${limit}`,
  );
}

export type WarehouseDayRow = {
  warehouseId: string;
  name: string;
  settings: unknown;
  awaitingRequest: number;
  shipping: number;
  dueToday: number;
  overdue: number;
  unshippable: number;
};

/** Per warehouse: what waits to be requested, what is at the warehouse (due today, late) and what it could not ship. */
export function warehouseDay(db: Db, accountId: string, today: string): Promise<WarehouseDayRow[]> {
  return rows<WarehouseDayRow>(
    db,
    sql`select w.id as "warehouseId", w.name, w.settings,
               count(*) filter (where s.status = 'awaiting_shipment')::int as "awaitingRequest",
               count(*) filter (where s.status = 'shipping')::int as shipping,
               count(*) filter (where s.status = 'shipping' and s.planned_ship_date = ${today})::int as "dueToday",
               count(*) filter (where s.status = 'shipping' and s.planned_ship_date < ${today})::int as overdue,
               count(*) filter (where s.status = 'unshippable')::int as unshippable
        from warehouses w
        left join shipments s on s.warehouse_id = w.id and s.account_id = ${accountId}
          and s.status in ('awaiting_shipment', 'shipping', 'unshippable')
        where w.account_id = ${accountId}
        group by w.id, w.name, w.settings
        order by w.name`,
  );
}

export type FailedImportRow = {
  shopId: string;
  shopName: string;
  kind: "mall" | "csv";
  runId: string;
  startedAt: Date;
  failed: number;
  message: string | null;
};

/**
 * 取込失敗: a shop whose LAST mall import failed or left orders out (a later good run clears it), and
 * CSV files of the last week with rows or whole files that did not go in.
 */
export function failedImports(db: Db, accountId: string, since: Date): Promise<FailedImportRow[]> {
  return rows<FailedImportRow>(
    db,
    sql`select s.id as "shopId", s.name as "shopName", 'mall' as kind, r.id as "runId",
               r.started_at as "startedAt", r.failed,
               r.errors -> 0 ->> 'message' as message
        from shops s
        cross join lateral (
          select * from import_runs r where r.shop_id = s.id and r.finished_at is not null
          order by r.started_at desc limit 1) r
        where s.account_id = ${accountId} and (r.status = 'failed' or r.failed > 0)
        union all
        select s.id, s.name, 'csv', c.id, c.started_at, c.failed_rows, c.error
        from shops s
        join csv_import_runs c on c.shop_id = s.id and c.started_at >= ${since}
        where s.account_id = ${accountId} and (c.status = 'failed' or c.failed_rows > 0)
        order by "startedAt" desc
        limit 50`,
  );
}

export type ExpiringShopRow = { shopId: string; name: string; channel: string; expiresAt: Date };

export function expiringCredentials(db: Db, accountId: string, before: Date): Promise<ExpiringShopRow[]> {
  return rows<ExpiringShopRow>(
    db,
    sql`select id as "shopId", name, channel, credentials_expire_at as "expiresAt"
        from shops
        where account_id = ${accountId} and credentials_expire_at <= ${before}
        order by credentials_expire_at`,
  );
}

export type FailedMailsRow = { count: number; latestAt: Date | null };

/** Mails of the last week that failed and were not sent again by a person. */
export async function failedMails(db: Db, accountId: string, since: Date): Promise<FailedMailsRow> {
  const [row] = await rows<FailedMailsRow>(
    db,
    sql`select count(*)::int as count, max(m.due_at) as "latestAt"
        from mails m
        where m.account_id = ${accountId} and m.status = 'failed' and m.due_at >= ${since}
          and not exists (select 1 from mails r where r.resend_of = m.id and r.account_id = ${accountId})`,
  );
  return row ?? { count: 0, latestAt: null };
}

export type CancelRequestsRow = { count: number; latestAt: string | null };

/**
 * Buyers' cancel requests (R-Messe) no person has marked 対応完了 yet, whatever Juchu did on its own:
 * an automatic cancel still wants the merchant to read the thread and close it.
 */
export async function openCancelRequests(db: Db, accountId: string): Promise<CancelRequestsRow> {
  const [row] = await rows<CancelRequestsRow>(
    db,
    sql`select count(*)::int as count, max(received_at) as "latestAt"
        from inquiries
        where account_id = ${accountId} and cancel_requested and not completed`,
  );
  return row ?? { count: 0, latestAt: null };
}

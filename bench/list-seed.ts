import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { createAccount } from "#server/app/account/create-account.ts";
import { createShop } from "#server/app/channels/shops.ts";
import type { Target } from "./targets.ts";

export type ListData = {
  accountId: string;
  shopIds: string[];
  tagIds: string[];
  /** The list account's API token, for the benches that go through HTTP. */
  apiToken: string;
  orders: number;
  seedMs: number;
};

const SURNAMES =
  "佐藤,鈴木,高橋,田中,伊藤,渡辺,山本,中村,小林,加藤,吉田,山田,佐々木,山口,松本,井上,木村,林,斎藤,清水";
const GIVEN = "太郎,花子,健太,美咲,翔太,陽菜,大輔,結衣,拓也,さくら,直樹,愛,誠,由美,蓮,葵";
const ITEMS =
  "煎茶 100g,ほうじ茶 200g,玄米茶 150g,抹茶 30g,緑茶ティーバッグ 50包,和紅茶 80g,麦茶 パック,茶器セット";

/**
 * A year of a four-shop merchant, written set-based in its own account: `count` orders newest first,
 * statuses by age (only the last days still move), 1–3 lines, one shipment, a few tags, ~0.2 % deleted.
 */
export async function seedListAccount(t: Target, count: number): Promise<ListData> {
  const started = performance.now();
  const { accountId, apiToken } = await createAccount(t.ctx, {
    name: "一覧ベンチ茶舗",
    email: `list-${randomUUID()}@example.jp`,
    password: "bench-password-123",
  });
  // Only registered channels take shops: four shops over the two there are.
  const channels: [string, string][] = [
    ["rakuten", "楽天市場店"],
    ["rakuten", "楽天市場2号店"],
    ["manual", "電話注文"],
    ["manual", "FAX注文"],
  ];
  const shopIds: string[] = [];
  for (const [channel, name] of channels)
    shopIds.push((await createShop(t.ctx, accountId, { channel, name })).id);
  const tagIds = [randomUUID(), randomUUID(), randomUUID()];
  const { rows: wh } = await t.raw.query("select id from warehouses where account_id = $1", [accountId]);
  const warehouseId = String(wh[0]?.id);

  await t.raw.transaction(async (q) => {
    await q("select setseed(0.42)");
    await q(
      `insert into tags (id, account_id, kind, name, color, hold)
       values ($1, $4, 'custom', 'VIP', '#d4af37', false), ($2, $4, 'custom', 'ギフト包装', '#e83e8c', false),
              ($3, $4, 'custom', '要確認', '#f0ad4e', true)`,
      [...tagIds, accountId],
    );
    await q(
      `insert into orders (id, account_id, shop_id, mall_order_number, source, status, ordered_at, grace_until,
         buyer_name, buyer_email, buyer_phone, ship_to, payment_method, paid_at, subtotal, shipping_fee, total,
         search_text, search_keys, deleted_at, created_at, updated_at)
       select id, $1::uuid, shop, num, case when shop = $5::uuid then 'manual' else 'import' end, status, at,
         at + interval '30 minutes', buyer, email, phone,
         jsonb_build_object('name', buyer, 'postalCode', postcode, 'prefecture', '東京都',
           'address1', '渋谷区神宮前' || (g % 6 + 1) || '-' || (g % 20 + 1), 'phone', phone),
         pay, case when pay in ('bank_transfer', 'convenience_store')
                    and status in ('new', 'awaiting_confirmation', 'confirmed') then null else at end,
         subtotal, 600, subtotal + 600,
         -- searchTextOf / searchKeysOf (server/domain/order-search.ts) of these fields, written in SQL.
         concat_ws(e'\\n', lower(num), lower(replace(num, '-', '')), replace(buyer, ' ', ''), email,
           replace(phone, '-', ''), replace(postcode, '-', ''),
           '東京都渋谷区神宮前' || (g % 6 + 1) || '-' || (g % 20 + 1), lower(replace(item, ' ', ''))),
         array(select distinct k from (
           select replace(buyer, ' ', '') as k union all select unnest(string_to_array(buyer, ' '))
           union all select substr(replace(buyer, ' ', ''), i, 2) from generate_series(1, length(buyer) - 2) i
           union all select lower(replace(num, '-', '')) union all select email union all select replace(phone, '-', '')
         ) keys),
         case when status = 'awaiting_confirmation' and random() < 0.2 then at + interval '1 hour' end, at, at
       from (
         select g, gen_random_uuid() as id, at, shop, buyer, email, pay, item, subtotal,
           '090-' || lpad((b / 10000)::text, 4, '0') || '-' || lpad((b % 10000)::text, 4, '0') as phone,
           lpad((100 + b % 900)::text, 3, '0') || '-' || lpad((b % 10000)::text, 4, '0') as postcode,
           case when shop = $2::uuid then '350001-' || to_char(at, 'YYYYMMDD') || '-' || lpad(g::text, 10, '0')
                when shop = $3::uuid then 'chaho-' || (10000000 + g)
                when shop = $4::uuid then '250-' || lpad((g::bigint * 7919 % 10000000)::text, 7, '0') || '-' || lpad(g::text, 7, '0')
                else 'TEL-' || g end as num,
           case when age < interval '3 days' and r < 0.15 then 'new'
                when age < interval '5 days' and r < 0.30 then 'awaiting_confirmation'
                when age < interval '7 days' and r < 0.45 then 'confirmed'
                when age < interval '9 days' and r < 0.70 then 'awaiting_shipment'
                when age < interval '10 days' and r < 0.80 then 'shipping'
                when age < interval '14 days' and r < 0.90 then 'shipped'
                when r > 0.93 then 'cancelled'
                else 'completed' end as status
         from (
           select g, r, at, now() - at as age, b, item, subtotal,
             (array[$2::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid])[1 + (g * 31 % 17) % 5] as shop,
             (string_to_array($6, ','))[1 + b % 20] || ' ' || (string_to_array($7, ','))[1 + b / 20 % 16] as buyer,
             'buyer' || b || '@example.jp' as email,
             (array['credit_card', 'credit_card', 'credit_card', 'rakuten_pay', 'paypay', 'amazon_pay',
                    'bank_transfer', 'convenience_store', 'cash_on_delivery', 'credit_card'])[1 + g % 10] as pay
           from (
             select g, random() as r,
               now() - (g::float8 / $9::int) * interval '365 days' - random() * interval '1 hour' as at,
               (hashtext('buyer' || g) & 2147483647) % 30000 as b,
               (string_to_array($8, ','))[1 + g % 8] as item, 1080 * (1 + g % 3) as subtotal
             from generate_series(1, $9::int) g
           ) raw
         ) spread
       ) o`,
      [accountId, shopIds[0], shopIds[1], shopIds[2], shopIds[3], SURNAMES, GIVEN, ITEMS, count],
    );
    await q(
      `insert into order_items (id, order_id, account_id, line_no, mall_item_code, name, unit_price, quantity)
       select gen_random_uuid(), o.id, o.account_id, k, 'tea-' || (k * 3 + length(o.buyer_email)) % 8,
         (string_to_array($2, ','))[1 + (k * 3 + length(o.buyer_email)) % 8], 1080, 1
       from orders o cross join lateral generate_series(1, 1 + (hashtext(o.id::text) & 3) % 3) k
       where o.account_id = $1`,
      [accountId, ITEMS],
    );
    await q(
      `insert into shipments (id, order_id, account_id, warehouse_id, status, parcels, tracking_keys,
         created_at, updated_at)
       select id, order_id, account_id, warehouse_id, status,
         case when status = 'shipped' then jsonb_build_array(jsonb_build_object('carrier', 'yamato',
           'trackingNumber', tracking, 'mallShippingId', null)) else '[]' end,
         case when status = 'shipped' then array[replace(tracking, '-', '')] else '{}' end, created_at, updated_at
       from (
       select gen_random_uuid() as id, o.id as order_id, o.account_id, $2::uuid as warehouse_id,
         case o.status when 'new' then 'allocating' when 'awaiting_confirmation' then 'allocating'
           when 'confirmed' then (case when random() < 0.3 then 'allocating' else 'allocated' end)
           when 'awaiting_shipment' then 'awaiting_shipment'
           when 'shipping' then (case when random() < 0.05 then 'unshippable' else 'shipping' end)
           when 'cancelled' then 'cancelled' else 'shipped' end as status,
         '4' || lpad((abs(hashtext(o.id::text))::bigint % 1000)::text, 3, '0') || '-'
           || lpad((abs(hashtext('t' || o.id::text))::bigint % 100000000)::text, 8, '0') as tracking,
         o.ordered_at as created_at, o.ordered_at as updated_at
       from orders o where o.account_id = $1) s`,
      [accountId, warehouseId],
    );
    await q(
      `insert into order_tags (order_id, tag_id, account_id, attached_by, attached_at)
       select o.id, t.tag, o.account_id, 'bench', o.ordered_at
       from orders o cross join lateral (
         select $2::uuid as tag where hashtext('vip' || o.id::text) % 50 = 0
         union all select $3::uuid where hashtext('gift' || o.id::text) % 20 = 0
         union all select $4::uuid where o.status in ('awaiting_confirmation', 'confirmed') and random() < 0.2
         union all select id from tags where account_id = $1 and system_code = 'unmapped_item'
           and o.status = 'awaiting_confirmation' and random() < 0.5
       ) t
       where o.account_id = $1`,
      [accountId, ...tagIds],
    );
  });
  await t.raw.query("analyze");
  return { accountId, apiToken, shopIds, tagIds, orders: count, seedMs: performance.now() - started };
}

/** What a kept database's seed was made by: this file's text and the order count. */
function fingerprint(count: number): string {
  const source = readFileSync(new URL(import.meta.url), "utf8");
  return createHash("sha256").update(`${count}\n${source}`).digest("hex").slice(0, 16);
}

type KeptSeed = { fingerprint: string; data: ListData };

/**
 * Before opening a kept database: drops it when its seed came from another count or another version of
 * this seeder, so that the seed that follows starts from nothing.
 */
export async function dropStaleKept(url: string, name: string, count: number): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      "select shobj_description(oid, 'pg_database') as note from pg_database where datname = $1",
      [name],
    );
    if (!rows.length) return;
    const kept = rows[0].note ? (JSON.parse(rows[0].note) as KeptSeed) : undefined;
    if (kept?.fingerprint !== fingerprint(count))
      await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

/** The seed a kept database already holds (the database's comment), else a new one recorded there. */
export async function keptListAccount(t: Target, name: string, count: number): Promise<ListData> {
  const { rows } = await t.raw.query(
    "select shobj_description(oid, 'pg_database') as note from pg_database where datname = $1",
    [name],
  );
  const note = rows[0]?.note ? (JSON.parse(String(rows[0].note)) as KeptSeed) : undefined;
  if (note?.fingerprint === fingerprint(count)) return { ...note.data, seedMs: 0 };
  const data = await seedListAccount(t, count);
  const kept: KeptSeed = { fingerprint: fingerprint(count), data };
  await t.raw.query(`comment on database ${name} is '${JSON.stringify(kept).replace(/'/g, "''")}'`);
  return data;
}

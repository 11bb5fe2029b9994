import { sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { type ImportPlan, type KnownCatalog, mappingKey } from "#server/domain/product-import.ts";

const rowsOf = async <T>(tx: Db, query: ReturnType<typeof sql>) =>
  ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
/** One array parameter (a bare array would become a list of parameters). */
const list = (values: readonly unknown[]) => sql.param(values);

/**
 * What a batch's lines match today, in two statements: the account's products of their SKUs, and the
 * shop's mappings of their item codes with the SKUs each one's components point at.
 */
export async function loadKnownCatalog(
  tx: Db,
  scope: { accountId: string; shopId: string },
  lines: readonly { sku: string; mallItemCode: string }[],
): Promise<KnownCatalog & { ids: Map<string, string> }> {
  const found = await rowsOf<{ id: string; sku: string; name: string }>(
    tx,
    sql`select id, sku, name from products
        where account_id = ${scope.accountId} and sku = any(${list([...new Set(lines.map((l) => l.sku))])}::text[])`,
  );
  const mapped = await rowsOf<{ item: string; code: string; skus: string[] }>(
    tx,
    sql`select m.mall_item_code as item, m.mall_sku_code as code, array_agg(p.sku order by p.sku) as skus
        from product_mappings m
        join product_mapping_components c on c.mapping_id = m.id
        join products p on p.id = c.product_id
        where m.shop_id = ${scope.shopId}
          and m.mall_item_code = any(${list([...new Set(lines.map((l) => l.mallItemCode))])}::text[])
        group by m.id`,
  );
  return {
    products: new Map(found.map((p) => [p.sku, { name: p.name }])),
    ids: new Map(found.map((p) => [p.sku, p.id])),
    mappings: new Map(mapped.map((m) => [mappingKey(m.item, m.code), m.skus])),
  };
}

/**
 * The plan written in two statements: products created or renamed in one upsert (the SKU is unique
 * per account), then the new mappings with their one component each. `ids` learns the new products.
 */
export async function savePlan(
  tx: Db,
  scope: { accountId: string; shopId: string; now: Date; newId: () => string },
  plan: ImportPlan,
  ids: Map<string, string>,
): Promise<void> {
  const upsert = [...plan.create, ...plan.rename];
  if (upsert.length) {
    const saved = await rowsOf<{ id: string; sku: string }>(
      tx,
      sql`insert into products (id, account_id, sku, name, created_at)
          select id, ${scope.accountId}::uuid, sku, name, ${scope.now.toISOString()}::timestamptz
          from unnest(${list(upsert.map(() => scope.newId()))}::uuid[], ${list(upsert.map((p) => p.sku))}::text[],
                      ${list(upsert.map((p) => p.name))}::text[]) as x(id, sku, name)
          on conflict (account_id, sku) do update set name = excluded.name
          returning id, sku`,
    );
    for (const p of saved) ids.set(p.sku, p.id);
  }
  if (plan.map.length === 0) return;
  const productIds = plan.map.map((m) => {
    const id = ids.get(m.sku);
    if (!id) throw new Error(`product ${m.sku} neither loaded nor created`);
    return id;
  });
  await tx.execute(sql`
    with x as (
      select * from unnest(${list(plan.map.map(() => scope.newId()))}::uuid[],
                           ${list(plan.map.map((m) => m.mallItemCode))}::text[],
                           ${list(plan.map.map((m) => m.mallSkuCode))}::text[],
                           ${list(productIds)}::uuid[]) as x(id, item, code, product_id)
    ), m as (
      insert into product_mappings (id, account_id, shop_id, mall_item_code, mall_sku_code, created_at)
      select id, ${scope.accountId}::uuid, ${scope.shopId}::uuid, item, code, ${scope.now.toISOString()}::timestamptz from x
      on conflict (shop_id, mall_item_code, mall_sku_code) do nothing
      returning id
    )
    insert into product_mapping_components (mapping_id, product_id, quantity)
    select m.id, x.product_id, 1 from m join x on x.id = m.id`);
}

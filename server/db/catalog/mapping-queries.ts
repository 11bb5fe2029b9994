import { and, asc, desc, eq, inArray, isNull, ne, type SQL, sql } from "drizzle-orm";
import { Refusal } from "#server/domain/refusal.ts";
import type { Db } from "../database.ts";
import { orderItems, orders, productMappingComponents, productMappings, products } from "../schema.ts";
import { likePattern } from "./product-queries.ts";

export type MappingView = {
  id: string;
  shopId: string;
  mallItemCode: string;
  /** null: the mapping covers the item whatever SKU the buyer chose. */
  mallSkuCode: string | null;
  components: { productId: string; sku: string; name: string; quantity: number }[];
};

type MappingRow = typeof productMappings.$inferSelect;

async function withComponents(db: Db, rows: readonly MappingRow[]): Promise<MappingView[]> {
  if (rows.length === 0) return [];
  const parts = await db
    .select({
      mappingId: productMappingComponents.mappingId,
      productId: productMappingComponents.productId,
      quantity: productMappingComponents.quantity,
      sku: products.sku,
      name: products.name,
    })
    .from(productMappingComponents)
    .innerJoin(products, eq(products.id, productMappingComponents.productId))
    .where(
      inArray(
        productMappingComponents.mappingId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(products.sku));
  return rows.map((m) => ({
    id: m.id,
    shopId: m.shopId,
    mallItemCode: m.mallItemCode,
    mallSkuCode: m.mallSkuCode === "" ? null : m.mallSkuCode,
    components: parts.filter((p) => p.mappingId === m.id).map(({ mappingId: _, ...component }) => component),
  }));
}

export async function findMappingView(db: Db, accountId: string, id: string): Promise<MappingView | null> {
  const rows = await db
    .select()
    .from(productMappings)
    .where(and(eq(productMappings.id, id), eq(productMappings.accountId, accountId)));
  const [view] = await withComponents(db, rows);
  return view ?? null;
}

export type MappingListQuery = {
  shopId?: string | undefined;
  q?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
};

type Cursor = [itemCode: string, skuCode: string, id: string];

/** 商品マッピング一覧, keyset-paged by mall item code; `q` searches the item and SKU codes. */
export async function listMappings(db: Db, accountId: string, query: MappingListQuery) {
  const limit = query.limit ?? 50;
  const where: SQL[] = [eq(productMappings.accountId, accountId)];
  if (query.shopId) where.push(eq(productMappings.shopId, query.shopId));
  if (query.q) {
    const p = likePattern(query.q);
    where.push(
      sql`(${productMappings.mallItemCode} ilike ${p} or ${productMappings.mallSkuCode} ilike ${p})`,
    );
  }
  const page: SQL[] = [];
  if (query.cursor) {
    const [item, sku, id] = decodeCursor(query.cursor);
    page.push(
      sql`(${productMappings.mallItemCode}, ${productMappings.mallSkuCode}, ${productMappings.id}) > (${item}, ${sku}, ${id})`,
    );
  }
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(productMappings)
      .where(and(...where, ...page))
      .orderBy(asc(productMappings.mallItemCode), asc(productMappings.mallSkuCode), asc(productMappings.id))
      .limit(limit + 1),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(productMappings)
      .where(and(...where)),
  ]);
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: await withComponents(db, shown),
    nextCursor:
      rows.length > limit && last
        ? Buffer.from(JSON.stringify([last.mallItemCode, last.mallSkuCode, last.id])).toString("base64url")
        : null,
    total: counted?.n ?? 0,
  };
}

function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (Array.isArray(c) && c.length === 3 && c.every((v) => typeof v === "string")) return c as Cursor;
  } catch {}
  throw new Refusal("validation.failed", "cursorが正しくありません。", {
    errors: [{ path: "cursor", message: "前の応答の nextCursor をそのまま指定してください" }],
  });
}

/**
 * 未マッピング: mall items of live orders that no mapping covers (the same SKU-then-item rule as
 * findMapping), the item most orders wait on first.
 */
export async function unmappedItems(
  db: Db,
  accountId: string,
  query: { shopId?: string | undefined; limit?: number | undefined },
) {
  const where: SQL[] = [
    eq(orders.accountId, accountId),
    isNull(orders.deletedAt),
    ne(orders.status, "cancelled"),
    sql`not exists (select 1 from ${productMappings} m where m.shop_id = ${orders.shopId}
      and m.mall_item_code = ${orderItems.mallItemCode} and m.mall_sku_code in (${orderItems.mallSkuCode}, ''))`,
  ];
  if (query.shopId) where.push(eq(orders.shopId, query.shopId));
  const orderCount = sql<number>`count(distinct ${orders.id})::int`;
  const rows = await db
    .select({
      shopId: orders.shopId,
      mallItemCode: orderItems.mallItemCode,
      mallSkuCode: orderItems.mallSkuCode,
      name: sql<string>`min(${orderItems.name})`,
      orderCount,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(and(...where))
    .groupBy(orders.shopId, orderItems.mallItemCode, orderItems.mallSkuCode)
    .orderBy(desc(orderCount), asc(orderItems.mallItemCode), asc(orderItems.mallSkuCode))
    .limit(query.limit ?? 50);
  return {
    items: rows.map(({ total: _, ...r }) => ({
      ...r,
      mallSkuCode: r.mallSkuCode === "" ? null : r.mallSkuCode,
    })),
    total: rows[0]?.total ?? 0,
  };
}

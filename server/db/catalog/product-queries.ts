import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { allocations, products, shipments, stock, warehouses } from "../schema.ts";

export type StockView = {
  warehouseId: string;
  warehouseName: string;
  onHand: number;
  allocated: number;
  available: number;
  /** Units the shipments still 在庫引当中 lack: what waiting orders need on top of 有効在庫. */
  waitingNeed: number;
};
type ProductRow = { id: string; sku: string; name: string; shippingService: string; temperature: string };
export type ProductView = ProductRow & { stock: StockView[] };

/** What a product shows besides its stock: the columns every product query reads. */
const productColumns = {
  id: products.id,
  sku: products.sku,
  name: products.name,
  shippingService: products.shippingService,
  temperature: products.temperature,
};

/** Counting stops here, as for orders: an exact count of a huge filter is what makes a list slow. */
const COUNT_CAP = 10_000;

export async function accountWarehouses(db: Db, accountId: string) {
  return db
    .select({ id: warehouses.id, name: warehouses.name })
    .from(warehouses)
    .where(eq(warehouses.accountId, accountId))
    .orderBy(asc(warehouses.createdAt), asc(warehouses.id));
}

/** Each product with a line per warehouse of the account, zeros where nothing was ever stocked. */
export async function withStock(
  db: Db,
  accountId: string,
  rows: readonly ProductRow[],
): Promise<ProductView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [houses, levels, needs] = await Promise.all([
    accountWarehouses(db, accountId),
    db.select().from(stock).where(inArray(stock.productId, ids)),
    db
      .select({
        productId: allocations.productId,
        warehouseId: allocations.warehouseId,
        missing: sql<number>`sum(${allocations.required} - ${allocations.allocated})::int`,
      })
      .from(allocations)
      .innerJoin(shipments, eq(shipments.id, allocations.shipmentId))
      .where(
        and(
          inArray(allocations.productId, ids),
          sql`${allocations.allocated} < ${allocations.required}`,
          eq(shipments.status, "allocating"),
        ),
      )
      .groupBy(allocations.productId, allocations.warehouseId),
  ]);
  return rows.map((p) => ({
    ...p,
    stock: houses.map((w) => {
      const s = levels.find((l) => l.productId === p.id && l.warehouseId === w.id);
      const onHand = s?.onHand ?? 0;
      const allocated = s?.allocated ?? 0;
      const waitingNeed = needs.find((n) => n.productId === p.id && n.warehouseId === w.id)?.missing ?? 0;
      return {
        warehouseId: w.id,
        warehouseName: w.name,
        onHand,
        allocated,
        available: onHand - allocated,
        waitingNeed,
      };
    }),
  }));
}

export async function findProduct(db: Db, accountId: string, productId: string): Promise<ProductView | null> {
  const rows = await db
    .select(productColumns)
    .from(products)
    .where(and(eq(products.id, productId), eq(products.accountId, accountId)));
  const [view] = await withStock(db, accountId, rows);
  return view ?? null;
}

export type ProductListQuery = {
  q?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
};

export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** 商品一覧: keyset-paged by SKU (unique per account, so the SKU alone is the cursor). */
export async function listProducts(db: Db, accountId: string, query: ProductListQuery) {
  const limit = query.limit ?? 50;
  const where: SQL[] = [eq(products.accountId, accountId)];
  if (query.q) {
    const p = likePattern(query.q);
    where.push(sql`(${products.sku} ilike ${p} or ${products.name} ilike ${p})`);
  }
  const filtered = and(...where);
  const after =
    query.cursor === undefined
      ? []
      : [sql`${products.sku} > ${Buffer.from(query.cursor, "base64url").toString("utf8")}`];
  const [rows, counted] = await Promise.all([
    db
      .select(productColumns)
      .from(products)
      .where(and(filtered, ...after))
      .orderBy(asc(products.sku))
      .limit(limit + 1),
    db.execute<{ n: number }>(
      sql`select count(*)::int as n from (select 1 from ${products} where ${filtered} limit ${COUNT_CAP + 1}) capped`,
    ),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const n = Number((counted as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
  return {
    items: await withStock(db, accountId, page),
    nextCursor: rows.length > limit && last ? Buffer.from(last.sku).toString("base64url") : null,
    total: Math.min(n, COUNT_CAP),
    totalCapped: n > COUNT_CAP,
  };
}

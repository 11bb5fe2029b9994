import { and, desc, eq, lt, type SQL, sql } from "drizzle-orm";
import { STOCK_MOVEMENT_KINDS, type StockMovementKind } from "#server/domain/stock-movement.ts";
import { actorNameSql } from "../actor-names.ts";
import type { Db } from "../database.ts";
import { orders, products, stockMovements, warehouses } from "../schema.ts";

export type StockMovementQuery = {
  warehouseId?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
};

/**
 * 在庫履歴 of one product of the account, newest first, keyset-paged by id (the order they were
 * written in); null when the product is not the account's.
 */
export async function listStockMovements(
  db: Db,
  accountId: string,
  productId: string,
  query: StockMovementQuery,
) {
  const [product] = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.id, productId), eq(products.accountId, accountId)));
  if (!product) return null;
  const limit = query.limit ?? 50;
  const where: (SQL | undefined)[] = [
    eq(stockMovements.productId, productId),
    eq(stockMovements.accountId, accountId),
  ];
  if (query.warehouseId) where.push(eq(stockMovements.warehouseId, query.warehouseId));
  if (query.cursor) where.push(lt(stockMovements.id, Number(query.cursor)));
  const rows = await db
    .select({
      id: stockMovements.id,
      at: stockMovements.at,
      kind: stockMovements.kind,
      warehouseId: stockMovements.warehouseId,
      warehouseName: warehouses.name,
      onHandDelta: stockMovements.onHandDelta,
      allocatedDelta: stockMovements.allocatedDelta,
      orderId: stockMovements.orderId,
      mallOrderNumber: orders.mallOrderNumber,
      shipmentId: stockMovements.shipmentId,
      actor: stockMovements.actor,
      actorName: sql<
        string | null
      >`${sql.raw(actorNameSql('"stock_movements"."actor"', '"stock_movements"."account_id"'))}`,
    })
    .from(stockMovements)
    .innerJoin(warehouses, eq(warehouses.id, stockMovements.warehouseId))
    .leftJoin(orders, eq(orders.id, stockMovements.orderId))
    .where(and(...where))
    .orderBy(desc(stockMovements.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ orderId, mallOrderNumber, ...m }) => ({
      ...m,
      kindLabel: STOCK_MOVEMENT_KINDS[m.kind as StockMovementKind],
      order: orderId ? { id: orderId, mallOrderNumber: mallOrderNumber ?? "" } : null,
    })),
    nextCursor: rows.length > limit && last ? String(last.id) : null,
  };
}

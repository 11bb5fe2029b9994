import { asc, inArray, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import type { LoadedOrder } from "#server/db/orders/order-queries.ts";
import { allocations, stock } from "#server/db/schema.ts";

type StockKey = { productId: string; warehouseId: string };

/**
 * Locks, in one statement and in product order, every stock row these orders may draw on: what they
 * already hold and what their items map to now (a set item draws on several). A transaction that
 * allocates several orders otherwise takes rows in the order the orders come, and two of them — or one
 * and a single order's allocation, which goes in product order — can each hold the row the other wants.
 */
export async function lockStockFor(
  tx: Db,
  orders: readonly LoadedOrder[],
  also: readonly StockKey[] = [],
): Promise<(typeof stock.$inferSelect)[]> {
  const live = orders.flatMap((o) =>
    o.shipments.filter((s) => s.status === "allocating" || s.status === "allocated").map((s) => ({ o, s })),
  );
  const mapped = live.flatMap(({ o, s }) =>
    o.items.flatMap(
      (i) => i.mapping?.components.map((c) => ({ productId: c.productId, warehouseId: s.warehouseId })) ?? [],
    ),
  );
  const held = live.length
    ? await tx
        .selectDistinct({ productId: allocations.productId, warehouseId: allocations.warehouseId })
        .from(allocations)
        .where(
          inArray(
            allocations.shipmentId,
            live.map(({ s }) => s.id),
          ),
        )
    : [];
  const keys = new Map([...also, ...mapped, ...held].map((k) => [`${k.productId}/${k.warehouseId}`, k]));
  if (keys.size === 0) return [];
  const rows = [...keys.values()].map((k) => sql`(${k.productId}::uuid, ${k.warehouseId}::uuid)`);
  return tx
    .select()
    .from(stock)
    .where(sql`(${stock.productId}, ${stock.warehouseId}) in (${sql.join(rows, sql`, `)})`)
    .orderBy(asc(stock.productId), asc(stock.warehouseId))
    .for("update");
}

import { and, asc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import type { LoadedOrder } from "#server/db/order-queries.ts";
import { allocations, orders, shipments, stock } from "#server/db/schema.ts";
import { productRequirements, takeFromStock } from "#server/domain/allocation.ts";
import { recordStockMovements, type StockMovement } from "./stock-movements.ts";

type Meta = { actor: string; now: Date };

/**
 * 引当: reserves stock for each live shipment of the order. Rows are locked in product order so two
 * transactions never wait on each other in a circle; the stock row lock is what makes two orders
 * racing for the last unit take turns. Returns, per shipment, whether it is now fully allocated.
 */
export async function allocateOrder(tx: Db, loaded: LoadedOrder, meta: Meta): Promise<Map<string, boolean>> {
  const result = new Map<string, boolean>();
  const taken: Omit<StockMovement, "accountId">[] = [];
  const mappings = loaded.items.flatMap((i) => (i.mapping ? [i.mapping] : []));
  for (const shipment of loaded.shipments) {
    if (shipment.status !== "allocating" && shipment.status !== "allocated") continue;
    // Each shipment (送付先) reserves for its own lines only.
    const lines = loaded.items
      .filter((i) => i.shipmentId === shipment.id)
      .map((i) => ({ mallItemCode: i.mallItemCode, mallSkuCode: i.mallSkuCode, quantity: i.quantity }));
    const need = productRequirements(lines, mappings);
    if (!need) {
      result.set(shipment.id, false);
      continue;
    }
    const wanted = [...need.entries()].sort(([a], [b]) => a.localeCompare(b));
    if (wanted.length > 0) {
      await tx
        .insert(allocations)
        .values(
          wanted.map(([productId, required]) => ({
            shipmentId: shipment.id,
            productId,
            accountId: loaded.row.accountId,
            warehouseId: shipment.warehouseId,
            required,
            orderedAt: loaded.row.orderedAt,
          })),
        )
        .onConflictDoNothing();
    }
    result.set(shipment.id, await fillShipment(tx, shipment.id, taken));
  }
  await recordStockMovements(
    tx,
    taken.map((m) => ({ ...m, accountId: loaded.row.accountId, orderId: loaded.row.id })),
    meta,
  );
  return result;
}

/**
 * Tops up a shipment's allocations from available stock; true when nothing is missing any more.
 * Each unit taken is added to `taken`, the 引当 movements the caller records.
 */
async function fillShipment(
  tx: Db,
  shipmentId: string,
  taken: Omit<StockMovement, "accountId">[],
): Promise<boolean> {
  const rows = await tx
    .select()
    .from(allocations)
    .where(eq(allocations.shipmentId, shipmentId))
    .orderBy(asc(allocations.productId));
  let complete = true;
  for (const a of rows) {
    const missing = a.required - a.allocated;
    if (missing === 0) continue;
    const [s] = await tx
      .select()
      .from(stock)
      .where(and(eq(stock.productId, a.productId), eq(stock.warehouseId, a.warehouseId)))
      .for("update");
    const take = s ? takeFromStock(missing, s.onHand, s.allocated) : 0;
    if (take > 0) {
      await tx
        .update(stock)
        .set({ allocated: sql`${stock.allocated} + ${take}` })
        .where(and(eq(stock.productId, a.productId), eq(stock.warehouseId, a.warehouseId)));
      await tx
        .update(allocations)
        .set({ allocated: a.allocated + take })
        .where(and(eq(allocations.shipmentId, shipmentId), eq(allocations.productId, a.productId)));
      taken.push({
        productId: a.productId,
        warehouseId: a.warehouseId,
        kind: "allocate",
        allocatedDelta: take,
        shipmentId,
      });
    }
    if (take < missing) complete = false;
  }
  return complete;
}

/** Gives back what a shipment holds (cancel with 在庫戻し on); returns the products given back. */
export async function releaseShipment(
  tx: Db,
  order: { id: string; accountId: string },
  shipmentId: string,
  meta: Meta,
): Promise<string[]> {
  const rows = await tx
    .select()
    .from(allocations)
    .where(and(eq(allocations.shipmentId, shipmentId), gt(allocations.allocated, 0)))
    .orderBy(asc(allocations.productId));
  for (const a of rows) {
    await tx
      .update(stock)
      .set({ allocated: sql`${stock.allocated} - ${a.allocated}` })
      .where(and(eq(stock.productId, a.productId), eq(stock.warehouseId, a.warehouseId)));
  }
  await tx.delete(allocations).where(eq(allocations.shipmentId, shipmentId));
  await recordStockMovements(
    tx,
    rows.map((a) => ({
      accountId: order.accountId,
      productId: a.productId,
      warehouseId: a.warehouseId,
      kind: "release",
      allocatedDelta: -a.allocated,
      orderId: order.id,
      shipmentId,
    })),
    meta,
  );
  return rows.map((a) => a.productId);
}

/** Orders still short of a product at a warehouse, oldest order first (who gets newly arrived stock). */
export async function ordersWaitingFor(
  tx: Db,
  productIds: readonly string[],
  warehouseId: string,
): Promise<string[]> {
  if (productIds.length === 0) return [];
  const rows = await tx
    .selectDistinct({ orderId: orders.id, orderedAt: allocations.orderedAt })
    .from(allocations)
    .innerJoin(shipments, eq(shipments.id, allocations.shipmentId))
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(
      and(
        inArray(allocations.productId, [...productIds]),
        eq(allocations.warehouseId, warehouseId),
        lt(allocations.allocated, allocations.required),
        eq(orders.status, "confirmed"),
      ),
    )
    .orderBy(asc(allocations.orderedAt), asc(orders.id));
  return rows.map((r) => r.orderId);
}

import { and, asc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { jsonRows } from "#server/db/orders/json-rows.ts";
import type { LoadedOrder } from "#server/db/orders/order-queries.ts";
import { allocations, orders, shipments, stock } from "#server/db/schema.ts";
import { productRequirements, takeFromStock } from "#server/domain/allocation.ts";
import type { OrderBatch } from "../orders/order-batch.ts";
import { recordStockMovements } from "./stock-movements.ts";

type Meta = { actor: string; now: Date };

type Held = { onHand: number; allocated: number };

/**
 * 引当 for many orders at once: reserves stock for each live shipment, order after order, in memory
 * against the stock rows read FOR UPDATE in one statement (product order, so two transactions never
 * wait on each other in a circle — the row lock is what makes two orders racing for the last unit take
 * turns). The allocations, stock and 在庫履歴 are recorded into the batch's writes, the stock row
 * written last. Answers, per order, per shipment, whether it is now fully allocated.
 */
export async function allocateOrders(
  batch: OrderBatch,
  loaded: readonly LoadedOrder[],
): Promise<Map<string, boolean>[]> {
  const { tx, writes, meta } = batch;
  const live = (o: LoadedOrder) =>
    o.shipments.filter((s) => s.status === "allocating" || s.status === "allocated");
  const heldBefore = await existingAllocations(
    tx,
    loaded.flatMap((o) => live(o).map((s) => s.id)).filter((id) => !writes.createdShipments.has(id)),
  );
  const needs = loaded.map((order) => {
    const mappings = order.items.flatMap((i) => (i.mapping ? [i.mapping] : []));
    return live(order).map((shipment) => {
      // Each shipment (送付先) reserves for its own lines only.
      const lines = order.items
        .filter((i) => i.shipmentId === shipment.id)
        .map((i) => ({ mallItemCode: i.mallItemCode, mallSkuCode: i.mallSkuCode, quantity: i.quantity }));
      const need = productRequirements(lines, mappings);
      if (!need) return { shipment, rows: null };
      const rows = new Map(
        heldBefore.filter((a) => a.shipmentId === shipment.id).map((a) => [a.productId, a]),
      );
      for (const [productId, required] of need) {
        if (!rows.has(productId))
          rows.set(productId, {
            shipmentId: shipment.id,
            productId,
            accountId: order.row.accountId,
            warehouseId: shipment.warehouseId,
            required,
            allocated: 0,
            orderedAt: order.row.orderedAt,
          });
      }
      return { shipment, rows: [...rows.values()].sort((a, b) => a.productId.localeCompare(b.productId)) };
    });
  });
  const levels = await lockStock(
    tx,
    needs.flatMap((n) => n.flatMap((s) => s.rows?.filter((a) => a.allocated < a.required) ?? [])),
  );
  return loaded.map((order, index) => {
    const result = new Map<string, boolean>();
    for (const { shipment, rows } of needs[index] ?? []) {
      if (!rows) {
        result.set(shipment.id, false);
        continue;
      }
      let complete = true;
      for (const a of rows) {
        const missing = a.required - a.allocated;
        const held = levels.get(`${a.productId}:${a.warehouseId}`);
        const take = missing > 0 && held ? takeFromStock(missing, held.onHand, held.allocated) : 0;
        if (held) held.allocated += take;
        if (take > 0 || !heldBefore.includes(a))
          writes.recordAllocation({ ...a, allocated: a.allocated + take }, take, {
            accountId: order.row.accountId,
            orderId: order.row.id,
            actor: meta.actor,
            at: meta.now,
          });
        if (take < missing) complete = false;
      }
      result.set(shipment.id, complete);
    }
    return result;
  });
}

async function existingAllocations(tx: Db, shipmentIds: readonly string[]) {
  if (shipmentIds.length === 0) return [];
  return tx
    .select()
    .from(allocations)
    .where(inArray(allocations.shipmentId, [...shipmentIds]));
}

/** The stock rows the allocations draw on, locked in product order, as the batch's last read. */
async function lockStock(
  tx: Db,
  wanted: readonly { productId: string; warehouseId: string }[],
): Promise<Map<string, Held>> {
  const keys = [...new Map(wanted.map((w) => [`${w.productId}:${w.warehouseId}`, w])).values()];
  if (keys.length === 0) return new Map();
  const rows = await tx
    .select({
      productId: stock.productId,
      warehouseId: stock.warehouseId,
      onHand: stock.onHand,
      allocated: stock.allocated,
    })
    .from(stock)
    .where(
      sql`(${stock.productId}, ${stock.warehouseId}) in (select product_id, warehouse_id from ${jsonRows(stock, keys).source})`,
    )
    .orderBy(asc(stock.productId), asc(stock.warehouseId))
    .for("update");
  return new Map(
    rows.map((r) => [`${r.productId}:${r.warehouseId}`, { onHand: r.onHand, allocated: r.allocated }]),
  );
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

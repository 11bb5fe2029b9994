import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
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

/**
 * Gives back what the shipments hold (cancel with 在庫戻し on), with a handful of statements whatever
 * their number: the stock rows locked in product order, then written once each. Answers the products
 * each shipment gave back.
 */
export async function releaseShipments(
  tx: Db,
  held: readonly { order: { id: string; accountId: string }; shipmentId: string }[],
  meta: Meta,
): Promise<Map<string, string[]>> {
  const released = new Map<string, string[]>();
  const rows = await existingAllocations(
    tx,
    held.map((h) => h.shipmentId),
  );
  if (rows.length === 0) return released;
  const given = rows.filter((a) => a.allocated > 0).sort((a, b) => a.productId.localeCompare(b.productId));
  const deltas = new Map<string, { productId: string; warehouseId: string; allocated: number }>();
  for (const a of given) {
    const key = `${a.productId}:${a.warehouseId}`;
    const delta = deltas.get(key) ?? { productId: a.productId, warehouseId: a.warehouseId, allocated: 0 };
    delta.allocated += a.allocated;
    deltas.set(key, delta);
    released.set(a.shipmentId, [...(released.get(a.shipmentId) ?? []), a.productId]);
  }
  if (deltas.size > 0) {
    await lockStock(tx, [...deltas.values()]);
    await tx.execute(sql`update ${stock} s set allocated = s.allocated - v.allocated
      from ${jsonRows(stock, [...deltas.values()]).source} v
      where s.product_id = v.product_id and s.warehouse_id = v.warehouse_id`);
  }
  await tx
    .delete(allocations)
    .where(inArray(allocations.shipmentId, [...new Set(rows.map((a) => a.shipmentId))]));
  const orderOf = new Map(held.map((h) => [h.shipmentId, h.order]));
  await recordStockMovements(
    tx,
    given.flatMap((a) => {
      const order = orderOf.get(a.shipmentId);
      if (!order) return [];
      return [
        {
          accountId: order.accountId,
          productId: a.productId,
          warehouseId: a.warehouseId,
          kind: "release" as const,
          allocatedDelta: -a.allocated,
          orderId: order.id,
          shipmentId: a.shipmentId,
        },
      ];
    }),
    meta,
  );
  return released;
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

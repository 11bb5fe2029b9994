import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { type LoadedOrder, loadOrder, saveDecision } from "#server/db/orders/order-queries.ts";
import { allocations, orderItems, shipments } from "#server/db/schema.ts";
import { splitRefusal } from "#server/domain/consolidation.ts";
import { setShipmentAllocated } from "#server/domain/order.ts";
import type { ShippingStatus } from "#server/domain/order-status.ts";
import { notFound } from "#server/domain/refusal.ts";
import { type Actor, type AppContext, actorLabel } from "../context.ts";
import { followStockShortage } from "../orders/order-holds.ts";
import { progressOrder } from "../orders/progress-order.ts";

/**
 * 分割出荷: the chosen lines leave in a shipment of their own. What was reserved for them moves with
 * them, so a fully allocated shipment splits into two fully allocated ones and neither waits again.
 */
export async function splitShipment(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  orderId: string,
  shipmentId: string,
  itemIds: readonly string[],
): Promise<{ shipmentId: string }> {
  const meta = { actor: actorLabel(actor), now: ctx.clock.now() };
  return ctx.db.transaction(async (tx) => {
    const order = await loadOrder(tx, accountId, orderId, { lock: true });
    if (!order) throw notFound("order", "注文");
    const shipment = order.shipments.find((s) => s.id === shipmentId);
    if (!shipment) throw notFound("shipment", "出荷");
    const lines = order.items.filter((i) => i.shipmentId === shipmentId);
    const refusal = splitRefusal({
      status: shipment.status as ShippingStatus,
      consolidated: shipment.consolidationId !== null,
      linesInShipment: lines.map((i) => i.id),
      linesToMove: itemIds,
    });
    if (refusal) throw refusal;
    const newId = ctx.newId();
    await tx.insert(shipments).values({
      id: newId,
      orderId,
      accountId,
      warehouseId: shipment.warehouseId,
      status: shipment.status,
      mallPackageId: shipment.mallPackageId,
      shipTo: shipment.shipTo,
      requestDueAt: shipment.requestDueAt,
      calendarShipDate: shipment.calendarShipDate,
      expectedDeliveryDate: shipment.expectedDeliveryDate,
      // What the products' 配送条件 gave the parcel stays with both halves.
      carrier: shipment.carrier,
      productLeadDays: shipment.productLeadDays,
    });
    await tx
      .update(orderItems)
      .set({ shipmentId: newId })
      .where(and(eq(orderItems.orderId, orderId), inArray(orderItems.id, [...itemIds])));
    await moveAllocations(tx, order, shipmentId, newId, new Set(itemIds));
    let current = await loadOrder(tx, accountId, orderId, { lock: true });
    if (!current) throw notFound("order", "注文");
    current = await saveDecision(
      tx,
      current,
      {
        order: current.snapshot,
        events: [
          {
            type: "shipment_split",
            message: `出荷を分割しました(${itemIds.length}明細を新しい出荷へ)`,
            detail: { shipmentId, newShipmentId: newId },
          },
        ],
      },
      meta,
    );
    // A test-imported order holds no stock, so neither half is ever 引当済.
    if (shipment.status === "allocating" && !current.row.testImport) {
      for (const id of [shipmentId, newId]) {
        const rows = await tx.select().from(allocations).where(eq(allocations.shipmentId, id));
        const full = rows.every((a) => a.allocated === a.required);
        current = await saveDecision(tx, current, setShipmentAllocated(current.snapshot, id, full), meta);
      }
      current = await followStockShortage(tx, current, meta);
      current = await progressOrder(tx, ctx, current, meta);
    }
    if (shipment.status === "awaiting_shipment") {
      await ctx.jobs.enqueue(
        tx,
        "shipment-request",
        { shipmentId: newId },
        { ...(shipment.requestDueAt ? { startAfter: shipment.requestDueAt } : {}), singletonKey: newId },
      );
    }
    return { shipmentId: newId };
  });
}

/** Each product's requirement and reservation divided between the two shipments by their lines. */
async function moveAllocations(
  tx: Db,
  order: LoadedOrder,
  fromId: string,
  toId: string,
  moved: ReadonlySet<string>,
): Promise<void> {
  const need = new Map<string, number>();
  for (const item of order.items.filter((i) => moved.has(i.id))) {
    for (const c of item.mapping?.components ?? []) {
      need.set(c.productId, (need.get(c.productId) ?? 0) + c.quantity * item.quantity);
    }
  }
  const rows = await tx.select().from(allocations).where(eq(allocations.shipmentId, fromId));
  for (const a of rows) {
    const required = need.get(a.productId) ?? 0;
    if (required === 0) continue;
    const allocated = Math.min(a.allocated, required);
    await tx.insert(allocations).values({ ...a, shipmentId: toId, required, allocated });
    const left = { required: a.required - required, allocated: a.allocated - allocated };
    const where = and(eq(allocations.shipmentId, fromId), eq(allocations.productId, a.productId));
    if (left.required === 0) await tx.delete(allocations).where(where);
    else await tx.update(allocations).set(left).where(where);
  }
}

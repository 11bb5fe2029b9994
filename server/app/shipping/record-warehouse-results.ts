import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { type LoadedOrder, loadOrder, saveDecision } from "#server/db/orders/order-queries.ts";
import { shipments, warehouses } from "#server/db/schema.ts";
import { systemTag } from "#server/db/shops/shop-reads.ts";
import { describeParcels, type ShippedParcel } from "#server/domain/carrier.ts";
import { trackingKeysOf } from "#server/domain/order-search.ts";
import { attachTag } from "#server/domain/order-tagging.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { acceptShipmentRequest, markUnshippable, recordShipped } from "#server/domain/shipment.ts";
import { tokyoMidnight } from "#server/domain/tokyo-time.ts";
import type { WarehouseResult } from "#server/ports/warehouse.ts";
import { enqueueMallShippingReport } from "../channels/report-shipping.ts";
import type { AppContext } from "../context.ts";
import { shipStock } from "../stock/ship-stock.ts";
import { dissolveConsolidation } from "./shipment-group.ts";
import { warehouseClientOf } from "./warehouse-client.ts";

/**
 * The warehouse-results job: reads 出荷実績 since the saved cursor, records each result on every
 * shipment of its parcel, then saves the cursor. A crash before the cursor is saved reads the page
 * again, and a result already recorded changes nothing.
 */
export async function pollWarehouseResults(ctx: AppContext, warehouseId: string): Promise<number> {
  const [warehouse] = await ctx.db.select().from(warehouses).where(eq(warehouses.id, warehouseId));
  if (!warehouse) return 0;
  const { results, cursor } = await warehouseClientOf(ctx, warehouse).fetchResults(warehouse.resultsCursor);
  for (const result of results) await recordWarehouseResult(ctx, warehouseId, result);
  await ctx.db
    .update(warehouses)
    .set({ resultsCursor: cursor, resultsPolledAt: ctx.clock.now() })
    .where(eq(warehouses.id, warehouseId));
  return results.length;
}

/** One 出荷実績 on every shipment it covers (several when merged, 同梱), each order in its own transaction. */
export async function recordWarehouseResult(
  ctx: AppContext,
  warehouseId: string,
  result: WarehouseResult,
): Promise<void> {
  const ids = await shipmentsOfResult(ctx.db, warehouseId, result);
  const meta = { actor: "system:warehouse-results", now: ctx.clock.now() };
  for (const id of ids) {
    await ctx.db.transaction(async (tx) => {
      const [s] = await tx
        .select({ orderId: shipments.orderId, accountId: shipments.accountId })
        .from(shipments)
        .where(eq(shipments.id, id));
      const order = s ? await loadOrder(tx, s.accountId, s.orderId, { lock: true }) : null;
      if (!order) return;
      if (result.outcome === "shipped") await recordShippedResult(tx, ctx, order, id, result, meta);
      else await recordUnshippableResult(tx, ctx, order, id, result, meta);
    });
  }
}

async function shipmentsOfResult(db: Db, warehouseId: string, result: WarehouseResult): Promise<string[]> {
  const byReference = await db
    .select({ id: shipments.id })
    .from(shipments)
    .where(
      and(
        eq(shipments.warehouseId, warehouseId),
        eq(shipments.warehouseReference, result.warehouseReference),
      ),
    );
  if (byReference.length > 0) return byReference.map((s) => s.id);
  // The answer to the request was lost in a crash and its retry has not run yet: the slip number still
  // names the parcel, so the result is not skipped when the cursor moves past it.
  const bySlip = await db
    .select({ id: shipments.id, consolidationId: shipments.consolidationId })
    .from(shipments)
    .where(
      and(
        eq(shipments.warehouseId, warehouseId),
        eq(shipments.slipNumber, result.slipNumber),
        inArray(shipments.status, ["awaiting_shipment", "shipping"]),
      ),
    );
  const lead = bySlip[0];
  if (!lead) {
    console.warn(`warehouse ${warehouseId}: result for unknown request ${result.warehouseReference}`);
    return [];
  }
  if (!lead.consolidationId) return [lead.id];
  const group = await db
    .select({ id: shipments.id })
    .from(shipments)
    .where(eq(shipments.consolidationId, lead.consolidationId));
  return group.map((s) => s.id);
}

async function recordShippedResult(
  tx: Db,
  ctx: AppContext,
  order: LoadedOrder,
  shipmentId: string,
  result: Extract<WarehouseResult, { outcome: "shipped" }>,
  meta: { actor: string; now: Date },
): Promise<void> {
  const accepted = await acceptedFirst(tx, order, shipmentId, result, meta);
  const shipment = accepted.shipments.find((s) => s.id === shipmentId);
  const decision = recordShipped(accepted.snapshot, shipmentId, describeParcels(result.parcels));
  if (shipment?.status === "shipping") {
    const parcels: ShippedParcel[] = result.parcels.map((p) => ({ ...p, mallShippingId: null }));
    await tx
      .update(shipments)
      .set({ parcels, trackingKeys: trackingKeysOf(parcels), shippedAt: tokyoMidnight(result.shippedOn) })
      .where(eq(shipments.id, shipmentId));
  }
  const saved = await saveDecision(tx, accepted, decision, meta);
  if (saved.snapshot.status === "shipped" && accepted.snapshot.status !== "shipped") {
    await enqueueMallShippingReport(tx, ctx, saved.row.id);
  }
  // Stock rows last: every transaction locks the order before any stock row.
  if (shipment?.status === "shipping") await shipStock(tx, [shipmentId], meta);
}

async function recordUnshippableResult(
  tx: Db,
  ctx: AppContext,
  order: LoadedOrder,
  shipmentId: string,
  result: Extract<WarehouseResult, { outcome: "unshippable" }>,
  meta: { actor: string; now: Date },
): Promise<void> {
  const accepted = await acceptedFirst(tx, order, shipmentId, result, meta);
  if (accepted.shipments.find((s) => s.id === shipmentId)?.status !== "shipping") return;
  const why = `倉庫が出荷できませんでした(${result.code}: ${result.reason})`;
  await tx.update(shipments).set({ unshippableReason: why }).where(eq(shipments.id, shipmentId));
  const stopped = await saveDecision(tx, accepted, markUnshippable(accepted.snapshot, shipmentId, why), meta);
  const tagged = attachTag(
    stopped.snapshot,
    await systemTag(tx, order.row.accountId, "warehouse_unshippable"),
    "system",
  );
  if (!(tagged instanceof Refusal)) await saveDecision(tx, stopped, tagged, meta);
  await dissolveConsolidation(tx, ctx, shipmentId, meta);
}

/**
 * A result for a parcel whose request answer was lost (the job crashed after sending): the result is
 * the warehouse's word that it took the request, so that is recorded first.
 */
async function acceptedFirst(
  tx: Db,
  order: LoadedOrder,
  shipmentId: string,
  result: WarehouseResult,
  meta: { actor: string; now: Date },
): Promise<LoadedOrder> {
  const shipment = order.shipments.find((s) => s.id === shipmentId);
  if (shipment?.status !== "awaiting_shipment") return order;
  await tx
    .update(shipments)
    .set({ requestedAt: meta.now, warehouseReference: result.warehouseReference })
    .where(eq(shipments.id, shipmentId));
  return saveDecision(tx, order, acceptShipmentRequest(order.snapshot, shipmentId), meta);
}

import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { type LoadedOrder, loadOrders } from "#server/db/orders/order-queries.ts";
import { shipments, warehouses } from "#server/db/schema.ts";
import { describeParcels, type ShippedParcel } from "#server/domain/carrier.ts";
import { trackingKeysOf } from "#server/domain/order-search.ts";
import { attachTag } from "#server/domain/order-tagging.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { acceptShipmentRequest, markUnshippable, recordShipped } from "#server/domain/shipment.ts";
import { tokyoMidnight } from "#server/domain/tokyo-time.ts";
import type { WarehouseResult } from "#server/ports/warehouse.ts";
import { mallShippingReportJob } from "../channels/report-shipping.ts";
import type { AppContext } from "../context.ts";
import { OrderBatch } from "../orders/order-batch.ts";
import { shipStock } from "../stock/ship-stock.ts";
import { dissolveConsolidation } from "./shipment-group.ts";
import { warehouseClientOf } from "./warehouse-client.ts";

/** Results recorded in one transaction: a poll reads up to thousands, its pages hold 500. */
const RESULTS_PER_TRANSACTION = 500;

/**
 * The warehouse-results job: reads 出荷実績 since the saved cursor, records each result on every
 * shipment of its parcel, and saves the cursor with the last of them. A crash before the cursor is
 * saved reads the page again, and a result already recorded changes nothing.
 */
export async function pollWarehouseResults(ctx: AppContext, warehouseId: string): Promise<number> {
  const [warehouse] = await ctx.db.select().from(warehouses).where(eq(warehouses.id, warehouseId));
  if (!warehouse) return 0;
  const { results, cursor } = await warehouseClientOf(ctx, warehouse).fetchResults(warehouse.resultsCursor);
  await recordWarehouseResults(ctx, warehouseId, results, async (tx) => {
    await tx
      .update(warehouses)
      .set({ resultsCursor: cursor, resultsPolledAt: ctx.clock.now() })
      .where(eq(warehouses.id, warehouseId));
  });
  return results.length;
}

/**
 * 出荷実績 on every shipment they cover (several when merged, 同梱), hundreds of results in one
 * transaction: their shipments and orders read at once, decided in memory, written together, the stock
 * of what shipped last. `then` runs in the transaction of the last results. A batch that fails is
 * recorded result by result; a result that fails alone fails the call, so nothing after it is taken as read.
 */
export async function recordWarehouseResults(
  ctx: AppContext,
  warehouseId: string,
  results: readonly WarehouseResult[],
  then: (tx: Db) => Promise<void> = async () => {},
): Promise<void> {
  const parts: WarehouseResult[][] = [];
  for (let i = 0; i < results.length; i += RESULTS_PER_TRANSACTION)
    parts.push(results.slice(i, i + RESULTS_PER_TRANSACTION));
  if (parts.length === 0) parts.push([]);
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    try {
      await ctx.db.transaction(async (tx) => {
        await recordTogether(tx, ctx, warehouseId, part);
        if (last) await then(tx);
      });
    } catch (error) {
      if (part.length < 2) throw error;
      for (const result of part)
        await ctx.db.transaction((tx) => recordTogether(tx, ctx, warehouseId, [result]));
      if (last) await ctx.db.transaction(then);
    }
  }
}

type Meta = { actor: string; now: Date };

async function recordTogether(
  tx: Db,
  ctx: AppContext,
  warehouseId: string,
  results: readonly WarehouseResult[],
): Promise<void> {
  if (results.length === 0) return;
  const meta = { actor: "system:warehouse-results", now: ctx.clock.now() };
  const covered = await shipmentsOfResults(tx, warehouseId, results);
  const orders = new Map(
    (await loadOrders(tx, [...new Set(covered.flat().map((s) => s.orderId))])).map((o) => [o.row.id, o]),
  );
  const batch = new OrderBatch(tx, ctx, meta);
  const shipped: string[] = [];
  const stopped: string[] = [];
  for (const [index, result] of results.entries()) {
    for (const { id, orderId } of covered[index] ?? []) {
      const order = orders.get(orderId);
      if (!order) continue;
      const accepted = acceptedFirst(batch, order, id, result, meta);
      const wasShipping = accepted.shipments.find((s) => s.id === id)?.status === "shipping";
      const after =
        result.outcome === "shipped"
          ? recordShippedResult(batch, accepted, id, result, wasShipping, meta)
          : await recordUnshippableResult(batch, accepted, id, result, wasShipping, meta);
      orders.set(orderId, after);
      if (wasShipping) (result.outcome === "shipped" ? shipped : stopped).push(id);
    }
  }
  await batch.flush();
  for (const id of stopped) await dissolveConsolidation(tx, ctx, id, meta);
  // Stock rows last: every transaction locks the orders before any stock row.
  await shipStock(tx, shipped, meta);
}

type Covered = { id: string; orderId: string };

/** The shipments each result covers, in the results' order: found by the warehouse's reference, else by slip. */
async function shipmentsOfResults(
  tx: Db,
  warehouseId: string,
  results: readonly WarehouseResult[],
): Promise<Covered[][]> {
  const byReference = await tx
    .select({ id: shipments.id, orderId: shipments.orderId, reference: shipments.warehouseReference })
    .from(shipments)
    .where(
      and(
        eq(shipments.warehouseId, warehouseId),
        inArray(shipments.warehouseReference, [...new Set(results.map((r) => r.warehouseReference))]),
      ),
    );
  const covered = results.map((r) => byReference.filter((s) => s.reference === r.warehouseReference));
  const lost = results.filter((_, i) => covered[i]?.length === 0);
  if (lost.length === 0) return covered;
  // The answer to the request was lost in a crash and its retry has not run yet: the slip number still
  // names the parcel, so the result is not skipped when the cursor moves past it.
  const bySlip = await tx
    .select({
      id: shipments.id,
      orderId: shipments.orderId,
      slipNumber: shipments.slipNumber,
      consolidationId: shipments.consolidationId,
    })
    .from(shipments)
    .where(
      and(
        eq(shipments.warehouseId, warehouseId),
        inArray(shipments.slipNumber, [...new Set(lost.map((r) => r.slipNumber))]),
        inArray(shipments.status, ["awaiting_shipment", "shipping"]),
      ),
    );
  const leads = [...new Set(bySlip.flatMap((s) => (s.consolidationId ? [s.consolidationId] : [])))];
  const groups = leads.length
    ? await tx
        .select({ id: shipments.id, orderId: shipments.orderId, consolidationId: shipments.consolidationId })
        .from(shipments)
        .where(inArray(shipments.consolidationId, leads))
    : [];
  return results.map((result, i) => {
    if (covered[i]?.length) return covered[i];
    const lead = bySlip.find((s) => s.slipNumber === result.slipNumber);
    if (!lead) {
      console.warn(`warehouse ${warehouseId}: result for unknown request ${result.warehouseReference}`);
      return [];
    }
    if (!lead.consolidationId) return [lead];
    return groups.filter((s) => s.consolidationId === lead.consolidationId);
  });
}

function recordShippedResult(
  batch: OrderBatch,
  order: LoadedOrder,
  shipmentId: string,
  result: Extract<WarehouseResult, { outcome: "shipped" }>,
  wasShipping: boolean,
  meta: Meta,
): LoadedOrder {
  const decision = recordShipped(order.snapshot, shipmentId, describeParcels(result.parcels));
  if (wasShipping) {
    const parcels: ShippedParcel[] = result.parcels.map((p) => ({ ...p, mallShippingId: null }));
    batch.writes.changeShipment(shipmentId, {
      parcels,
      trackingKeys: trackingKeysOf(parcels),
      shippedAt: tokyoMidnight(result.shippedOn),
    });
  }
  const saved = batch.writes.recordDecision(order, decision, meta);
  if (saved.snapshot.status === "shipped" && order.snapshot.status !== "shipped") {
    batch.writes.enqueue("mall-report-shipping", mallShippingReportJob(saved.row.id));
  }
  return saved;
}

async function recordUnshippableResult(
  batch: OrderBatch,
  order: LoadedOrder,
  shipmentId: string,
  result: Extract<WarehouseResult, { outcome: "unshippable" }>,
  wasShipping: boolean,
  meta: Meta,
): Promise<LoadedOrder> {
  if (!wasShipping) return order;
  const why = `倉庫が出荷できませんでした(${result.code}: ${result.reason})`;
  batch.writes.changeShipment(shipmentId, { unshippableReason: why });
  const stopped = batch.writes.recordDecision(order, markUnshippable(order.snapshot, shipmentId, why), meta);
  const tagged = attachTag(
    stopped.snapshot,
    await batch.systemTag(order.row.accountId, "warehouse_unshippable"),
    "system",
  );
  return tagged instanceof Refusal ? stopped : batch.writes.recordDecision(stopped, tagged, meta);
}

/**
 * A result for a parcel whose request answer was lost (the job crashed after sending): the result is
 * the warehouse's word that it took the request, so that is recorded first.
 */
function acceptedFirst(
  batch: OrderBatch,
  order: LoadedOrder,
  shipmentId: string,
  result: WarehouseResult,
  meta: Meta,
): LoadedOrder {
  const shipment = order.shipments.find((s) => s.id === shipmentId);
  if (shipment?.status !== "awaiting_shipment") return order;
  batch.writes.changeShipment(shipmentId, {
    requestedAt: meta.now,
    warehouseReference: result.warehouseReference,
  });
  return batch.writes.recordDecision(order, acceptShipmentRequest(order.snapshot, shipmentId), meta);
}

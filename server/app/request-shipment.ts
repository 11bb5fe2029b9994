import { eq, inArray } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { type LoadedOrder, loadOrder, saveDecision } from "#server/db/order-queries.ts";
import { products, shipments, warehouses } from "#server/db/schema.ts";
import type { Decision } from "#server/domain/order.ts";
import { attachTag } from "#server/domain/order-tagging.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { acceptShipmentRequest, markUnshippable, requestShipmentRefusal } from "#server/domain/shipment.ts";
import type { ShipmentRequest, WarehouseKind } from "#server/ports/warehouse.ts";
import { type Actor, type AppContext, actorLabel } from "./context.ts";
import { systemTag } from "./progress-order.ts";

/** A person sends (or re-sends after 出荷不可) a shipment request now instead of waiting for the delay. */
export async function requestShipmentNow(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  orderId: string,
  shipmentId: string,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const order = await loadOrder(tx, accountId, orderId, { lock: true });
    if (!order) throw notFound("order", "注文");
    const refusal = requestShipmentRefusal(order.snapshot, shipmentId);
    if (refusal) throw refusal;
    await tx.update(shipments).set({ requestDueAt: now }).where(eq(shipments.id, shipmentId));
    await saveDecision(
      tx,
      order,
      {
        order: order.snapshot,
        events: [
          {
            type: "shipment_request_queued",
            message: "出荷依頼を送信待ちにしました",
            detail: { shipmentId },
          },
        ],
      },
      { actor: actorLabel(actor), now },
    );
    await ctx.jobs.enqueue(tx, "shipment-request", { shipmentId });
  });
}

/**
 * The shipment-request job: asks the warehouse outside any transaction, with an idempotency key that
 * stays the same across retries of this request, then records the answer. A crash between the two
 * repeats the call and the warehouse answers the same request again, so a parcel is booked once.
 */
export async function sendShipmentRequest(ctx: AppContext, shipmentId: string): Promise<void> {
  const prepared = await ctx.db.transaction(async (tx) => {
    const order = await orderOfShipment(tx, shipmentId);
    if (!order || requestShipmentRefusal(order.snapshot, shipmentId)) return null;
    return { order, request: await buildRequest(tx, order, shipmentId) };
  });
  if (!prepared) return;
  const client = ctx.warehouses[prepared.request.kind];
  if (!client) throw new Error(`no warehouse client for kind ${prepared.request.kind}`);
  const answer = await client.requestShipment(prepared.request.body);
  const now = ctx.clock.now();
  const meta = { actor: `system:warehouse:${prepared.request.kind}`, now };
  await ctx.db.transaction(async (tx) => {
    const order = await orderOfShipment(tx, shipmentId);
    if (!order || requestShipmentRefusal(order.snapshot, shipmentId)) return;
    if (answer.outcome === "accepted") {
      await tx.update(shipments).set({ requestedAt: now }).where(eq(shipments.id, shipmentId));
      await saveDecision(tx, order, acceptShipmentRequest(order.snapshot, shipmentId), meta);
      return;
    }
    const why = `倉庫が出荷依頼を受け付けませんでした(${answer.code}: ${answer.message})`;
    const rejected = await saveDecision(tx, order, markUnshippable(order.snapshot, shipmentId, why), meta);
    const tagged = attachTag(
      rejected.snapshot,
      await systemTag(tx, order.row.accountId, "warehouse_rejected"),
      "system",
    );
    if (!(tagged instanceof Refusal)) await saveDecision(tx, rejected, tagged as Decision, meta);
  });
}

async function orderOfShipment(tx: Db, shipmentId: string): Promise<LoadedOrder | null> {
  const [s] = await tx
    .select({ orderId: shipments.orderId, accountId: shipments.accountId })
    .from(shipments)
    .where(eq(shipments.id, shipmentId));
  return s ? loadOrder(tx, s.accountId, s.orderId, { lock: true }) : null;
}

async function buildRequest(
  tx: Db,
  order: LoadedOrder,
  shipmentId: string,
): Promise<{ kind: WarehouseKind; body: ShipmentRequest }> {
  const shipment = order.shipments.find((s) => s.id === shipmentId);
  if (!shipment) throw new Error(`shipment ${shipmentId} not in order ${order.row.id}`);
  const [warehouse] = await tx.select().from(warehouses).where(eq(warehouses.id, shipment.warehouseId));
  if (!warehouse) throw new Error(`warehouse ${shipment.warehouseId} vanished`);
  const productIds = order.items.flatMap((i) => i.mapping?.components.map((c) => c.productId) ?? []);
  const rows = productIds.length
    ? await tx
        .select({ id: products.id, sku: products.sku })
        .from(products)
        .where(inArray(products.id, productIds))
    : [];
  const skus = new Map(rows.map((p) => [p.id, p.sku]));
  const quantities = new Map<string, number>();
  for (const item of order.items.filter((i) => i.shipmentId === shipmentId)) {
    for (const c of item.mapping?.components ?? []) {
      const sku = skus.get(c.productId) ?? c.productId;
      quantities.set(sku, (quantities.get(sku) ?? 0) + c.quantity * item.quantity);
    }
  }
  return {
    kind: warehouse.kind as WarehouseKind,
    body: {
      idempotencyKey: `${shipmentId}:${shipment.requestDueAt?.toISOString() ?? "first"}`,
      shipmentId,
      mallOrderNumber: order.row.mallOrderNumber,
      shipTo: (shipment.shipTo ?? order.row.shipTo) as ShipmentRequest["shipTo"],
      lines: [...quantities].map(([sku, quantity]) => ({ sku, quantity })),
    },
  };
}

import { and, asc, eq, inArray, isNull, max } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { appendEvents, loadOrder } from "#server/db/orders/order-queries.ts";
import { orders, shipments } from "#server/db/schema.ts";
import type { ShipTo } from "#server/domain/address.ts";
import { type MergeCandidate, mergeGroups, mergeRefusal } from "#server/domain/consolidation.ts";
import type { ShippingStatus } from "#server/domain/order-status.ts";
import { notFound } from "#server/domain/refusal.ts";
import { type Actor, type AppContext, actorLabel } from "../context.ts";

async function candidates(tx: Db, accountId: string, shipmentIds?: readonly string[]) {
  const rows = await tx
    .select({
      shipmentId: shipments.id,
      orderId: orders.id,
      mallOrderNumber: orders.mallOrderNumber,
      shopId: orders.shopId,
      buyerEmail: orders.buyerEmail,
      buyerName: orders.buyerName,
      warehouseId: shipments.warehouseId,
      shipTo: shipments.shipTo,
      orderShipTo: orders.shipTo,
      status: shipments.status,
      requestedAt: shipments.requestedAt,
      consolidationId: shipments.consolidationId,
      orderedAt: orders.orderedAt,
      testImport: orders.testImport,
    })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(
      and(
        eq(shipments.accountId, accountId),
        isNull(orders.deletedAt),
        shipmentIds
          ? inArray(shipments.id, [...shipmentIds])
          : and(
              inArray(shipments.status, ["allocating", "allocated", "awaiting_shipment"]),
              isNull(shipments.consolidationId),
            ),
      ),
    )
    .orderBy(asc(orders.orderedAt), asc(shipments.id));
  return rows
    .filter((r) => !r.testImport)
    .map((r) => ({
      candidate: {
        shipmentId: r.shipmentId,
        shopId: r.shopId,
        buyerEmail: r.buyerEmail,
        warehouseId: r.warehouseId,
        shipTo: (r.shipTo ?? r.orderShipTo) as ShipTo,
        status: r.status as ShippingStatus,
        requested: r.requestedAt !== null,
        consolidated: r.consolidationId !== null,
        orderedAt: r.orderedAt,
      } satisfies MergeCandidate,
      orderId: r.orderId,
      mallOrderNumber: r.mallOrderNumber,
      buyerName: r.buyerName,
    }));
}

/** 同梱候補: groups of shipments that could leave as one parcel, for the shipments screen. */
export async function mergeCandidates(ctx: AppContext, accountId: string) {
  const rows = await candidates(ctx.db, accountId);
  const byId = new Map(rows.map((r) => [r.candidate.shipmentId, r]));
  return mergeGroups(rows.map((r) => r.candidate)).map((group) =>
    group.map((c) => {
      const row = byId.get(c.shipmentId);
      return {
        shipmentId: c.shipmentId,
        orderId: row?.orderId ?? "",
        mallOrderNumber: row?.mallOrderNumber ?? "",
        buyerName: row?.buyerName ?? "",
        shipToName: c.shipTo.name,
        status: c.status,
      };
    }),
  );
}

/**
 * 同梱: the chosen shipments become one parcel, led by the oldest order's shipment. The lead's request
 * carries every member's lines; each order keeps its own shipment, status and mall report.
 */
export async function mergeShipments(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  shipmentIds: readonly string[],
): Promise<{ leadId: string }> {
  const meta = { actor: actorLabel(actor), now: ctx.clock.now() };
  return ctx.db.transaction(async (tx) => {
    const unique = [...new Set(shipmentIds)];
    const rows = await candidates(tx, accountId, unique);
    if (rows.length !== unique.length) throw notFound("shipment", "出荷");
    for (const r of rows) await loadOrder(tx, accountId, r.orderId, { lock: true });
    const refusal = mergeRefusal(rows.map((r) => r.candidate));
    if (refusal) throw refusal;
    const lead = rows[0];
    if (!lead) throw notFound("shipment", "出荷");
    const leadId = lead.candidate.shipmentId;
    const chosen = and(inArray(shipments.id, unique), eq(shipments.accountId, accountId));
    const [due] = await tx
      .select({ at: max(shipments.requestDueAt) })
      .from(shipments)
      .where(chosen);
    await tx.update(shipments).set({ consolidationId: leadId }).where(chosen);
    if (due?.at)
      await tx
        .update(shipments)
        .set({ requestDueAt: due.at })
        .where(and(eq(shipments.id, leadId), eq(shipments.accountId, accountId)));
    const others = rows.map((r) => r.mallOrderNumber).join("、");
    for (const r of rows) {
      await appendEvents(
        tx,
        { id: r.orderId, accountId },
        [
          {
            type: "shipment_merged",
            message: `同梱しました(${others})`,
            detail: { shipmentId: r.candidate.shipmentId, leadShipmentId: leadId },
          },
        ],
        meta,
      );
    }
    if (lead.candidate.status === "awaiting_shipment") {
      await ctx.jobs.enqueue(
        tx,
        "shipment-request",
        { shipmentId: leadId },
        { ...(due?.at ? { startAfter: due.at } : {}), singletonKey: `${leadId}:merged` },
      );
    }
    return { leadId };
  });
}

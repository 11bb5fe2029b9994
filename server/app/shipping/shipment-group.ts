import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { appendEvents, loadOrder } from "#server/db/orders/order-queries.ts";
import { shipments } from "#server/db/schema.ts";
import type { AppContext } from "../context.ts";

export type ShipmentGroup = { leadId: string; shipmentIds: string[] };

/** The 同梱 group a shipment is in, lead first; a shipment not merged is a group of one. */
export async function shipmentGroup(tx: Db, shipmentId: string): Promise<ShipmentGroup | null> {
  const [row] = await tx
    .select({ consolidationId: shipments.consolidationId })
    .from(shipments)
    .where(eq(shipments.id, shipmentId));
  if (!row) return null;
  if (!row.consolidationId) return { leadId: shipmentId, shipmentIds: [shipmentId] };
  const lead = row.consolidationId;
  const members = await tx
    .select({ id: shipments.id })
    .from(shipments)
    .where(eq(shipments.consolidationId, lead))
    .orderBy(sql`${shipments.id} = ${lead} desc`, asc(shipments.createdAt), asc(shipments.id));
  return { leadId: lead, shipmentIds: members.map((m) => m.id) };
}

/**
 * Once the warehouse stopped a merged parcel (rejected, withdrawn, 出荷不可) each order goes its own
 * way again: it is re-requested alone, or merged anew by a person.
 */
export async function dissolveConsolidation(
  tx: Db,
  ctx: AppContext,
  shipmentId: string,
  meta: { actor: string; now: Date },
  why = "倉庫で止まったため同梱を解除しました",
): Promise<void> {
  const group = await shipmentGroup(tx, shipmentId);
  if (!group || group.shipmentIds.length < 2) return;
  const released = await tx
    .update(shipments)
    .set({ consolidationId: null })
    .where(eq(shipments.consolidationId, group.leadId))
    .returning({
      id: shipments.id,
      orderId: shipments.orderId,
      accountId: shipments.accountId,
      status: shipments.status,
      requestDueAt: shipments.requestDueAt,
    });
  for (const s of released) {
    // A member's own request job ran while it followed the lead and did nothing: it goes on its own now.
    if (s.status === "awaiting_shipment") {
      await ctx.jobs.enqueue(
        tx,
        "shipment-request",
        { shipmentId: s.id },
        { ...(s.requestDueAt ? { startAfter: s.requestDueAt } : {}), singletonKey: `${s.id}:alone` },
      );
    }
    const order = await loadOrder(tx, s.accountId, s.orderId, { lock: true });
    if (!order) continue;
    await appendEvents(
      tx,
      order.row,
      [
        {
          type: "consolidation_dissolved",
          message: why,
          detail: { shipmentId: s.id },
        },
      ],
      meta,
    );
  }
}

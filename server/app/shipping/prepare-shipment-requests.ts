import { inArray, or } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { type LoadedOrder, loadOrders } from "#server/db/orders/order-queries.ts";
import { shipments } from "#server/db/schema.ts";
import { requestShipmentRefusal } from "#server/domain/shipment.ts";
import type { AppContext } from "../context.ts";
import { OrderBatch } from "../orders/order-batch.ts";
import { dissolveConsolidation } from "./shipment-group.ts";
import { type BuiltRequest, buildRequests, type Member } from "./shipment-request-body.ts";

/** One parcel ready to go: the job's shipment leads it, its members may all be requested. */
export type Prepared = BuiltRequest & { members: Member[]; shipmentId: string };

const ACTOR = "system:shipment-request";

/**
 * The requests of a job batch, in one transaction: the shipments and their 同梱 groups read at once,
 * their orders locked (in id order) and read at once, the SKUs and warehouses at once, each parcel
 * decided in memory, and what the decisions changed (members leaving a group, delayed jobs) written
 * together. Answers one entry per job, null where there is nothing to send.
 */
export async function prepareShipmentRequests(
  tx: Db,
  ctx: AppContext,
  shipmentIds: readonly string[],
): Promise<(Prepared | null)[]> {
  const now = ctx.clock.now();
  const groupRows = await tx
    .select({
      id: shipments.id,
      orderId: shipments.orderId,
      consolidationId: shipments.consolidationId,
      status: shipments.status,
      due: shipments.requestDueAt,
      createdAt: shipments.createdAt,
    })
    .from(shipments)
    .where(
      or(
        inArray(shipments.id, [...shipmentIds]),
        inArray(
          shipments.consolidationId,
          tx
            .select({ lead: shipments.consolidationId })
            .from(shipments)
            .where(inArray(shipments.id, [...shipmentIds])),
        ),
      ),
    );
  const byId = new Map(groupRows.map((r) => [r.id, r]));
  const batch = new OrderBatch(tx, ctx, { actor: ACTOR, now });
  const parcels = shipmentIds.map((id, index) => {
    const lead = byId.get(id);
    // The same lead twice in a fetch (its job queued again by a merge) sends once.
    if (!lead || shipmentIds.indexOf(id) !== index || (lead.consolidationId && lead.consolidationId !== id))
      return null;
    // A merge moves the lead's due time to the latest member's: the lead's own earlier job waits for it
    // (its job for the new time is queued again, in case that one was already taken).
    if (lead.status === "awaiting_shipment" && lead.due && lead.due > now) {
      batch.writes.enqueue("shipment-request", {
        data: { shipmentId: id },
        startAfter: lead.due,
        singletonKey: `${id}:${lead.due.toISOString()}`,
      });
      return null;
    }
    return lead.consolidationId ? groupOf(groupRows, id) : [lead];
  });
  const orders = new Map(
    (await loadOrders(tx, [...new Set(parcels.flatMap((p) => p?.map((s) => s.orderId) ?? []))])).map((o) => [
      o.row.id,
      o,
    ]),
  );
  const dissolved: string[] = [];
  const ready = parcels.map((group, index) => {
    if (!group) return null;
    const members = readyMembers(batch, orders, shipmentIds[index] as string, group);
    if (members === "dissolve") dissolved.push(shipmentIds[index] as string);
    return Array.isArray(members) ? members : null;
  });
  await batch.flush();
  for (const id of dissolved) {
    await dissolveConsolidation(
      tx,
      ctx,
      id,
      { actor: ACTOR, now },
      "同梱の先頭の出荷が依頼できないため同梱を解除しました",
    );
  }
  const going = ready.flatMap((members, index) => (members ? [{ members, index }] : []));
  const built = await buildRequests(
    tx,
    going.map((g) => g.members),
  );
  const prepared: (Prepared | null)[] = shipmentIds.map(() => null);
  for (const [i, g] of going.entries()) {
    prepared[g.index] = {
      ...(built[i] as BuiltRequest),
      members: g.members,
      shipmentId: shipmentIds[g.index] as string,
    };
  }
  return prepared;
}

type GroupRow = { id: string; orderId: string; consolidationId: string | null; createdAt: Date };

/** A 同梱 group lead first, then by creation, as the warehouse is told it. */
function groupOf<T extends GroupRow>(rows: readonly T[], leadId: string): T[] {
  return rows
    .filter((r) => r.consolidationId === leadId)
    .sort(
      (a, b) =>
        Number(b.id === leadId) - Number(a.id === leadId) ||
        a.createdAt.getTime() - b.createdAt.getTime() ||
        a.id.localeCompare(b.id),
    );
}

/**
 * The shipments this parcel sends: the shipment alone, or its whole 同梱 group when it leads one. A
 * member that may no longer go (cancelled, held) leaves the group rather than stopping the others;
 * "dissolve" when the lead itself may not go.
 */
function readyMembers(
  batch: OrderBatch,
  orders: ReadonlyMap<string, LoadedOrder>,
  leadId: string,
  group: readonly { id: string; orderId: string }[],
): Member[] | "dissolve" | null {
  const members: Member[] = [];
  for (const { id, orderId } of group) {
    const order = orders.get(orderId);
    if (!order) continue;
    if (!requestShipmentRefusal(order.snapshot, id)) {
      members.push({ order, shipmentId: id });
      continue;
    }
    if (id === leadId) {
      // A repeated job for a parcel already at the warehouse (the merge's own job after the lead's
      // original one sent it): nothing to send, and the group stays as the warehouse knows it.
      const sent = order.snapshot.shipments.find((s) => s.id === id)?.status;
      return sent === "shipping" || sent === "shipped" || group.length < 2 ? null : "dissolve";
    }
    batch.writes.setShipmentColumns(id, { consolidationId: null });
    batch.writes.recordEvents(
      order.row,
      [
        {
          type: "consolidation_left",
          message: "出荷依頼できないため同梱から外しました",
          detail: { shipmentId: id },
        },
      ],
      batch.meta,
    );
  }
  return members;
}

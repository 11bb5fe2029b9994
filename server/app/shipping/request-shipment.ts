import { and, eq } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { type LoadedOrder, loadOrder, saveDecision } from "#server/db/orders/order-queries.ts";
import { shipments } from "#server/db/schema.ts";
import { systemTag } from "#server/db/shops/shop-reads.ts";
import { attachTag } from "#server/domain/order-tagging.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { acceptShipmentRequest, markUnshippable, requestShipmentRefusal } from "#server/domain/shipment.ts";
import type { ShipmentRequestResult } from "#server/ports/warehouse.ts";
import { type Actor, type AppContext, actorLabel } from "../context.ts";
import { dissolveConsolidation, shipmentGroup } from "./shipment-group.ts";
import { buildRequest, type Member } from "./shipment-request-body.ts";
import { warehouseClientOf } from "./warehouse-client.ts";
import { enqueueFollowUpPolls } from "./warehouse-polls.ts";

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
    const lead = order.shipments.find((s) => s.id === shipmentId)?.consolidationId;
    if (lead && lead !== shipmentId) {
      throw new Refusal(
        "shipment.request_not_allowed",
        "同梱中の出荷は、同梱の先頭の出荷と一緒に依頼されます。先頭の出荷から依頼してください。",
        { rule: "consolidated_member" },
      );
    }
    await tx
      .update(shipments)
      .set({ requestDueAt: now })
      .where(and(eq(shipments.id, shipmentId), eq(shipments.accountId, accountId)));
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

type Meta = { actor: string; now: Date };

/** Warehouse calls in flight at once: the warehouse takes one request per call. */
const CALLS_AT_ONCE = 4;

/**
 * The shipment-request job, for every shipment of a fetch: each request is prepared (and its
 * parcel's group settled) in its own short transaction, the warehouse is asked outside any
 * transaction with an idempotency key that stays the same across retries of this request, a few calls
 * at once, and the answers are recorded in one transaction. A crash between the call and the record
 * repeats the call and the warehouse answers the same request again, so a parcel is booked once.
 * Shipments merged into one parcel (同梱) go as one request, sent by the group's lead. One shipment
 * whose request fails is retried alone; if the shared record fails, each is recorded on its own.
 */
export async function sendShipmentRequests(
  ctx: AppContext,
  shipmentIds: readonly string[],
): Promise<(Error | null)[]> {
  const outcomes: (Error | null)[] = shipmentIds.map(() => null);
  const answered: { index: number; prepared: Prepared; answer: ShipmentRequestResult }[] = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < shipmentIds.length; i = next++) {
      try {
        const prepared = await prepare(ctx, shipmentIds[i] as string);
        if (!prepared) continue;
        const answer = await warehouseClientOf(ctx, prepared.warehouse).requestShipment(prepared.request);
        answered.push({ index: i, prepared, answer });
      } catch (error) {
        outcomes[i] = error instanceof Error ? error : new Error(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CALLS_AT_ONCE, shipmentIds.length) }, lane));
  const meta = (p: Prepared) => ({ actor: `system:warehouse:${p.warehouse.kind}`, now: ctx.clock.now() });
  try {
    await ctx.db.transaction(async (tx) => {
      // Orders locked in id order, so two workers recording overlapping batches never wait on each other in a circle.
      const members = answered
        .flatMap((a) => a.prepared.members.map((m) => ({ ...m, a })))
        .sort((x, y) => x.order.row.id.localeCompare(y.order.row.id));
      for (const m of members) await recordMember(tx, m, m.a.answer, meta(m.a.prepared));
      for (const a of answered) await dissolveRejected(tx, ctx, a.prepared, a.answer, meta(a.prepared));
      await enqueueFollowUpPolls(tx, ctx, tookRequests(answered));
    });
  } catch {
    for (const a of answered) {
      try {
        await ctx.db.transaction(async (tx) => {
          for (const m of a.prepared.members) await recordMember(tx, m, a.answer, meta(a.prepared));
          await dissolveRejected(tx, ctx, a.prepared, a.answer, meta(a.prepared));
          await enqueueFollowUpPolls(tx, ctx, tookRequests([a]));
        });
      } catch (error) {
        outcomes[a.index] = error instanceof Error ? error : new Error(String(error));
      }
    }
  }
  return outcomes;
}

/** The warehouses that accepted at least one of the requests. */
const tookRequests = (answered: readonly { prepared: Prepared; answer: ShipmentRequestResult }[]) =>
  answered.filter((a) => a.answer.outcome === "accepted").map((a) => a.prepared.warehouse);

type Prepared = Awaited<ReturnType<typeof buildRequest>> & { members: Member[]; shipmentId: string };

async function prepare(ctx: AppContext, shipmentId: string): Promise<Prepared | null> {
  return ctx.db.transaction(async (tx) => {
    const members = await readyMembers(tx, ctx, shipmentId);
    if (!members) return null;
    return { members, shipmentId, ...(await buildRequest(tx, members)) };
  });
}

async function recordMember(
  tx: Db,
  member: Member,
  answer: ShipmentRequestResult,
  meta: Meta,
): Promise<void> {
  const order = await loadOrder(tx, member.order.row.accountId, member.order.row.id, { lock: true });
  if (!order || requestShipmentRefusal(order.snapshot, member.shipmentId)) return;
  await recordAnswer(tx, order, member.shipmentId, answer, meta);
}

async function dissolveRejected(
  tx: Db,
  ctx: AppContext,
  prepared: Prepared,
  answer: ShipmentRequestResult,
  meta: Meta,
): Promise<void> {
  if (answer.outcome === "rejected" && prepared.members.length > 1) {
    await dissolveConsolidation(tx, ctx, prepared.shipmentId, meta);
  }
}

async function recordAnswer(
  tx: Db,
  order: LoadedOrder,
  shipmentId: string,
  answer: ShipmentRequestResult,
  meta: { actor: string; now: Date },
): Promise<void> {
  if (answer.outcome === "accepted") {
    await tx
      .update(shipments)
      .set({
        requestedAt: meta.now,
        warehouseReference: answer.warehouseReference,
        plannedShipDate: answer.plannedShipDate,
        unshippableReason: null,
      })
      .where(eq(shipments.id, shipmentId));
    await saveDecision(tx, order, acceptShipmentRequest(order.snapshot, shipmentId), meta);
    return;
  }
  const why = `倉庫が出荷依頼を受け付けませんでした(${answer.code}: ${answer.message})`;
  await tx.update(shipments).set({ unshippableReason: why }).where(eq(shipments.id, shipmentId));
  const rejected = await saveDecision(tx, order, markUnshippable(order.snapshot, shipmentId, why), meta);
  const tagged = attachTag(
    rejected.snapshot,
    await systemTag(tx, order.row.accountId, "warehouse_rejected"),
    "system",
  );
  if (!(tagged instanceof Refusal)) await saveDecision(tx, rejected, tagged, meta);
}

/**
 * The shipments this job sends: the shipment alone, or its whole 同梱 group when it leads one.
 * A member that may no longer go (cancelled, held) leaves the group rather than stopping the others.
 */
async function readyMembers(tx: Db, ctx: AppContext, shipmentId: string): Promise<Member[] | null> {
  const group = await shipmentGroup(tx, shipmentId);
  if (!group || group.leadId !== shipmentId) return null;
  // A merge moves the lead's due time to the latest member's: the lead's own earlier job waits for it
  // (its job for the new time is queued again, in case that one was already taken).
  const [lead] = await tx
    .select({ due: shipments.requestDueAt, status: shipments.status })
    .from(shipments)
    .where(eq(shipments.id, shipmentId));
  if (lead?.status === "awaiting_shipment" && lead.due && lead.due > ctx.clock.now()) {
    await ctx.jobs.enqueue(
      tx,
      "shipment-request",
      { shipmentId },
      { startAfter: lead.due, singletonKey: `${shipmentId}:${lead.due.toISOString()}` },
    );
    return null;
  }
  const members: Member[] = [];
  for (const id of group.shipmentIds) {
    const order = await orderOfShipment(tx, id);
    if (!order) continue;
    if (requestShipmentRefusal(order.snapshot, id)) {
      // A repeated job for a parcel already at the warehouse (the merge's own job after the lead's
      // original one sent it): nothing to send, and the group stays as the warehouse knows it.
      const sent = order.snapshot.shipments.find((s) => s.id === id)?.status;
      if (id === shipmentId && (sent === "shipping" || sent === "shipped")) return null;
      if (id === shipmentId) {
        await dissolveConsolidation(
          tx,
          ctx,
          shipmentId,
          { actor: "system:shipment-request", now: ctx.clock.now() },
          "同梱の先頭の出荷が依頼できないため同梱を解除しました",
        );
        return null;
      }
      await tx.update(shipments).set({ consolidationId: null }).where(eq(shipments.id, id));
      await saveDecision(
        tx,
        order,
        {
          order: order.snapshot,
          events: [
            {
              type: "consolidation_left",
              message: "出荷依頼できないため同梱から外しました",
              detail: { shipmentId: id },
            },
          ],
        },
        { actor: "system:shipment-request", now: ctx.clock.now() },
      );
      continue;
    }
    members.push({ order, shipmentId: id });
  }
  return members;
}

export async function orderOfShipment(tx: Db, shipmentId: string): Promise<LoadedOrder | null> {
  const [s] = await tx
    .select({ orderId: shipments.orderId, accountId: shipments.accountId })
    .from(shipments)
    .where(eq(shipments.id, shipmentId));
  return s ? loadOrder(tx, s.accountId, s.orderId, { lock: true }) : null;
}

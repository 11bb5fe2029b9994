import { and, eq } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { type LoadedOrder, loadOrder, loadOrders, saveDecision } from "#server/db/orders/order-queries.ts";
import { shipments } from "#server/db/schema.ts";
import { attachTag } from "#server/domain/order-tagging.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { acceptShipmentRequest, markUnshippable, requestShipmentRefusal } from "#server/domain/shipment.ts";
import type { ShipmentRequestResult } from "#server/ports/warehouse.ts";
import { type Actor, type AppContext, actorLabel } from "../context.ts";
import { OrderBatch } from "../orders/order-batch.ts";
import { type Prepared, prepareShipmentRequests } from "./prepare-shipment-requests.ts";
import { dissolveConsolidation } from "./shipment-group.ts";
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

type Answered = { index: number; prepared: Prepared; answer: ShipmentRequestResult };

/**
 * The shipment-request job, for every shipment of a fetch: the requests are prepared together in one
 * transaction (each parcel's group settled), the warehouse is asked outside any transaction with an
 * idempotency key that stays the same across retries of this request, a few calls at once, and the
 * answers are recorded together in one transaction. A crash between the call and the record repeats
 * the call and the warehouse answers the same request again, so a parcel is booked once. Shipments
 * merged into one parcel (同梱) go as one request, sent by the group's lead. A batch whose preparing or
 * recording fails is done again shipment by shipment, so one bad shipment fails alone.
 */
export async function sendShipmentRequests(
  ctx: AppContext,
  shipmentIds: readonly string[],
): Promise<(Error | null)[]> {
  const outcomes: (Error | null)[] = shipmentIds.map(() => null);
  const prepared = await prepareAll(ctx, shipmentIds, outcomes);
  const answered: Answered[] = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < prepared.length; i = next++) {
      const p = prepared[i];
      if (!p) continue;
      try {
        answered.push({
          index: i,
          prepared: p,
          answer: await warehouseClientOf(ctx, p.warehouse).requestShipment(p.request),
        });
      } catch (error) {
        outcomes[i] = asError(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CALLS_AT_ONCE, prepared.length) }, lane));
  if (answered.length === 0) return outcomes;
  try {
    await ctx.db.transaction((tx) => recordAnswers(tx, ctx, answered));
  } catch (error) {
    if (answered.length < 2) {
      for (const a of answered) outcomes[a.index] = asError(error);
      return outcomes;
    }
    for (const a of answered) {
      try {
        await ctx.db.transaction((tx) => recordAnswers(tx, ctx, [a]));
      } catch (error) {
        outcomes[a.index] = asError(error);
      }
    }
  }
  return outcomes;
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/** The batch's requests prepared together; when that fails, each alone, so only the bad one fails. */
async function prepareAll(
  ctx: AppContext,
  shipmentIds: readonly string[],
  outcomes: (Error | null)[],
): Promise<(Prepared | null)[]> {
  try {
    return await ctx.db.transaction((tx) => prepareShipmentRequests(tx, ctx, shipmentIds));
  } catch (error) {
    if (shipmentIds.length < 2) {
      outcomes[0] = asError(error);
      return [null];
    }
    const prepared: (Prepared | null)[] = [];
    for (const [i, id] of shipmentIds.entries()) {
      try {
        const [one] = await ctx.db.transaction((tx) => prepareShipmentRequests(tx, ctx, [id]));
        prepared.push(one ?? null);
      } catch (error) {
        outcomes[i] = asError(error);
        prepared.push(null);
      }
    }
    return prepared;
  }
}

/**
 * Every answer on every shipment of its parcel: the orders locked (in id order, so two workers recording
 * overlapping batches never wait on each other in a circle) and read at once, decided in memory, written
 * together; a refused 同梱 parcel is dissolved, and warehouses that took requests get their results poll.
 */
async function recordAnswers(tx: Db, ctx: AppContext, answered: readonly Answered[]): Promise<void> {
  if (answered.length === 0) return;
  const now = ctx.clock.now();
  const orders = new Map(
    (
      await loadOrders(
        tx,
        answered.flatMap((a) => a.prepared.members.map((m) => m.order.row.id)),
      )
    ).map((o) => [o.row.id, o]),
  );
  const batch = new OrderBatch(tx, ctx, { actor: "system:shipment-request", now });
  for (const { prepared, answer } of answered) {
    const meta = { actor: `system:warehouse:${prepared.warehouse.kind}`, now };
    for (const { order: sent, shipmentId } of prepared.members) {
      const order = orders.get(sent.row.id);
      if (!order || requestShipmentRefusal(order.snapshot, shipmentId)) continue;
      orders.set(order.row.id, await recordAnswer(batch, order, shipmentId, answer, meta));
    }
  }
  await batch.flush();
  for (const { prepared, answer } of answered) {
    if (answer.outcome === "rejected" && prepared.members.length > 1) {
      await dissolveConsolidation(tx, ctx, prepared.shipmentId, {
        actor: `system:warehouse:${prepared.warehouse.kind}`,
        now,
      });
    }
  }
  await enqueueFollowUpPolls(
    tx,
    ctx,
    answered.filter((a) => a.answer.outcome === "accepted").map((a) => a.prepared.warehouse),
  );
}

async function recordAnswer(
  batch: OrderBatch,
  order: LoadedOrder,
  shipmentId: string,
  answer: ShipmentRequestResult,
  meta: Meta,
): Promise<LoadedOrder> {
  if (answer.outcome === "accepted") {
    batch.writes.changeShipment(shipmentId, {
      requestedAt: meta.now,
      warehouseReference: answer.warehouseReference,
      plannedShipDate: answer.plannedShipDate,
      unshippableReason: null,
    });
    return batch.writes.recordDecision(order, acceptShipmentRequest(order.snapshot, shipmentId), meta);
  }
  const why = `倉庫が出荷依頼を受け付けませんでした(${answer.code}: ${answer.message})`;
  batch.writes.changeShipment(shipmentId, { unshippableReason: why });
  const rejected = batch.writes.recordDecision(order, markUnshippable(order.snapshot, shipmentId, why), meta);
  const tagged = attachTag(
    rejected.snapshot,
    await batch.systemTag(order.row.accountId, "warehouse_rejected"),
    "system",
  );
  return tagged instanceof Refusal ? rejected : batch.writes.recordDecision(rejected, tagged, meta);
}

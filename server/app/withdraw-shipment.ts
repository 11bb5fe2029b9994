import { eq } from "drizzle-orm";
import { appendEvents, loadOrder, saveDecision } from "#server/db/order-queries.ts";
import { shipments, warehouses } from "#server/db/schema.ts";
import { attachTag } from "#server/domain/order-tagging.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { markUnshippable, withdrawRefusal } from "#server/domain/shipment.ts";
import type { WarehouseKind } from "#server/ports/warehouse.ts";
import { type Actor, type AppContext, actorLabel } from "./context.ts";
import { systemTag } from "./progress-order.ts";

/**
 * 出荷依頼取下げ (SPEC.md §3): on the warehouse's yes the parcel is 出荷不可 and the order is tagged
 * "withdrawn" — never cancelled by this; the merchant then cancels or requests again.
 */
export async function withdrawShipment(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  orderId: string,
  shipmentId: string,
): Promise<void> {
  const target = await ctx.db.transaction(async (tx) => {
    const order = await loadOrder(tx, accountId, orderId, { lock: false });
    if (!order) throw notFound("order", "注文");
    const refusal = withdrawRefusal(order.snapshot, shipmentId);
    if (refusal) throw refusal;
    const [row] = await tx
      .select({ kind: warehouses.kind, requestedAt: shipments.requestedAt })
      .from(shipments)
      .innerJoin(warehouses, eq(warehouses.id, shipments.warehouseId))
      .where(eq(shipments.id, shipmentId));
    if (!row) throw notFound("shipment", "出荷");
    return { kind: row.kind as WarehouseKind, reference: shipmentId };
  });
  const client = ctx.warehouses[target.kind];
  if (!client) throw new Error(`no warehouse client for kind ${target.kind}`);
  const answer = await client.withdrawShipment({
    idempotencyKey: `withdraw:${shipmentId}`,
    warehouseReference: target.reference,
  });
  const meta = { actor: actorLabel(actor), now: ctx.clock.now() };
  const refusedBy = await ctx.db.transaction(async (tx) => {
    const order = await loadOrder(tx, accountId, orderId, { lock: true });
    if (!order) throw notFound("order", "注文");
    if (answer.outcome === "refused") {
      await appendEvents(
        tx,
        order.row,
        [
          {
            type: "withdrawal_refused",
            message: `倉庫が取下げを受け付けませんでした(${answer.code}: ${answer.message})`,
            detail: { shipmentId },
          },
        ],
        meta,
      );
      return answer;
    }
    if (withdrawRefusal(order.snapshot, shipmentId)) return null;
    const withdrawn = await saveDecision(
      tx,
      order,
      markUnshippable(order.snapshot, shipmentId, "出荷依頼を取り下げました"),
      meta,
    );
    const tagged = attachTag(withdrawn.snapshot, await systemTag(tx, accountId, "withdrawn"), "system");
    if (!(tagged instanceof Refusal)) await saveDecision(tx, withdrawn, tagged, meta);
    return null;
  });
  if (refusedBy) {
    throw new Refusal(
      "shipment.withdraw_refused",
      `倉庫が取下げを受け付けませんでした: ${refusedBy.message}`,
      { rule: refusedBy.code },
    );
  }
}

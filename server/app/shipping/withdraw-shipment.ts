import { and, eq } from "drizzle-orm";
import { appendEvents, loadOrder, saveDecision } from "#server/db/orders/order-queries.ts";
import { shipments, warehouses } from "#server/db/schema.ts";
import { systemTag } from "#server/db/shops/shop-reads.ts";
import { attachTag } from "#server/domain/order-tagging.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { markUnshippable, withdrawRefusal } from "#server/domain/shipment.ts";
import { type Actor, type AppContext, actorLabel } from "../context.ts";
import { dissolveConsolidation } from "./shipment-group.ts";
import { warehouseClientOf } from "./warehouse-client.ts";

/**
 * 出荷依頼取下げ (SPEC.md §3): on the warehouse's yes the parcel is 出荷不可 and the order is tagged
 * "withdrawn" — never cancelled by this; the merchant then cancels or requests again. A merged parcel
 * (同梱) is one request at the warehouse, so every order in it is withdrawn together.
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
      .select({ shipment: shipments, warehouse: warehouses })
      .from(shipments)
      .innerJoin(warehouses, eq(warehouses.id, shipments.warehouseId))
      .where(and(eq(shipments.id, shipmentId), eq(shipments.accountId, accountId)));
    if (!row) throw notFound("shipment", "出荷");
    const reference = row.shipment.warehouseReference ?? row.shipment.slipNumber;
    const parcel = await tx
      .select({ id: shipments.id, orderId: shipments.orderId })
      .from(shipments)
      .where(
        and(
          eq(shipments.accountId, accountId),
          eq(shipments.warehouseId, row.warehouse.id),
          eq(shipments.warehouseReference, reference),
        ),
      );
    return {
      warehouse: row.warehouse,
      reference,
      parcel: parcel.length > 0 ? parcel : [{ id: shipmentId, orderId }],
    };
  });
  const answer = await warehouseClientOf(ctx, target.warehouse).withdrawShipment({
    idempotencyKey: `withdraw:${shipmentId}:${target.reference}`,
    warehouseReference: target.reference,
  });
  const meta = { actor: actorLabel(actor), now: ctx.clock.now() };
  if (answer.outcome === "refused") {
    await ctx.db.transaction(async (tx) => {
      const order = await loadOrder(tx, accountId, orderId, { lock: true });
      if (!order) return;
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
    });
    throw new Refusal("shipment.withdraw_refused", `倉庫が取下げを受け付けませんでした: ${answer.message}`, {
      rule: answer.code,
    });
  }
  for (const s of target.parcel) {
    await ctx.db.transaction(async (tx) => {
      const order = await loadOrder(tx, accountId, s.orderId, { lock: true });
      if (!order || withdrawRefusal(order.snapshot, s.id)) return;
      const why = "出荷依頼を取り下げました";
      await tx.update(shipments).set({ unshippableReason: why }).where(eq(shipments.id, s.id));
      const withdrawn = await saveDecision(tx, order, markUnshippable(order.snapshot, s.id, why), meta);
      const tagged = attachTag(withdrawn.snapshot, await systemTag(tx, accountId, "withdrawn"), "system");
      if (!(tagged instanceof Refusal)) await saveDecision(tx, withdrawn, tagged, meta);
    });
  }
  await ctx.db.transaction((tx) => dissolveConsolidation(tx, ctx, shipmentId, meta));
}

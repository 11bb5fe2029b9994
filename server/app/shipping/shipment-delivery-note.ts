import { and, eq } from "drizzle-orm";
import type { DeliveryNote } from "#server/adapters/documents/delivery-note.ts";
import { shipments } from "#server/db/schema.ts";
import type { ShipTo } from "#server/domain/address.ts";
import { notFound } from "#server/domain/refusal.ts";
import type { AppContext } from "../context.ts";
import { noteOf, notesMaterial } from "./delivery-notes.ts";

/**
 * 納品書 of one parcel, to go in its box. An order in one parcel gets the order's own note; one in
 * several gets, per parcel, only the lines and ship-to of that box, with the order's total beside them
 * so the buyer can add the boxes up.
 */
export async function shipmentDeliveryNote(
  ctx: AppContext,
  accountId: string,
  shipmentId: string,
): Promise<DeliveryNote> {
  const [found] = await ctx.db
    .select({ orderId: shipments.orderId })
    .from(shipments)
    .where(and(eq(shipments.id, shipmentId), eq(shipments.accountId, accountId)));
  if (!found) throw notFound("shipment", "出荷");
  const { rows, items, parcels } = await notesMaterial(ctx, accountId, [found.orderId]);
  const [row] = rows;
  const index = parcels.findIndex((p) => p.shipment.id === shipmentId);
  const parcel = parcels[index];
  if (!row || !parcel) throw notFound("shipment", "出荷");
  const issuedOn = ctx.clock.now();
  if (parcels.length === 1) return noteOf(ctx, row, items, parcels, issuedOn);
  const note = noteOf(
    ctx,
    row,
    items.filter((i) => i.shipmentId === shipmentId),
    [parcel],
    issuedOn,
    (parcel.shipment.shipTo ?? row.order.shipTo) as ShipTo,
  );
  return {
    ...note,
    parcel: { slipNumber: parcel.shipment.slipNumber, index: index + 1, count: parcels.length },
  };
}

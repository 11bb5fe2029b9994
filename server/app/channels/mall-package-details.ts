import { isDeepStrictEqual } from "node:util";
import { eq } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import type { LoadedOrder } from "#server/db/orders/order-queries.ts";
import { shipments } from "#server/db/schema.ts";
import { sameAddress, shipToOf } from "#server/domain/address.ts";
import type { MallOrder } from "#server/ports/mall.ts";
import { packageDetailColumns } from "../orders/insert-order.ts";

/**
 * Brings each shipment's package details (クール, 受取場所, 置き配, のし, 離島, chosen carrier) up to what
 * the mall says now, writing only the shipments that differ. A package whose recipient has just given
 * the address (ソーシャルギフト) gets it as its own ship-to when it is not the order's.
 * Answers whether such an address arrived.
 */
export async function updateShipmentsFromMall(tx: Db, order: LoadedOrder, mall: MallOrder): Promise<boolean> {
  const [first] = mall.packages;
  const orderShipTo = first ? shipToOf(first.shipTo) : order.row.shipTo;
  let arrived = false;
  for (const shipment of order.shipments) {
    const pkg = mall.packages.find((p) => p.mallPackageId === shipment.mallPackageId);
    if (!pkg) continue;
    const details = packageDetailColumns(pkg);
    const before = packageDetailColumns({
      ...shipment,
      pickupPoint: shipment.pickupPoint as typeof pkg.pickupPoint,
      chosenCarrier: shipment.chosenCarrier as typeof pkg.chosenCarrier,
      temperature: shipment.temperature as typeof pkg.temperature,
    });
    const addressNow = shipment.addressPending && !pkg.addressPending;
    arrived ||= addressNow;
    if (isDeepStrictEqual(details, before) && !addressNow) continue;
    const own = shipToOf(pkg.shipTo);
    await tx
      .update(shipments)
      .set({
        ...details,
        ...(addressNow ? { shipTo: sameAddress(own, orderShipTo) ? null : own } : {}),
      })
      .where(eq(shipments.id, shipment.id));
  }
  return arrived;
}

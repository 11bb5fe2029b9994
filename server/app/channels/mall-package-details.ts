import { isDeepStrictEqual } from "node:util";
import type { LoadedOrder, ShipmentRow } from "#server/db/orders/order-queries.ts";
import { type ShipTo, sameAddress, shipToOf } from "#server/domain/address.ts";
import type { MallOrder } from "#server/ports/mall.ts";
import { packageDetailColumns } from "../orders/mall-detail-columns.ts";

type ShipmentUpdate = {
  id: string;
  set: ReturnType<typeof packageDetailColumns> & { shipTo?: ShipTo | null };
};

/**
 * Each shipment's package details (クール, 受取場所, 置き配, のし, 離島, chosen carrier) as the mall says
 * them now, for the shipments that differ only. A package whose recipient has just given the address
 * (ソーシャルギフト) gets it as its own ship-to when it is not the order's. Says whether such an
 * address arrived; nothing is written here.
 */
export function shipmentsFromMall(
  order: LoadedOrder,
  mall: MallOrder,
): { updates: ShipmentUpdate[]; addressArrived: boolean } {
  const [first] = mall.packages;
  const orderShipTo = first ? shipToOf(first.shipTo) : order.row.shipTo;
  const updates: ShipmentUpdate[] = [];
  let addressArrived = false;
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
    addressArrived ||= addressNow;
    if (isDeepStrictEqual(details, before) && !addressNow) continue;
    const own = shipToOf(pkg.shipTo);
    updates.push({
      id: shipment.id,
      set: { ...details, ...(addressNow ? { shipTo: sameAddress(own, orderShipTo) ? null : own } : {}) },
    });
  }
  return { updates, addressArrived };
}

/** The shipment rows with those updates, as the order stands once they are written. */
export function withShipmentUpdates(rows: readonly ShipmentRow[], updates: readonly ShipmentUpdate[]) {
  return rows.map((s) => {
    const update = updates.find((u) => u.id === s.id);
    return update ? ({ ...s, ...update.set } as ShipmentRow) : s;
  });
}

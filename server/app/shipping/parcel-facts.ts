import type { orders, shipments } from "#server/db/schema.ts";
import type { ParcelFacts } from "#server/domain/parcel-notes.ts";
import { isColdTemperature } from "#server/domain/shipping-service.ts";

/** What a parcel's notes (picking list, 納品書) read from the order and its shipment. */
export function parcelFactsOf(
  order: Pick<typeof orders.$inferSelect, "gift" | "wrappings">,
  shipment: Pick<
    typeof shipments.$inferSelect,
    "noshi" | "dropOffLocation" | "temperature" | "pickupPoint" | "remoteIsland"
  >,
): ParcelFacts {
  return {
    gift: order.gift,
    wrappings: order.wrappings as { name: string }[],
    noshi: shipment.noshi,
    dropOffLocation: shipment.dropOffLocation,
    temperature: isColdTemperature(shipment.temperature) ? shipment.temperature : null,
    pickupPoint: shipment.pickupPoint as ParcelFacts["pickupPoint"],
    remoteIsland: shipment.remoteIsland,
  };
}

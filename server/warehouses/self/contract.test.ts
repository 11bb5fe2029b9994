import { warehouseContract } from "#server/ports/contracts/warehouse.contract.ts";
import type { ShipmentRequest } from "#server/ports/warehouse.ts";
import { self } from "./index.ts";

/**
 * The own stock room passes the warehouse contract with no levers: there is no system behind it to
 * fail, to start picking or to report results (its 出荷実績 come from the tracking-number import,
 * app/import-tracking.ts). What applies is what its client promises: a retried request answers the same
 * reference, a withdrawal always succeeds, and polling finds nothing and keeps the cursor.
 */

let serial = 0;
function newRequest(extra: Partial<ShipmentRequest> = {}): ShipmentRequest {
  serial += 1;
  return {
    idempotencyKey: `ship-${serial}`,
    shipmentId: `shipment-${serial}`,
    slipNumber: `J-${serial}`,
    mallOrderNumbers: [`order-${serial}`],
    shipTo: {
      name: "山田 太郎",
      postalCode: "150-0001",
      prefecture: "東京都",
      address1: "渋谷区神宮前1-2-3",
      phone: "090-1234-5678",
    },
    lines: [{ sku: "MUG-1", quantity: 1 }],
    desiredDeliveryDate: null,
    desiredTimeSlot: null,
    plannedShipDate: null,
    ...extra,
  };
}

warehouseContract("self", async () => ({ client: self.createClient({}, {}), newRequest }));

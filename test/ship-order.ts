import assert from "node:assert/strict";
import { recordWarehouseResults } from "#server/app/shipping/record-warehouse-results.ts";
import type { TestApp } from "./app.ts";

/** Sends an order's first shipment to the account's first warehouse and records it shipped on `shippedOn`. */
export async function shipOrder(
  t: TestApp,
  orderId: string,
  shippedOn: string,
  trackingNumber = "123456789012",
) {
  const order = (await t.api("GET", `/api/orders/${orderId}`)).body;
  const [shipment] = order.shipments;
  assert.equal((await t.api("POST", `/api/orders/${orderId}/shipments/${shipment.id}/request`)).status, 202);
  await t.runDueJobs("shipment-request");
  const warehouseId = (await t.api("GET", "/api/warehouses")).body.items[0].id;
  await recordWarehouseResults(t.ctx, warehouseId, [
    {
      warehouseReference: shipment.slipNumber,
      slipNumber: shipment.slipNumber,
      outcome: "shipped",
      shippedOn,
      parcels: [{ carrier: "yamato", trackingNumber }],
    },
  ]);
}

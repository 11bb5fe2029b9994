import type { ShipTo } from "#server/domain/address.ts";

/**
 * A warehouse that ships orders: a 3PL such as RSL over its API, or the merchant's own stock room.
 * Each call carries an idempotency key so a retried job never books a parcel twice.
 */
export type ShipmentRequest = {
  idempotencyKey: string;
  shipmentId: string;
  mallOrderNumber: string;
  shipTo: ShipTo;
  lines: { sku: string; quantity: number }[];
};

export type ShipmentRequestResult =
  | { outcome: "accepted"; warehouseReference: string }
  | { outcome: "rejected"; code: string; message: string };

export type WithdrawalResult =
  | { outcome: "withdrawn" }
  | { outcome: "refused"; code: string; message: string };

export type WarehouseClient = {
  requestShipment(request: ShipmentRequest): Promise<ShipmentRequestResult>;
  withdrawShipment(input: { idempotencyKey: string; warehouseReference: string }): Promise<WithdrawalResult>;
};

export type WarehouseKind = "self" | "rsl";

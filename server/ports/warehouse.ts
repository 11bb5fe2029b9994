import type { ShipTo } from "#server/domain/address.ts";
import type { Parcel } from "#server/domain/carrier.ts";

/**
 * A warehouse that ships orders: a 3PL such as RSL over its API, or the merchant's own stock room.
 * Each call carries an idempotency key so a retried job never books a parcel twice.
 */
export type ShipmentRequest = {
  idempotencyKey: string;
  shipmentId: string;
  /** 出荷番号: the short number printed on the slip and matched when tracking numbers come back. */
  slipNumber: string;
  /** Every mall order in the parcel: one, or several when merged (同梱). */
  mallOrderNumbers: string[];
  shipTo: ShipTo;
  lines: { sku: string; quantity: number }[];
  /** YYYY-MM-DD in Asia/Tokyo, when the buyer asked for a date. */
  desiredDeliveryDate: string | null;
  desiredTimeSlot: string | null;
};

export type ShipmentRequestResult =
  | { outcome: "accepted"; warehouseReference: string; plannedShipDate: string | null }
  | { outcome: "rejected"; code: string; message: string };

export type WithdrawalResult =
  | { outcome: "withdrawn" }
  | { outcome: "refused"; code: string; message: string };

/** 出荷実績: what the warehouse did with a request it accepted. */
export type WarehouseResult = {
  warehouseReference: string;
  /** The slip number Juchu sent: finds the shipment when the request's answer was lost in a crash. */
  slipNumber: string;
} & (
  | { outcome: "shipped"; shippedOn: string; parcels: Parcel[] }
  | { outcome: "unshippable"; code: string; reason: string }
);

export type WarehouseClient = {
  requestShipment(request: ShipmentRequest): Promise<ShipmentRequestResult>;
  withdrawShipment(input: { idempotencyKey: string; warehouseReference: string }): Promise<WithdrawalResult>;
  /**
   * Results since the cursor the last call returned (null: from the start). The cursor is saved
   * only after the results are recorded, so a crash repeats a page and never skips one.
   */
  fetchResults(cursor: string | null): Promise<{ results: WarehouseResult[]; cursor: string | null }>;
};

export type WarehouseKind = "self" | "rsl";

/** A transport or server failure talking to the warehouse; `retryable` says whether trying again can help. */
export class WarehouseError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  constructor(code: string, message: string, options: { retryable: boolean }) {
    super(message);
    this.name = "WarehouseError";
    this.code = code;
    this.retryable = options.retryable;
  }
}

/** What a warehouse's settings open: one client per warehouse (RSL needs its API key). */
export type WarehouseClientFactory = (warehouse: {
  kind: WarehouseKind;
  credentials: Record<string, string> | null;
}) => WarehouseClient;

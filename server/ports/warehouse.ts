import type { ShipTo } from "#server/domain/address.ts";
import type { Parcel } from "#server/domain/carrier.ts";

/**
 * A warehouse that ships orders: a 3PL over its API, or the merchant's own stock room.
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
  /**
   * 出荷予定日 (YYYY-MM-DD) Juchu worked out: the warehouse's calendar plus the products' お届け対応可能日数.
   * A warehouse that takes it ships no earlier; null when the calendar gave none.
   */
  plannedShipDate: string | null;
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

/** A registered warehouse kind's code ("self", a 3PL's folder name under server/warehouses/). */
export type WarehouseKind = string;

/** One credential the warehouse's settings form asks for; served to the UI, sealed when saved. */
export type CredentialField = {
  key: string;
  /** Japanese label on the form and in refusals: "APIキー" */
  label: string;
  /** Written only: never shown again after saving */
  secret: boolean;
  minLength: number;
  maxLength: number;
};

/** What a warehouse kind does, asked by generic code instead of testing its kind. */
export type WarehouseCapabilities = {
  /** 自社倉庫の作業: the staff pick, print carrier slips and import tracking numbers in Juchu. */
  stockRoom: boolean;
  /** A request can be withdrawn (出荷依頼取下げ) until the warehouse starts picking it. */
  withdraw: boolean;
  /** 出荷実績 come back by polling fetchResults every resultPollMinutes. */
  resultsPolling: boolean;
  /** The warehouse reports its own stock levels. */
  stockSync: boolean;
  /**
   * Requests and results travel through the warehouse's own API: the plan's 倉庫連携
   * (warehouse_linkage), so an account without it cannot add or reconnect such a warehouse.
   */
  linkage: boolean;
};

/** Where the warehouse's API answers (the real one, or a sandbox) and how long a call may take. */
export type WarehouseConnection = { baseUrl?: string | undefined; timeoutMs?: number | undefined };

/** A warehouse kind as its folder registers it (server/warehouses/registry.ts). */
export type WarehouseDefinition = {
  kind: WarehouseKind;
  /** 自社倉庫, 楽天スーパーロジスティクス … */
  label: string;
  credentials: readonly CredentialField[];
  capabilities: WarehouseCapabilities;
  /**
   * A polled warehouse's results are read this long after it took requests, besides the schedule: its
   * first answers (出荷不可 at picking, a quick shipment) need not wait for the merchant's interval.
   * Absent: the schedule only. One poll waits per warehouse, so it never reads more often than this.
   */
  resultsFollowUpSeconds?: number;
  createClient(
    connection: WarehouseConnection,
    credentials: Readonly<Record<string, string>>,
  ): WarehouseClient;
};

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

/** What a warehouse's settings open: one client per warehouse, with its credentials opened. */
export type WarehouseClientFactory = (warehouse: {
  kind: WarehouseKind;
  credentials: Record<string, string> | null;
}) => WarehouseClient;

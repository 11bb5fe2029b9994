/** The shapes of the shipping endpoints (倉庫, 出荷一覧, 同梱, 伝票番号取込); the shipment itself is in types.ts. */
import type { ShipmentFields } from "./types.ts";

export type ShipmentRow = ShipmentFields & {
  orderId: string;
  mallOrderNumber: string;
  orderStatus: string;
  orderStatusLabel: string;
  shopId: string;
  shopName: string;
  warehouseName: string;
  warehouseKind: string;
  atStockRoom: boolean;
  buyerName: string;
  shipToName: string;
};
export type ShipmentList = { items: ShipmentRow[]; total: number; counts: Record<string, number> };

export type MergeCandidate = {
  shipmentId: string;
  orderId: string;
  mallOrderNumber: string;
  buyerName: string;
  shipToName: string;
  status: string;
};

export type TrackingImportProfile = {
  id: string;
  name: string;
  carrier: string | null;
  slipNumberColumn: string;
  trackingNumberColumn: string;
  shippedOnColumn: string | null;
  carrierColumn: string | null;
};
export type TrackingImportReport = {
  rows: {
    line: number;
    slipNumber: string | null;
    trackingNumber: string | null;
    outcome: "shipped" | "already_shipped" | "error";
    message: string;
  }[];
  shipped: number;
  failed: number;
};

/** ご依頼主 on the carrier's slip. */
export type Sender = {
  name: string;
  postalCode: string;
  prefecture: string;
  address1: string;
  address2?: string;
  phone: string;
};
export type WarehouseCapabilities = {
  stockRoom: boolean;
  withdraw: boolean;
  resultsPolling: boolean;
  stockSync: boolean;
};
/** A registered warehouse kind (GET /api/warehouse-kinds): what its form asks for. */
export type WarehouseKind = {
  kind: string;
  label: string;
  credentials: { key: string; label: string; secret: boolean; minLength: number; maxLength: number }[];
  capabilities: WarehouseCapabilities;
};
export type Warehouse = {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  capabilities: WarehouseCapabilities;
  /** Credentials are write-only: only whether they are saved. */
  hasCredentials: boolean;
  settings: {
    resultPollMinutes: number;
    sender?: Sender;
    yamatoBillingCustomerCode?: string;
    yamatoFreightNumber?: string;
  };
  resultsPolledAt: string | null;
};

/** A slip the 送り状データ left out, with what to fix and where. */
export type LeftOutSlip = {
  shipmentId: string;
  slipNumber: string;
  orderId: string;
  mallOrderNumber: string;
  problems: { field: string; rule: string; message: string; value: string; screen: string; path: string }[];
};
export type CarrierCsvExport = {
  fileName: string;
  contentType: string;
  /** The CSV (Shift_JIS) in Base64; null when no slip could go in it. */
  csvBase64: string | null;
  included: { shipmentId: string; slipNumber: string }[];
  leftOut: LeftOutSlip[];
};

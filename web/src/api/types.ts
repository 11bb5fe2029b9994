/** The shapes of the public API (GET /api/openapi.json) that the admin reads. */

export type Coded = { code: string; label: string };

/** A field of a channel's credentials form; secret ones are never shown back. */
export type CredentialField = {
  key: string;
  label: string;
  type: "secret" | "expiresAt";
  hint: string | null;
};

/** A registered channel as /api/vocabulary gives it: only these take shops. */
export type Channel = Coded & {
  kind: "mall" | "cart" | "file" | "internal";
  /** poll: imported by Juchu (取込ログ); upload: files; internal: entered in Juchu. */
  source: "poll" | "upload" | "internal";
  credentials: CredentialField[];
  capabilities: { confirm: boolean; reportShipping: boolean; cancel: boolean; stock: boolean };
  defaultGracePeriodMinutes: number;
  cancelReasons: Coded[];
};

export type Vocabulary = {
  orderStatuses: Coded[];
  shippingStatuses: Coded[];
  paymentMethods: Coded[];
  channels: Channel[];
  carriers: Coded[];
  carrierCsvFormats: Coded[];
  shippingServices: Coded[];
  temperatures: Coded[];
  /** Every channel's reasons, coded `<channel>:<code>`. */
  mallCancelReasons: (Coded & { channel: string })[];
  mailStatuses: Coded[];
  prefectures: string[];
};

export type Session = {
  user: { id: string; email: string };
  account: { id: string; name: string };
  csrfToken: string;
  expiresAt: string;
};

export type Page<T> = { items: T[]; nextCursor: string | null; total: number; totalCapped?: boolean };

export type TagRef = { id: string; name: string; hold: boolean; color: string };

export type OrderSummary = {
  id: string;
  shopId: string;
  mallOrderNumber: string;
  status: string;
  statusLabel: string;
  shippingStatus: string | null;
  shippingStatusLabel: string | null;
  orderedAt: string;
  buyerName: string;
  total: number | null;
  paymentMethod: string;
  paid: boolean;
  tags: TagRef[];
  deleted: boolean;
};

export type Count = { count: number; capped: boolean };
export type StatusCounts = { all: Count; items: (Count & { status: string; statusLabel: string })[] };

export type OrderAction =
  | "cancel"
  | "delete"
  | "markPaid"
  | "attachTag"
  | "removeTag"
  | "requestShipment"
  | "withdrawShipment"
  | "reportShipping";

/** An address as the API stores it; mall imports add nameKana. */
export type Address = Record<string, unknown>;

export type Parcel = {
  carrier: string;
  carrierLabel: string;
  trackingNumber: string;
  /** The carrier's tracking page; null when the carrier has none. */
  trackingUrl: string | null;
  mallShippingId: string | null;
};

/** What every screen shows of one shipment (order detail and 出荷一覧 alike). */
export type ShipmentFields = {
  id: string;
  /** 出荷番号: the お客様管理番号 on the carrier's slip. */
  slipNumber: string;
  warehouseId: string;
  status: string;
  statusLabel: string;
  /** The mall's 送付先ID (楽天 basketId); null for manual orders. */
  mallPackageId: string | null;
  /** This parcel's own ship-to; null means the order's. */
  shipTo: Address | null;
  /** クール便: null = 常温. */
  temperature: "chilled" | "frozen" | null;
  temperatureLabel: string;
  /** コンビニ・郵便局受取: the parcel goes there (the ship-to is its address). */
  pickupPoint: {
    kind: string;
    storeCode: string;
    name: string;
    postalCode: string;
    prefecture: string;
    address: string;
  } | null;
  /** 置き配 location. */
  dropOffLocation: string | null;
  noshi: string | null;
  /** 離島・一部地域. */
  remoteIsland: boolean;
  /** The carrier the buyer chose, in the mall's code and words; carrier null when Juchu has none for it. */
  chosenCarrier: { mallCode: string; label: string; carrier: string | null } | null;
  /** A social gift's recipient has not entered the address yet. */
  addressPending: boolean;
  requestDueAt: string | null;
  requestedAt: string | null;
  warehouseReference: string | null;
  /** YYYY-MM-DD, as the warehouse answered. */
  plannedShipDate: string | null;
  /** 配送サービス set on this shipment; null follows its products. */
  shippingService: string | null;
  consolidationId: string | null;
  parcels: Parcel[];
  carrier: string | null;
  trackingNumber: string | null;
  shippedAt: string | null;
  /** YYYY-MM-DD in Tokyo. */
  shippedOn: string | null;
  unshippableReason: string | null;
  mallReportedAt: string | null;
};

export type Shipment = ShipmentFields & {
  allowedActions: ("request" | "withdraw" | "split")[];
  allocations: { productId: string; required: number; allocated: number }[];
};

export type Order = {
  id: string;
  shopId: string;
  mallOrderNumber: string;
  source: string;
  status: string;
  statusLabel: string;
  shippingStatus: string | null;
  shippingStatusLabel: string | null;
  orderedAt: string;
  graceUntil: string;
  /** emailMasked: the mall's relay address (楽天 あんしんメルアド), not the buyer's own. */
  buyer: { name: string; email: string; emailMasked: boolean; phone: string | null };
  shipTo: Address;
  paymentMethod: string;
  paymentMethodLabel: string;
  paid: boolean;
  paidAt: string | null;
  subtotal: number;
  /** null: 未確定 at the mall, never zero. */
  shippingFee: number | null;
  /** 代引料・決済手数料; null: 未確定. */
  fees: number | null;
  /** The parts of fees when the mall gives them apart; null otherwise. */
  feeBreakdown: {
    cashOnDelivery: number | null;
    payment: number | null;
    deferredPayment: number | null;
    wrapping: number | null;
  } | null;
  couponDiscount: number;
  /** The coupons by who pays: the shop's own and the mall's. */
  couponDiscounts: { shop: number; mall: number };
  gift: boolean;
  wrappings: { name: string; fee: number | null }[];
  /** Billed amount and the tax in it per rate (tax included). */
  taxSummary: { ratePercent: number; amount: number | null; tax: number | null }[];
  pointsUsed: number;
  /** 請求金額; null while any part of it is 未確定. */
  total: number | null;
  remarks: string | null;
  /** YYYY-MM-DD */
  desiredDeliveryDate: string | null;
  desiredTimeSlot: string | null;
  /** The mall's own status, for imported orders only. */
  mall: {
    status: string;
    statusLabel: string;
    paymentLabel: string | null;
    checkedAt: string | null;
    confirmedAt: string | null;
  } | null;
  /** Imported in テスト取込: nothing is sent to buyers, the warehouse or the mall. */
  testImport: boolean;
  deleted: boolean;
  deletedAt: string | null;
  items: {
    id: string;
    lineNo: number;
    mallItemCode: string;
    /** 商品番号 as the shop's pages show it (楽天 itemNumber); null when the mall has none. */
    mallItemNumber: string | null;
    mallSkuCode: string;
    name: string;
    /** 項目選択肢, possibly several lines; "" when none. */
    selectedChoice: string;
    shipmentId: string | null;
    unitPrice: number;
    quantity: number;
    mapped: boolean;
    productMappingId: string | null;
  }[];
  shipments: Shipment[];
  tags: (TagRef & { kind: "system" | "custom"; systemCode: string | null })[];
  allowedActions: OrderAction[];
  waitingFor: string[];
  events: {
    at: string;
    actor: string;
    type: string;
    fromStatus: string | null;
    toStatus: string | null;
    message: string;
    detail: unknown;
  }[];
  createdAt: string;
  updatedAt: string;
};

export type BulkAction = "cancel" | "markPaid" | "attachTag" | "removeTag";
export type BulkResult = {
  orderId: string;
  mallOrderNumber: string | null;
  ok: boolean;
  statusLabel: string | null;
  code?: string;
  detail?: string;
};

export type ShopSettings = {
  gracePeriodMinutes: number;
  shipmentRequestDelayMinutes: number;
  returnStockOnCancel: boolean;
  reflectCancelToMall: boolean;
  importEnabled: boolean;
  importIntervalMinutes: number;
  testImportMode: boolean;
  /** Absent on shops saved before the setting existed. */
  paymentOverdueDays?: number;
  syncEnabled: boolean;
  syncStartAt: string | null;
  warehouseId: string | null;
};
export type Shop = {
  id: string;
  channel: string;
  channelLabel: string;
  name: string;
  settings: ShopSettings;
  hasCredentials: boolean;
  credentialsExpireAt: string | null;
  /** From 14 days before the key runs out; the message is the server's. */
  credentialWarning: { level: "expired" | "expiring"; daysLeft: number; message: string } | null;
  createdAt: string;
  updatedAt: string;
};

/** POST /api/shops/:id/test-connection: 200 even when the mall refuses; message says why. */
export type ConnectionTest = { ok: boolean; found: number | null; code: string | null; message: string };

export type ImportRunStatus = "running" | "succeeded" | "failed" | "interrupted";
export type ImportRun = {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  windowFrom: string;
  windowTo: string;
  status: ImportRunStatus;
  testImport: boolean;
  found: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  /** Every order read: created + updated + unchanged + skipped + failed. */
  seen: number;
  errors: { mallOrderNumber?: string; code: string; message: string }[];
};

export type TagCondition =
  | { field: "remarks"; op: "not_empty" }
  | { field: "remarks"; op: "contains"; value: string }
  | { field: "total" | "buyerOrderCount"; op: "gte" | "lte"; value: number }
  | { field: "prefecture" | "paymentMethod"; op: "in"; values: string[] }
  | { field: "sku"; op: "contains"; value: string }
  | { field: "shipToDiffersFromBuyer"; op: "is"; value: boolean };
export type TagRule = { match: "all" | "any"; conditions: TagCondition[] };

export type Tag = TagRef & {
  rule: TagRule | null;
  ruleDescription: string | null;
  kind: "custom" | "system";
  systemCode: string | null;
};

export type DryRun = {
  examined: number;
  matched: number;
  summary: string;
  description: string;
  orders: {
    id: string;
    mallOrderNumber: string;
    orderedAt: string;
    buyerName: string;
    total: number | null;
    statusLabel: string;
  }[];
};

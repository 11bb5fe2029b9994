/** The shapes of the public API (GET /api/openapi.json) that the admin reads. */

export type Coded = { code: string; label: string };
export type Vocabulary = {
  orderStatuses: Coded[];
  shippingStatuses: Coded[];
  paymentMethods: Coded[];
  channels: Coded[];
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
  | "withdrawShipment";

export type Shipment = {
  id: string;
  warehouseId: string;
  status: string;
  statusLabel: string;
  requestDueAt: string | null;
  requestedAt: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  shippedAt: string | null;
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
  buyer: { name: string; email: string; phone: string | null };
  shipTo: Record<string, unknown>;
  paymentMethod: string;
  paymentMethodLabel: string;
  paid: boolean;
  paidAt: string | null;
  subtotal: number;
  shippingFee: number | null;
  total: number | null;
  remarks: string | null;
  deleted: boolean;
  deletedAt: string | null;
  items: {
    id: string;
    lineNo: number;
    mallItemCode: string;
    mallSkuCode: string;
    name: string;
    unitPrice: number;
    quantity: number;
    mapped: boolean;
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
  }[];
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
};

export type Warehouse = { id: string; name: string; kind: string; kindLabel: string };

export type StockLine = {
  warehouseId: string;
  warehouseName: string;
  onHand: number;
  allocated: number;
  available: number;
};
export type Product = { id: string; sku: string; name: string; stock: StockLine[] };

export type Mapping = {
  id: string;
  shopId: string;
  mallItemCode: string;
  mallSkuCode: string | null;
  components: { productId: string; sku: string; name: string; quantity: number }[];
};
export type UnmappedItem = {
  shopId: string;
  mallItemCode: string;
  mallSkuCode: string | null;
  name: string;
  orderCount: number;
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

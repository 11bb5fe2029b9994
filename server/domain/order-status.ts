/** 注文ステータス (SPEC.md §2): the English code is the API's, the label the seeds'. */
export const ORDER_STATUS_LABELS = {
  new: "新規受付",
  awaiting_confirmation: "確認待",
  confirmed: "確認済",
  awaiting_shipment: "出荷待ち",
  shipping: "出荷作業中",
  shipped: "全出荷済",
  completed: "完了",
  cancelled: "キャンセル",
} as const;

export type OrderStatus = keyof typeof ORDER_STATUS_LABELS;
export const ORDER_STATUSES = Object.keys(ORDER_STATUS_LABELS) as OrderStatus[];

/** 出荷ステータス (SPEC.md §3), per shipment. */
export const SHIPPING_STATUS_LABELS = {
  allocating: "在庫引当中",
  allocated: "在庫引当済",
  awaiting_shipment: "出荷待ち",
  shipping: "出荷中",
  shipped: "出荷済",
  unshippable: "出荷不可",
  cancelled: "キャンセル",
} as const;

export type ShippingStatus = keyof typeof SHIPPING_STATUS_LABELS;
export const SHIPPING_STATUSES = Object.keys(SHIPPING_STATUS_LABELS) as ShippingStatus[];

/**
 * Every move an order may make. Holding tags can pull a not-yet-requested order back to 確認待;
 * everything else only goes forward, and キャンセル is terminal.
 */
export const ORDER_TRANSITIONS = {
  new: ["awaiting_confirmation", "cancelled"],
  awaiting_confirmation: ["confirmed", "cancelled"],
  confirmed: ["awaiting_confirmation", "awaiting_shipment", "cancelled"],
  // 受注修正 of the lines or the payment takes an order not yet requested back to be allocated or paid.
  awaiting_shipment: ["awaiting_confirmation", "confirmed", "shipping", "cancelled"],
  shipping: ["shipped", "cancelled"],
  shipped: ["completed"],
  completed: ["cancelled"],
  cancelled: [],
} as const satisfies Record<OrderStatus, readonly OrderStatus[]>;

export const SHIPPING_TRANSITIONS = {
  allocating: ["allocated", "cancelled"],
  allocated: ["allocating", "awaiting_shipment", "cancelled"],
  awaiting_shipment: ["allocated", "shipping", "unshippable", "cancelled"],
  shipping: ["shipped", "unshippable"],
  shipped: [],
  unshippable: ["shipping", "cancelled"],
  cancelled: [],
} as const satisfies Record<ShippingStatus, readonly ShippingStatus[]>;

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return (ORDER_TRANSITIONS[from] as readonly OrderStatus[]).includes(to);
}

export function canMoveShipment(from: ShippingStatus, to: ShippingStatus): boolean {
  return (SHIPPING_TRANSITIONS[from] as readonly ShippingStatus[]).includes(to);
}

export function isOrderStatus(value: string): value is OrderStatus {
  return Object.hasOwn(ORDER_STATUS_LABELS, value);
}

export function isShippingStatus(value: string): value is ShippingStatus {
  return Object.hasOwn(SHIPPING_STATUS_LABELS, value);
}

/** The order's shipping status in a list: the least advanced live shipment speaks for the order. */
export function summarizeShippingStatus(statuses: readonly ShippingStatus[]): ShippingStatus | null {
  if (statuses.length === 0) return null;
  for (const s of [
    "unshippable",
    "allocating",
    "allocated",
    "awaiting_shipment",
    "shipping",
    "shipped",
  ] as const) {
    if (statuses.includes(s)) return s;
  }
  return "cancelled";
}

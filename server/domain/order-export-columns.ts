import type { ShipTo } from "./address.ts";
import { ORDER_STATUS_LABELS, type OrderStatus } from "./order-status.ts";
import { PAYMENT_METHODS, type PaymentMethod } from "./payment.ts";
import { toTokyoIso } from "./tokyo-time.ts";

/** One order as the CSV export reads it: its own columns plus what its shipments and tags say. */
export type ExportOrder = {
  mallOrderNumber: string;
  orderedAt: Date;
  shopName: string;
  status: string;
  buyerName: string;
  buyerEmail: string;
  buyerPhone: string | null;
  shipTo: ShipTo;
  paymentMethod: string;
  paidAt: Date | null;
  subtotal: number;
  shippingFee: number | null;
  fees: number | null;
  couponDiscount: number;
  pointsUsed: number;
  total: number | null;
  remarks: string | null;
  desiredDeliveryDate: string | null;
  desiredTimeSlot: string | null;
  plannedShipDate: string | null;
  deliveryMethod: string | null;
  shippedAt: Date | null;
  tags: string[];
};

/** 2026/12/07 10:05:00: how Japanese spreadsheets read a time without guessing its offset. */
const tokyoText = (d: Date | null) =>
  d ? toTokyoIso(d).slice(0, 19).replace("T", " ").replace(/-/g, "/") : "";
const amount = (n: number | null) => (n === null ? "" : String(n));

/** The columns a merchant can pick for 受注CSV出力, in the order the picker lists them. */
export const ORDER_EXPORT_COLUMNS = {
  orderNumber: { label: "注文番号", value: (o: ExportOrder) => o.mallOrderNumber },
  orderedAt: { label: "注文日時", value: (o: ExportOrder) => tokyoText(o.orderedAt) },
  shop: { label: "ショップ", value: (o: ExportOrder) => o.shopName },
  status: {
    label: "ステータス",
    value: (o: ExportOrder) => ORDER_STATUS_LABELS[o.status as OrderStatus] ?? o.status,
  },
  buyerName: { label: "購入者名", value: (o: ExportOrder) => o.buyerName },
  buyerEmail: { label: "購入者メールアドレス", value: (o: ExportOrder) => o.buyerEmail },
  buyerPhone: { label: "購入者電話番号", value: (o: ExportOrder) => o.buyerPhone ?? "" },
  shipToName: { label: "送付先氏名", value: (o: ExportOrder) => o.shipTo.name },
  shipToPostalCode: { label: "送付先郵便番号", value: (o: ExportOrder) => o.shipTo.postalCode },
  shipToAddress: {
    label: "送付先住所",
    value: (o: ExportOrder) =>
      [o.shipTo.prefecture, o.shipTo.address1, o.shipTo.address2].filter(Boolean).join(" "),
  },
  shipToPhone: { label: "送付先電話番号", value: (o: ExportOrder) => o.shipTo.phone },
  paymentMethod: {
    label: "支払方法",
    value: (o: ExportOrder) => PAYMENT_METHODS[o.paymentMethod as PaymentMethod] ?? o.paymentMethod,
  },
  paidAt: { label: "入金日時", value: (o: ExportOrder) => tokyoText(o.paidAt) },
  subtotal: { label: "商品合計", value: (o: ExportOrder) => amount(o.subtotal) },
  shippingFee: { label: "送料", value: (o: ExportOrder) => amount(o.shippingFee) },
  fees: { label: "手数料", value: (o: ExportOrder) => amount(o.fees) },
  couponDiscount: { label: "クーポン値引", value: (o: ExportOrder) => amount(o.couponDiscount) },
  pointsUsed: { label: "ポイント利用", value: (o: ExportOrder) => amount(o.pointsUsed) },
  total: { label: "請求金額", value: (o: ExportOrder) => amount(o.total) },
  deliveryMethod: { label: "配送方法", value: (o: ExportOrder) => o.deliveryMethod ?? "" },
  plannedShipDate: { label: "出荷予定日", value: (o: ExportOrder) => o.plannedShipDate ?? "" },
  shippedAt: { label: "出荷日時", value: (o: ExportOrder) => tokyoText(o.shippedAt) },
  desiredDeliveryDate: { label: "お届け希望日", value: (o: ExportOrder) => o.desiredDeliveryDate ?? "" },
  desiredTimeSlot: { label: "お届け希望時間帯", value: (o: ExportOrder) => o.desiredTimeSlot ?? "" },
  tags: { label: "タグ", value: (o: ExportOrder) => o.tags.join(" ") },
  remarks: { label: "備考", value: (o: ExportOrder) => o.remarks ?? "" },
} as const satisfies Record<string, { label: string; value: (o: ExportOrder) => string }>;

export type OrderExportColumn = keyof typeof ORDER_EXPORT_COLUMNS;
export const ORDER_EXPORT_COLUMN_KEYS = Object.keys(ORDER_EXPORT_COLUMNS) as [
  OrderExportColumn,
  ...OrderExportColumn[],
];

/** What the picker starts with before the merchant's first export. */
export const DEFAULT_EXPORT_COLUMNS: readonly OrderExportColumn[] = [
  "orderNumber",
  "orderedAt",
  "shop",
  "status",
  "buyerName",
  "shipToName",
  "paymentMethod",
  "total",
  "deliveryMethod",
  "plannedShipDate",
  "desiredDeliveryDate",
];

export const exportHeader = (columns: readonly OrderExportColumn[]) =>
  columns.map((c) => ORDER_EXPORT_COLUMNS[c].label);
export const exportRow = (columns: readonly OrderExportColumn[], order: ExportOrder) =>
  columns.map((c) => ORDER_EXPORT_COLUMNS[c].value(order));

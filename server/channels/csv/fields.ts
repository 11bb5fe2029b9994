/**
 * What a line of an order CSV can say, in the merchant's words. The order's own fields are read from
 * the first line of the order; every line is one item. The labels are also Juchu's template header.
 */
export const CSV_ORDER_FIELDS = {
  orderNumber: { label: "注文番号", required: true },
  orderedAt: { label: "注文日時", required: false },
  buyerName: { label: "購入者名", required: true },
  buyerEmail: { label: "購入者メールアドレス", required: true },
  buyerPhone: { label: "購入者電話番号", required: false },
  shipToName: { label: "送付先氏名", required: true },
  shipToPostalCode: { label: "送付先郵便番号", required: true },
  shipToPrefecture: { label: "送付先都道府県", required: false },
  shipToAddress1: { label: "送付先住所1", required: true },
  shipToAddress2: { label: "送付先住所2", required: false },
  shipToPhone: { label: "送付先電話番号", required: true },
  paymentMethod: { label: "支払方法", required: true },
  paid: { label: "入金済み", required: false },
  shippingFee: { label: "送料", required: false },
  remarks: { label: "備考", required: false },
  itemCode: { label: "商品管理番号", required: true },
  skuCode: { label: "SKU", required: false },
  itemName: { label: "商品名", required: true },
  unitPrice: { label: "単価", required: true },
  quantity: { label: "数量", required: true },
} as const;

export type CsvOrderField = keyof typeof CSV_ORDER_FIELDS;
export const CSV_ORDER_FIELD_NAMES = Object.keys(CSV_ORDER_FIELDS) as CsvOrderField[];

export const CSV_ENCODINGS = ["auto", "shift_jis", "utf-8"] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** The date layouts a profile may name; a single-digit month, day or hour is read too. */
export const CSV_DATE_FORMATS = [
  "yyyy/MM/dd HH:mm:ss",
  "yyyy-MM-dd HH:mm:ss",
  "yyyy/MM/dd",
  "yyyy-MM-dd",
  "yyyyMMddHHmmss",
  "yyyyMMdd",
] as const;
export type CsvDateFormat = (typeof CSV_DATE_FORMATS)[number];

/**
 * A column-mapping profile (取込設定): which columns feed each field. With a header row the columns
 * are header names (several are joined with a space: 姓 + 名); without one, 1-based column numbers.
 */
export type CsvOrderProfile = {
  id: string;
  name: string;
  builtIn: boolean;
  encoding: CsvEncoding;
  headerRow: boolean;
  dateFormat: CsvDateFormat;
  columns: Partial<Record<CsvOrderField, string[]>>;
};

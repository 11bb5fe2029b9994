import type { PaymentMethod } from "#server/domain/payment.ts";
import {
  CSV_ORDER_FIELD_NAMES,
  CSV_ORDER_FIELDS,
  type CsvOrderField,
  type CsvOrderProfile,
} from "./fields.ts";
import {
  halfWidth,
  type Read,
  readDate,
  readEmail,
  readPaid,
  readPaymentMethod,
  readPhone,
  readPostalCode,
  readPrefecture,
  readQuantity,
  readYen,
} from "./values.ts";

/** A bad value of one line: the field, the rule that refused it and what the merchant reads. */
export type RowProblem = { field: CsvOrderField; rule: string; message: string };

export type OrderPart = {
  orderedAt?: Date | undefined;
  buyer: { name: string; email: string; phone?: string | undefined };
  shipTo: {
    name: string;
    postalCode: string;
    prefecture: string;
    address1: string;
    address2?: string | undefined;
    phone: string;
  };
  paymentMethod: PaymentMethod;
  paid: boolean;
  shippingFee: number;
  remarks?: string | undefined;
};
export type ItemPart = {
  mallItemCode: string;
  mallSkuCode?: string | undefined;
  name: string;
  unitPrice: number;
  quantity: number;
};

export type ReadRow =
  | { line: number; orderNumber: string; order: OrderPart | null; item: ItemPart; problems: [] }
  | { line: number; orderNumber: string; problems: RowProblem[] };

/** Where each field's columns are in this file; built once from the header (or the column numbers). */
export type ColumnIndex = Partial<Record<CsvOrderField, number[]>>;

const normalizeHeader = (h: string) =>
  halfWidth(h).replace(/（/g, "(").replace(/）/g, ")").replace(/\s/g, "");

/**
 * The profile's columns found in the file. A required field whose column is missing refuses the
 * whole file (every line would fail the same way); a missing optional one is read as empty.
 */
export function indexColumns(
  profile: CsvOrderProfile,
  header: readonly string[] | null,
): { index: ColumnIndex } | { missing: string[] } {
  const index: ColumnIndex = {};
  const missing: string[] = [];
  const names = header?.map(normalizeHeader) ?? [];
  for (const field of CSV_ORDER_FIELD_NAMES) {
    const columns = profile.columns[field] ?? [];
    const found = columns.map((c) =>
      profile.headerRow ? names.indexOf(normalizeHeader(c)) : Number.parseInt(c, 10) - 1,
    );
    const absent = columns.filter((_, i) => (found[i] ?? -1) < 0);
    if (CSV_ORDER_FIELDS[field].required && (columns.length === 0 || absent.length === columns.length))
      missing.push(columns.length === 0 ? CSV_ORDER_FIELDS[field].label : absent.join("+"));
    index[field] = found.filter((i) => i >= 0);
  }
  return missing.length > 0 ? { missing } : { index };
}

const MAX_LENGTH: Partial<Record<CsvOrderField, number>> = {
  orderNumber: 64,
  buyerName: 100,
  shipToName: 100,
  shipToAddress1: 200,
  shipToAddress2: 200,
  itemCode: 100,
  skuCode: 100,
  itemName: 255,
  remarks: 2000,
};

/**
 * One line through the profile. `withOrder` is false for the second and later lines of an order:
 * carts repeat the order's columns on each line, and only the first line's are read.
 */
export function readRow(
  profile: CsvOrderProfile,
  index: ColumnIndex,
  record: readonly string[],
  line: number,
  withOrder: boolean,
): ReadRow {
  const problems: RowProblem[] = [];
  const raw = (field: CsvOrderField) =>
    (index[field] ?? [])
      .map((i) => (record[i] ?? "").trim())
      .filter((v) => v !== "")
      .join(" ");
  const text = (field: CsvOrderField): string => {
    const value = raw(field);
    const max = MAX_LENGTH[field];
    if (value === "" && CSV_ORDER_FIELDS[field].required)
      problems.push({ field, rule: "required", message: `${CSV_ORDER_FIELDS[field].label}がありません` });
    else if (max && value.length > max)
      problems.push({
        field,
        rule: "max_length",
        message: `${CSV_ORDER_FIELDS[field].label}が${max}文字を超えています`,
      });
    return value;
  };
  const read = <T>(field: CsvOrderField, reader: (v: string) => Read<T>, fallback: T): T => {
    const value = text(field);
    if (value === "") return fallback;
    const r = reader(value);
    if ("value" in r) return r.value;
    problems.push({ field, rule: r.rule, message: `${CSV_ORDER_FIELDS[field].label}: ${r.message}` });
    return fallback;
  };

  const orderNumber = text("orderNumber");
  const item: ItemPart = {
    mallItemCode: text("itemCode"),
    mallSkuCode: raw("skuCode") || undefined,
    name: text("itemName"),
    unitPrice: read("unitPrice", readYen, 0),
    quantity: read("quantity", readQuantity, 1),
  };
  let order: OrderPart | null = null;
  if (withOrder) {
    const postalCode = read("shipToPostalCode", readPostalCode, "");
    const prefecture = readPrefecture(raw("shipToPrefecture"), postalCode || null);
    if ("rule" in prefecture)
      problems.push({ field: "shipToPrefecture", rule: prefecture.rule, message: prefecture.message });
    order = {
      orderedAt: read("orderedAt", (v) => readDate(v, profile.dateFormat), undefined),
      buyer: {
        name: text("buyerName"),
        email: read("buyerEmail", readEmail, ""),
        phone: read("buyerPhone", readPhone, undefined),
      },
      shipTo: {
        name: text("shipToName"),
        postalCode,
        prefecture: "value" in prefecture ? prefecture.value : "",
        address1: text("shipToAddress1"),
        address2: text("shipToAddress2") || undefined,
        phone: read("shipToPhone", readPhone, ""),
      },
      paymentMethod: readPaymentMethod(text("paymentMethod")),
      paid: readPaid(raw("paid")),
      shippingFee: read("shippingFee", readYen, 0),
      remarks: text("remarks") || undefined,
    };
  }
  if (problems.length > 0) return { line, orderNumber, problems };
  return { line, orderNumber, order, item, problems: [] };
}

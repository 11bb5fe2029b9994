/**
 * MessageModelList entries. Codes marked [seen] appear in RMS documentation samples or in other
 * developers' recorded responses; [invented] ones follow the same naming where nothing public shows
 * the real code (README lists them all). A client must read messageType, not only the HTTP status.
 */

export type RmsMessage = {
  messageType: "INFO" | "ERROR" | "WARNING";
  messageCode: string;
  message: string;
  orderNumber?: string;
  dataNumber?: number | null;
  shippingDetailId?: number | null;
};

export type RmsFunction =
  | "SEARCH_ORDER"
  | "GET_ORDER"
  | "CONFIRM_ORDER"
  | "CANCEL_ORDER"
  | "UPDATE_ORDERSHIPPING";

export const code = (fn: RmsFunction, kind: RmsMessage["messageType"], n: number) =>
  `ORDER_EXT_API_${fn}_${kind}_${String(n).padStart(3, "0")}`;

export const info = (
  fn: RmsFunction,
  n: number,
  message: string,
  extra?: Partial<RmsMessage>,
): RmsMessage => ({
  messageType: "INFO",
  messageCode: code(fn, "INFO", n),
  message,
  ...extra,
});

export const error = (
  fn: RmsFunction,
  n: number,
  message: string,
  extra?: Partial<RmsMessage>,
): RmsMessage => ({
  messageType: "ERROR",
  messageCode: code(fn, "ERROR", n),
  message,
  ...extra,
});

/** [seen] _WARNING_101 exists for getOrder (CHANGELOG v8.0) and updateOrderShipping; its wording is not public. */
export const warning = (
  fn: RmsFunction,
  n: number,
  message: string,
  extra?: Partial<RmsMessage>,
): RmsMessage => ({
  messageType: "WARNING",
  messageCode: code(fn, "WARNING", n),
  message,
  ...extra,
});

// searchOrder's doc sample spells 下さい; the getOrder fixture of another developer spells ください.
const please = (fn: RmsFunction) => (fn === "SEARCH_ORDER" ? "下さい" : "ください");

/** [seen] _ERROR_009: a required field is missing. */
export const missingField = (fn: RmsFunction, field: string, extra?: Partial<RmsMessage>) =>
  error(fn, 9, `${field}の項目を指定して${please(fn)}。`, extra);

/** [seen] _ERROR_010 (searchOrder): the field is there but empty. */
export const emptyField = (fn: RmsFunction, field: string, extra?: Partial<RmsMessage>) =>
  error(fn, 10, `${field}の値を指定して${please(fn)}。`, extra);

/** [seen] _ERROR_011: the value is not in the field's format (or not one of its codes). */
export const badFormat = (fn: RmsFunction, field: string, extra?: Partial<RmsMessage>) =>
  error(fn, 11, `${field}の書式が不正です。`, extra);

/** [invented] _ERROR_012: a well-formed value outside what the function allows (counts, ranges). */
export const outOfRange = (fn: RmsFunction, message: string, extra?: Partial<RmsMessage>) =>
  error(fn, 12, message, extra);

export type Reader = {
  errors: RmsMessage[];
  /** undefined = absent (or null), NaN = present but not an integer. */
  int(value: unknown, field: string, extra?: Partial<RmsMessage>): number | undefined;
  /** Records a format error for the field, once. */
  reject(field: string, extra?: Partial<RmsMessage>): void;
};

/** Numbers may arrive as JSON numbers or numeric strings (some SDKs send `"version": "7"`). */
export function reader(fn: RmsFunction): Reader {
  const errors: RmsMessage[] = [];
  const reject = (field: string, extra?: Partial<RmsMessage>) => {
    const entry = badFormat(fn, field, extra);
    const seen = errors.some((e) => e.message === entry.message && e.dataNumber === entry.dataNumber);
    if (!seen) errors.push(entry);
  };
  return {
    errors,
    reject,
    int(value, field, extra) {
      if (value === undefined || value === null) return undefined;
      const n = typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
      if (typeof n === "number" && Number.isInteger(n)) return n;
      reject(field, extra);
      return Number.NaN;
    },
  };
}

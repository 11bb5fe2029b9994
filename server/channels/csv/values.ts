import { z } from "zod";
import { PAYMENT_METHODS, type PaymentMethod } from "#server/domain/payment.ts";
import { PREFECTURES } from "#server/domain/prefectures.ts";
import { prefecturesOfPostalCode } from "#server/domain/ship-to-check.ts";
import type { CsvDateFormat } from "./fields.ts";

/** A value read, or why not: `rule` names the rule the report shows. */
export type Read<T> = { value: T } | { rule: string; message: string };

/** Excel and carts write digits, hyphens and spaces full-width as often as half-width. */
export function halfWidth(text: string): string {
  return text
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[－―‐ー−]/g, "-")
    .replace(/　/g, " ")
    .trim();
}

export function readPostalCode(raw: string): Read<string> {
  const digits = halfWidth(raw).replace(/^〒/, "").replace(/[-\s]/g, "");
  if (!/^\d{7}$/.test(digits))
    return { rule: "postal_code_7_digits", message: "郵便番号が7桁ではありません" };
  return { value: `${digits.slice(0, 3)}-${digits.slice(3)}` };
}

/**
 * A prefecture's name, its JIS code (1–47, as carts' 都道府県区分 often are), or nothing: then Japan
 * Post's data names it from the postal code, when the code belongs to one prefecture only.
 */
export function readPrefecture(raw: string, postalCode: string | null): Read<string> {
  const text = halfWidth(raw);
  if (text === "") {
    const found = postalCode ? prefecturesOfPostalCode(postalCode.replace("-", "")) : [];
    if (found.length === 1 && found[0]) return { value: found[0] };
    return { rule: "required", message: "都道府県がなく、郵便番号からも分かりません" };
  }
  if (/^\d{1,2}$/.test(text)) {
    const byCode = PREFECTURES[Number(text) - 1];
    if (byCode) return { value: byCode };
  }
  const byName = PREFECTURES.find((p) => p === text || p.replace(/[都道府県]$/, "") === text);
  if (byName) return { value: byName };
  return { rule: "prefecture_unknown", message: `都道府県「${text}」が分かりません` };
}

export function readPhone(raw: string): Read<string> {
  const phone = halfWidth(raw);
  if (!/^[0-9+\-() ]{10,20}$/.test(phone))
    return { rule: "phone_format", message: "電話番号の形式が正しくありません" };
  return { value: phone };
}

const email = z.email();
export function readEmail(raw: string): Read<string> {
  const text = halfWidth(raw);
  if (!email.safeParse(text).success || text.length > 254)
    return { rule: "email_format", message: "メールアドレスの形式が正しくありません" };
  return { value: text };
}

/** Integer yen: "1,200", "¥1200" and "1200円" are the same 1200. */
export function readYen(raw: string): Read<number> {
  const text = halfWidth(raw).replace(/[,¥￥円\s]/g, "");
  if (!/^\d{1,10}$/.test(text)) return { rule: "integer_yen", message: "整数(円)ではありません" };
  return { value: Number(text) };
}

export function readQuantity(raw: string): Read<number> {
  const text = halfWidth(raw).replace(/,/g, "");
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 9999)
    return { rule: "quantity_range", message: "1から9999の整数ではありません" };
  return { value: n };
}

const PAID = new Set([
  "1",
  "true",
  "yes",
  "済",
  "入金済",
  "入金済み",
  "支払済",
  "支払済み",
  "○",
  "◯",
  "はい",
]);
export const readPaid = (raw: string): boolean => PAID.has(halfWidth(raw).toLowerCase());

// Carts name the same method many ways (クレジットカード決済, 代引き …): the first pattern that fits wins.
const PAYMENT_PATTERNS: [RegExp, PaymentMethod][] = [
  [/クレジット|カード|credit/i, "credit_card"],
  [/代引|代金引換|collect/i, "cash_on_delivery"],
  [/楽天ペイ/, "rakuten_pay"],
  [/paypay/i, "paypay"],
  [/amazon/i, "amazon_pay"],
  [/コンビニ/, "convenience_store"],
  [/郵便振替|ゆうちょ/, "postal_transfer"],
  [/銀行|振込/, "bank_transfer"],
  [/後払|請求書|掛/, "invoice"],
];

/** A method Juchu does not know is その他: the order still comes in, without waiting for a payment. */
export function readPaymentMethod(raw: string): PaymentMethod {
  const text = halfWidth(raw);
  if (text in PAYMENT_METHODS) return text as PaymentMethod;
  const byLabel = Object.entries(PAYMENT_METHODS).find(([, label]) => label === text);
  if (byLabel) return byLabel[0] as PaymentMethod;
  return PAYMENT_PATTERNS.find(([pattern]) => pattern.test(text))?.[1] ?? "other";
}

const DATE_PARTS: Record<CsvDateFormat, RegExp> = {
  "yyyy/MM/dd HH:mm:ss": /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/,
  "yyyy-MM-dd HH:mm:ss": /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/,
  "yyyy/MM/dd": /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  "yyyy-MM-dd": /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  yyyyMMddHHmmss: /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/,
  yyyyMMdd: /^(\d{4})(\d{2})(\d{2})$/,
};

/** A Tokyo wall-clock time in the profile's layout. */
export function readDate(raw: string, format: CsvDateFormat): Read<Date> {
  const m = DATE_PARTS[format].exec(halfWidth(raw));
  const bad = { rule: "date_format", message: `日時が ${format} の形式ではありません` };
  if (!m) return bad;
  const [y, mo, d, h = "0", mi = "0", s = "0"] = m.slice(1).map((p) => p ?? undefined) as string[];
  const pad = (v: string | undefined) => (v ?? "0").padStart(2, "0");
  const date = new Date(`${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}+09:00`);
  const year = Number(y);
  if (
    Number.isNaN(date.getTime()) ||
    year < 1900 ||
    year > 2100 ||
    Number(d) !== Number(new Date(date.getTime() + 9 * 3600_000).getUTCDate())
  )
    return bad;
  return { value: date };
}

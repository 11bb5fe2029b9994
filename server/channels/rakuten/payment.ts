import type { MasterRow } from "#server/domain/mall-masters.ts";
import { PAYMENT_METHODS, type PaymentMethod, PREPAID_PAYMENT_METHODS } from "#server/domain/payment.ts";
import type { UnknownMallValue } from "#server/domain/unknown-mall-values.ts";
import type { RakutenSettlementModel } from "./order-model.ts";
import { isCancelledProgress } from "./order-progress.ts";

/**
 * When the buyer's money is in:
 * - `at_order`: settled when the order is placed (card authorised, Apple Pay, PayPal, points …);
 * - `prepaid`: the buyer pays after ordering and before shipping; Rakuten moves the order to
 *   300 発送待ち once the payment has arrived, so it counts as paid from 300 on (unless cancelled);
 * - `later`: on delivery (代引) or afterwards (後払い, 請求書, loans) — not paid, and not a method
 *   that waits for payment either, so it never holds the order.
 */
type Settles = "at_order" | "prepaid" | "later";
type Settlement = { method: PaymentMethod; label: string; settles: Settles };

/** settlementMethodCode as getOrder documents it (searchOrder adds 3 後払い, the selectable one). */
const BY_CODE: Readonly<Record<number, Settlement>> = {
  1: { method: "credit_card", label: "クレジットカード", settles: "at_order" },
  2: { method: "cash_on_delivery", label: "代金引換", settles: "later" },
  3: { method: "invoice", label: "後払い", settles: "later" },
  4: { method: "other", label: "ショッピングクレジット／ローン", settles: "later" },
  5: { method: "other", label: "オートローン", settles: "later" },
  6: { method: "other", label: "リース", settles: "later" },
  7: { method: "invoice", label: "請求書払い", settles: "later" },
  8: { method: "other", label: "ポイント", settles: "at_order" },
  9: { method: "bank_transfer", label: "銀行振込", settles: "prepaid" },
  12: { method: "credit_card", label: "Apple Pay", settles: "at_order" },
  13: { method: "convenience_store", label: "セブンイレブン（前払）", settles: "prepaid" },
  // Renamed on 2026-01-22 to ファミリーマート、ローソン等（前払）; the code stayed 14.
  14: { method: "convenience_store", label: "ローソン、郵便局ATM等（前払）", settles: "prepaid" },
  16: { method: "other", label: "Alipay", settles: "at_order" },
  17: { method: "other", label: "PayPal", settles: "at_order" },
  21: { method: "invoice", label: "後払い決済", settles: "later" },
  27: { method: "other", label: "Alipay（支付宝）", settles: "at_order" },
};

/** Names as pre-version payloads carry them, compared after NFKC and without spaces. */
const CODE_BY_NAME: Readonly<Record<string, number>> = {
  クレジットカード: 1,
  代金引換: 2,
  後払い: 3,
  "ショッピングクレジット/ローン": 4,
  オートローン: 5,
  リース: 6,
  請求書払い: 7,
  ポイント: 8,
  銀行振込: 9,
  ApplePay: 12,
  "セブンイレブン(前払)": 13,
  "ローソン、郵便局ATM等(前払)": 14,
  "ファミリーマート、ローソン等(前払)": 14,
  Alipay: 16,
  PayPal: 17,
  後払い決済: 21,
  "後払い決済(楽天市場の共通決済)": 21,
  "Alipay(支付宝)": 27,
};

const squash = (name: string) => name.normalize("NFKC").replace(/\s+/g, "");

/** Names seen in neither list: read by their words, else その他 and not paid. */
function guessByName(name: string): Settlement {
  const n = squash(name);
  if (n.includes("楽天ペイ")) return { method: "rakuten_pay", label: name, settles: "at_order" };
  if (n.includes("前払")) return { method: "convenience_store", label: name, settles: "prepaid" };
  if (n.includes("振込") || n.includes("楽天バンク"))
    return { method: "bank_transfer", label: name, settles: "prepaid" };
  if (n.includes("代引") || n.includes("代金引換"))
    return { method: "cash_on_delivery", label: name, settles: "later" };
  if (n.includes("後払") || n.includes("請求書")) return { method: "invoice", label: name, settles: "later" };
  if (n.includes("カード")) return { method: "credit_card", label: name, settles: "at_order" };
  return { method: "other", label: name, settles: "later" };
}

/** The shop's default payment master: each settlementMethodCode Juchu knows, to its payment method. */
export const RMS_SETTLEMENT_DEFAULTS: readonly MasterRow[] = Object.entries(BY_CODE).map(([code, s]) => ({
  code: s.method,
  mallCode: code,
}));

/** RMS's names of the codes Juchu knows, for the master's screen. */
export const RMS_SETTLEMENT_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(BY_CODE).map(([code, s]) => [code, s.label]),
);

/** When a method the merchant mapped a new code to settles: as Juchu's prepaid methods wait, the rest as cards do not. */
function settlesOf(method: PaymentMethod): Settles {
  if ((PREPAID_PAYMENT_METHODS as readonly string[]).includes(method)) return "prepaid";
  return method === "credit_card" || method === "rakuten_pay" ? "at_order" : "later";
}

/**
 * The order's settlement by the shop's payment master. A code the master lacks is not guessed: その他,
 * not paid, and reported as an unknown value (the order is held until the merchant maps it). Only a
 * pre-version payload, which carries a name and no code, is still read by its words.
 */
export function rakutenSettlement(
  model: RakutenSettlementModel | null | undefined,
  table: readonly MasterRow[] = RMS_SETTLEMENT_DEFAULTS,
): Settlement & { unknown: UnknownMallValue | null } {
  const name = model?.settlementMethod?.trim() || "";
  const code = model?.settlementMethodCode ?? (name ? CODE_BY_NAME[squash(name)] : undefined);
  if (code === undefined) {
    if (name) return { ...guessByName(name), unknown: null };
    return { method: "other", label: "不明", settles: "later", unknown: null };
  }
  const row = table.find((r) => r.mallCode === String(code));
  const known = BY_CODE[code];
  const label = name || known?.label || `不明 (${code})`;
  if (row && row.code in PAYMENT_METHODS) {
    const method = row.code as PaymentMethod;
    // A code Juchu knows keeps how it settles unless the merchant moved it to another method.
    const settles = known && known.method === method ? known.settles : settlesOf(method);
    return { method, label, settles, unknown: null };
  }
  return {
    method: "other",
    label,
    settles: "later",
    unknown: { kind: "payment_method", mallCode: String(code), label },
  };
}

/** Juchu's payment method, the mall's name for it, and whether the mall has the money already. */
export function rakutenPayment(
  model: RakutenSettlementModel | null | undefined,
  orderProgress: number,
  table?: readonly MasterRow[],
): {
  paymentMethod: PaymentMethod;
  paymentMethodLabel: string;
  paid: boolean;
  unknown: UnknownMallValue | null;
} {
  const s = rakutenSettlement(model, table);
  const paid =
    s.settles === "at_order" ||
    (s.settles === "prepaid" && orderProgress >= 300 && !isCancelledProgress(orderProgress));
  return { paymentMethod: s.method, paymentMethodLabel: s.label, paid, unknown: s.unknown };
}

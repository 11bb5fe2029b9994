import type { PaymentMethod } from "#server/domain/payment.ts";
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

export function rakutenSettlement(model: RakutenSettlementModel | null | undefined): Settlement {
  const name = model?.settlementMethod?.trim() || "";
  const code = model?.settlementMethodCode ?? (name ? CODE_BY_NAME[squash(name)] : undefined);
  const known = code === undefined ? undefined : BY_CODE[code];
  if (known) return { ...known, label: name || known.label };
  if (name) return guessByName(name);
  return { method: "other", label: code === undefined ? "不明" : `不明 (${code})`, settles: "later" };
}

/** Juchu's payment method, the mall's name for it, and whether the mall has the money already. */
export function rakutenPayment(
  model: RakutenSettlementModel | null | undefined,
  orderProgress: number,
): { paymentMethod: PaymentMethod; paymentMethodLabel: string; paid: boolean } {
  const s = rakutenSettlement(model);
  const paid =
    s.settles === "at_order" ||
    (s.settles === "prepaid" && orderProgress >= 300 && !isCancelledProgress(orderProgress));
  return { paymentMethod: s.method, paymentMethodLabel: s.label, paid };
}

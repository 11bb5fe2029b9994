export const PAYMENT_METHODS = {
  credit_card: "クレジットカード",
  bank_transfer: "銀行振込",
  convenience_store: "コンビニ決済",
  cash_on_delivery: "代金引換",
  rakuten_pay: "楽天ペイ",
  paypay: "PayPay",
  amazon_pay: "Amazon Pay",
  postal_transfer: "郵便振替",
  invoice: "請求書払い(後払い)",
  other: "その他",
} as const;

export type PaymentMethod = keyof typeof PAYMENT_METHODS;

// Orders paid by these methods must wait for payment confirmation before shipping.
export const PREPAID_PAYMENT_METHODS = [
  "bank_transfer",
  "convenience_store",
  "postal_transfer",
] as const satisfies readonly PaymentMethod[];

export function isPaymentSatisfied(paymentMethod: string, paidAt: Date | null): boolean {
  return paidAt !== null || !(PREPAID_PAYMENT_METHODS as readonly string[]).includes(paymentMethod);
}

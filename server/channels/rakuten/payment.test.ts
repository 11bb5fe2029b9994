import assert from "node:assert/strict";
import { test } from "node:test";
import type { MasterRow } from "#server/domain/mall-masters.ts";
import { RMS_SETTLEMENT_DEFAULTS, rakutenPayment } from "./payment.ts";

type Case = [
  settlement: { settlementMethodCode?: number; settlementMethod?: string } | null,
  progress: number,
  method: string,
  label: string,
  paid: boolean,
];

test("settlement codes and the older names map to Juchu's methods; paid follows when the money is in", () => {
  const cases: Case[] = [
    [
      { settlementMethodCode: 1, settlementMethod: "クレジットカード" },
      100,
      "credit_card",
      "クレジットカード",
      true,
    ],
    [{ settlementMethodCode: 2, settlementMethod: "代金引換" }, 300, "cash_on_delivery", "代金引換", false],
    [{ settlementMethodCode: 9, settlementMethod: "銀行振込" }, 200, "bank_transfer", "銀行振込", false],
    [{ settlementMethodCode: 9, settlementMethod: "銀行振込" }, 300, "bank_transfer", "銀行振込", true],
    [{ settlementMethodCode: 9, settlementMethod: "銀行振込" }, 800, "bank_transfer", "銀行振込", false],
    [{ settlementMethodCode: 13 }, 500, "convenience_store", "セブンイレブン（前払）", true],
    [
      { settlementMethodCode: 14, settlementMethod: "ファミリーマート、ローソン等（前払）" },
      100,
      "convenience_store",
      "ファミリーマート、ローソン等（前払）",
      false,
    ],
    [{ settlementMethodCode: 13 }, 900, "convenience_store", "セブンイレブン（前払）", false],
    [{ settlementMethodCode: 12, settlementMethod: "Apple Pay" }, 100, "credit_card", "Apple Pay", true],
    [{ settlementMethodCode: 21, settlementMethod: "後払い決済" }, 300, "invoice", "後払い決済", false],
    [{ settlementMethodCode: 7 }, 300, "invoice", "請求書払い", false],
    [{ settlementMethodCode: 17 }, 100, "other", "PayPal", true],
    [{ settlementMethodCode: 8 }, 100, "other", "ポイント", true],
    // Pre-version payloads: the name only.
    [{ settlementMethod: "クレジットカード" }, 500, "credit_card", "クレジットカード", true],
    [{ settlementMethod: "代金引換" }, 300, "cash_on_delivery", "代金引換", false],
    [
      { settlementMethod: "ローソン、郵便局ATM等(前払)" },
      300,
      "convenience_store",
      "ローソン、郵便局ATM等(前払)",
      true,
    ],
    [{ settlementMethod: "楽天バンク決済" }, 300, "bank_transfer", "楽天バンク決済", true],
    [{ settlementMethod: "楽天ペイ" }, 100, "rakuten_pay", "楽天ペイ", true],
    [{ settlementMethod: "謎の決済" }, 300, "other", "謎の決済", false],
    [{ settlementMethodCode: 99 }, 300, "other", "不明 (99)", false],
    [null, 300, "other", "不明", false],
  ];
  for (const [settlement, progress, method, label, paid] of cases) {
    const { unknown, ...read } = rakutenPayment(settlement, progress);
    assert.deepEqual(
      read,
      { paymentMethod: method, paymentMethodLabel: label, paid },
      `${JSON.stringify(settlement)} @ ${progress}`,
    );
    // Only a code Juchu's table lacks is reported; a name-only pre-version payload has no code to map.
    assert.equal(unknown !== null, settlement?.settlementMethodCode === 99, JSON.stringify(settlement));
  }
});

// biome-ignore format: a table, one row per line
const SHOP_TABLE: [string, { settlementMethodCode: number; settlementMethod?: string }, number, readonly MasterRow[], unknown][] = [
  ["a code RMS adds later: その他, not paid, reported with its name", { settlementMethodCode: 99, settlementMethod: "新しい決済" }, 300, RMS_SETTLEMENT_DEFAULTS,
    { paymentMethod: "other", paymentMethodLabel: "新しい決済", paid: false, unknown: { kind: "payment_method", mallCode: "99", label: "新しい決済" } }],
  ["the merchant mapped it to a card: paid at order, nothing reported", { settlementMethodCode: 99, settlementMethod: "新しい決済" }, 100, [...RMS_SETTLEMENT_DEFAULTS, { code: "credit_card", mallCode: "99" }],
    { paymentMethod: "credit_card", paymentMethodLabel: "新しい決済", paid: true, unknown: null }],
  ["mapped to a prepaid method: waits for 300 like 銀行振込", { settlementMethodCode: 99 }, 200, [{ code: "bank_transfer", mallCode: "99" }],
    { paymentMethod: "bank_transfer", paymentMethodLabel: "不明 (99)", paid: false, unknown: null }],
  ["a known code the merchant moved to another method settles as that method", { settlementMethodCode: 17 }, 100, [{ code: "invoice", mallCode: "17" }],
    { paymentMethod: "invoice", paymentMethodLabel: "PayPal", paid: false, unknown: null }],
  ["a known code the shop's table dropped is reported, not read by the built-in table", { settlementMethodCode: 1 }, 100, [],
    { paymentMethod: "other", paymentMethodLabel: "クレジットカード", paid: false, unknown: { kind: "payment_method", mallCode: "1", label: "クレジットカード" } }],
];

for (const [name, settlement, progress, table, expected] of SHOP_TABLE) {
  test(`the shop's payment master: ${name}`, () => {
    assert.deepEqual(rakutenPayment(settlement, progress, table), expected);
  });
}

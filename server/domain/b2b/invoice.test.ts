import assert from "node:assert/strict";
import { test } from "node:test";
import { Refusal } from "../refusal.ts";
import { billingPeriod, invoiceTotals, REGISTRATION_NUMBER } from "./invoice.ts";

test("the 請求期間 runs from the day after the previous 締め日 to this month's, 31 = 月末", () => {
  const cases: [string, number, string, string][] = [
    ["2026-12", 20, "2026-11-21", "2026-12-20"],
    ["2026-01", 20, "2025-12-21", "2026-01-20"],
    ["2026-12", 31, "2026-12-01", "2026-12-31"],
    ["2026-03", 31, "2026-03-01", "2026-03-31"],
    ["2028-03", 31, "2028-03-01", "2028-03-31"],
    ["2026-02", 31, "2026-02-01", "2026-02-28"],
    ["2028-02", 31, "2028-02-01", "2028-02-29"],
    ["2026-03", 28, "2026-03-01", "2026-03-28"],
    ["2026-03", 1, "2026-02-02", "2026-03-01"],
  ];
  for (const [month, closingDay, from, to] of cases) {
    assert.deepEqual(billingPeriod(month, closingDay), { from, to }, `${month} 締め${closingDay}`);
  }
  for (const bad of ["2026-13", "2026-00", "26-12", "2026/12", ""]) {
    const result = billingPeriod(bad, 20);
    assert.ok(result instanceof Refusal, bad);
    assert.equal(result.errors?.[0]?.path, "month");
  }
});

test("the amount billed is the orders' totals; tax by rate only when every order says it", () => {
  const taxed = (amount: number, tax: number) => ({
    total: amount,
    taxSummary: [
      { ratePercent: 10, amount: amount - 1080, tax: tax },
      { ratePercent: 8, amount: 1080, tax: 80 },
    ],
  });
  assert.deepEqual(invoiceTotals([taxed(5480, 400), taxed(2180, 100)]), {
    billed: 7660,
    byRate: [
      { ratePercent: 10, amount: 5500, tax: 500 },
      { ratePercent: 8, amount: 2160, tax: 160 },
    ],
  });
  assert.deepEqual(invoiceTotals([taxed(5480, 400), { total: 4000, taxSummary: null }]), {
    billed: 9480,
    byRate: null,
  });
  assert.deepEqual(invoiceTotals([]), { billed: 0, byRate: null });
});

test("a registration number is T and 13 digits", () => {
  assert.ok(REGISTRATION_NUMBER.test("T1234567890123"));
  for (const bad of ["1234567890123", "T123456789012", "T12345678901234", "t1234567890123", "T123456789012A"])
    assert.ok(!REGISTRATION_NUMBER.test(bad), bad);
});

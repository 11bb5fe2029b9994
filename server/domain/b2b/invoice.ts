import { Refusal } from "../refusal.ts";

/** 締め日 31 stands for 月末, whatever the month's length. */
export const MONTH_END = 31;

/** 適格請求書発行事業者登録番号: T and 13 digits (the corporate number for a company). */
export const REGISTRATION_NUMBER = /^T\d{13}$/;

const pad = (n: number) => String(n).padStart(2, "0");
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function closingDate(year: number, month: number, closingDay: number): string {
  // Months run over into the next or previous year (month 0 = December before, 13 = January after).
  const at = new Date(Date.UTC(year, month - 1, 1));
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth() + 1;
  const day = closingDay === MONTH_END ? daysIn(y, m) : Math.min(closingDay, daysIn(y, m));
  return `${y}-${pad(m)}-${pad(day)}`;
}

const dayAfter = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * The 請求期間 of `month` (YYYY-MM) for a company closing on `closingDay`: from the day after the
 * previous month's 締め日 to this month's, both included (Tokyo calendar days).
 */
export function billingPeriod(month: string, closingDay: number): { from: string; to: string } | Refusal {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const year = Number(match?.[1]);
  const m = Number(match?.[2]);
  if (!match || m < 1 || m > 12 || year < 1900 || year > 2100)
    return new Refusal("validation.failed", "month: 対象月は YYYY-MM で指定してください", {
      errors: [{ path: "month", message: "対象月は YYYY-MM で指定してください" }],
    });
  return { from: dayAfter(closingDate(year, m - 1, closingDay)), to: closingDate(year, m, closingDay) };
}

export type InvoiceOrder = {
  total: number | null;
  /** 税率別内訳 the order carries (from its channel), or null when it has none. */
  taxSummary: { ratePercent: number; amount: number | null; tax: number | null }[] | null;
};

export type InvoiceTotals = {
  billed: number;
  /** Per rate, only when every order says its tax: the project keeps no tax rate of its own. */
  byRate: { ratePercent: number; amount: number; tax: number }[] | null;
};

/** What the 請求書 bills: the orders' totals as billed, and the tax by rate when all of them know it. */
export function invoiceTotals(orders: readonly InvoiceOrder[]): InvoiceTotals {
  const billed = orders.reduce((sum, o) => sum + (o.total ?? 0), 0);
  const known = orders.every((o) => o.taxSummary?.every((r) => r.amount !== null && r.tax !== null));
  if (orders.length === 0 || !known) return { billed, byRate: null };
  const rates = new Map<number, { amount: number; tax: number }>();
  for (const row of orders.flatMap((o) => o.taxSummary ?? [])) {
    const sum = rates.get(row.ratePercent) ?? { amount: 0, tax: 0 };
    rates.set(row.ratePercent, { amount: sum.amount + (row.amount ?? 0), tax: sum.tax + (row.tax ?? 0) });
  }
  return {
    billed,
    byRate: [...rates.entries()].sort(([a], [b]) => b - a).map(([ratePercent, s]) => ({ ratePercent, ...s })),
  };
}

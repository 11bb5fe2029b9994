import { z } from "zod";
import type { TagRule } from "./tag-rules.ts";
import { tokyoDate, tokyoMidnight } from "./tokyo-time.ts";

/**
 * 顧客ランク設定: named ranks, checked by priority (1 first); a customer holds the first whose minimums
 * — orders and/or amount in the last N days — their orders meet. Both minimums set: both must be met.
 */
const optionalMinimum = (what: string, least: number) =>
  z
    .int({ error: `${what}は${least}以上の整数で指定してください` })
    .min(least, `${what}は${least}以上の整数で指定してください`)
    .nullable()
    .default(null);

export const customerRankSchema = z
  .object({
    name: z
      .string({ error: "ランク名を入力してください" })
      .trim()
      .min(1, "ランク名を入力してください")
      .max(30, "ランク名は30文字以内で入力してください"),
    priority: z
      .int({ error: "優先順位は1以上の整数で指定してください" })
      .min(1, "優先順位は1以上の整数で指定してください")
      .max(999, "優先順位は999以下で指定してください"),
    minOrderCount: optionalMinimum("購入回数", 1),
    minAmount: optionalMinimum("購入金額", 1),
    periodDays: z
      .int({ error: "集計期間は1～3650日で指定してください" })
      .min(1, "集計期間は1～3650日で指定してください")
      .max(3650, "集計期間は1～3650日で指定してください"),
  })
  .refine((r) => r.minOrderCount !== null || r.minAmount !== null, {
    error: "購入回数か購入金額の少なくとも一方を指定してください",
    path: ["minOrderCount"],
  });

export type CustomerRankRule = z.infer<typeof customerRankSchema>;

/** One of the customer's orders as a rank looks at it. */
export type RankedOrder = {
  orderedAt: Date;
  /** 請求金額, or the items' subtotal while the total is undetermined. */
  amount: number;
  status: string;
  deleted: boolean;
  testImport: boolean;
};

/** Cancelled and deleted orders were no purchase; テスト取込 orders were never real. */
export const countsTowardRank = (o: RankedOrder) => o.status !== "cancelled" && !o.deleted && !o.testImport;

/** The first instant of an N-day period ending on `at`'s Tokyo day: today and the N−1 days before it. */
export function periodStart(at: Date, days: number): Date {
  // Tokyo keeps no daylight saving: every day there is 24 hours long.
  return new Date(tokyoMidnight(tokyoDate(at)).getTime() - (days - 1) * 86_400_000);
}

/** How many orders and how much in the period ending at `at` (orders after `at` are not yet). */
export function purchasesIn(history: readonly RankedOrder[], at: Date, days: number) {
  const start = periodStart(at, days).getTime();
  const counted = history.filter(
    (o) => countsTowardRank(o) && o.orderedAt.getTime() >= start && o.orderedAt.getTime() <= at.getTime(),
  );
  return { orders: counted.length, amount: counted.reduce((sum, o) => sum + o.amount, 0) };
}

/** Priority first, then name: the order ranks are checked in and listed in. */
export const byPriority = (a: CustomerRankRule, b: CustomerRankRule) =>
  a.priority - b.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The customer's rank at `at` from their order history; null when no rank's minimums are met. */
export function rankAt(
  rules: readonly CustomerRankRule[],
  history: readonly RankedOrder[],
  at: Date,
): string | null {
  for (const rule of [...rules].sort(byPriority)) {
    const made = purchasesIn(history, at, rule.periodDays);
    const enoughOrders = rule.minOrderCount === null || made.orders >= rule.minOrderCount;
    const enoughAmount = rule.minAmount === null || made.amount >= rule.minAmount;
    if (enoughOrders && enoughAmount) return rule.name;
  }
  return null;
}

/** The longest period any rule looks back: how far history must be read. */
export function longestPeriod(rules: readonly CustomerRankRule[]): number {
  return Math.max(0, ...rules.map((r) => r.periodDays));
}

// Not toLocaleString: output must not depend on the runtime's ICU data.
const formatNumber = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** The rule in a merchant's words: 「過去365日に3回以上かつ30,000円以上」. */
export function describeRank(rule: CustomerRankRule): string {
  const parts = [
    ...(rule.minOrderCount !== null ? [`${formatNumber(rule.minOrderCount)}回以上`] : []),
    ...(rule.minAmount !== null ? [`${formatNumber(rule.minAmount)}円以上`] : []),
  ];
  return `過去${formatNumber(rule.periodDays)}日に${parts.join("かつ")}`;
}

/** A tag rule after a rank was renamed: its 顧客ランク conditions follow; null when it had none to follow. */
export function renameRankInRule(rule: TagRule, from: string, to: string): TagRule | null {
  let changed = false;
  const conditions = rule.conditions.map((c) => {
    if (c.field !== "customerRank" || !c.values.includes(from)) return c;
    changed = true;
    return { ...c, values: [...new Set(c.values.map((v) => (v === from ? to : v)))] };
  });
  return changed ? { ...rule, conditions } : null;
}

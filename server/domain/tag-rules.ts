import { z } from "zod";

import { PAYMENT_METHODS } from "./payment.ts";
import { PREFECTURES } from "./prefectures.ts";

const prefectureSet: ReadonlySet<string> = new Set(PREFECTURES);
const paymentMethodSet: ReadonlySet<string> = new Set(Object.keys(PAYMENT_METHODS));

const gteLte = z.enum(["gte", "lte"], { error: "比較方法は gte または lte です" });
const nonNegativeInt = (what: string) =>
  z.int({ error: `${what}は0以上の整数で指定してください` }).min(0, `${what}は0以上の整数で指定してください`);

// Two remarks operators share field "remarks", so they form a nested union on "op".
const remarksCondition = z.discriminatedUnion(
  "op",
  [
    z.object({ field: z.literal("remarks"), op: z.literal("not_empty") }),
    z.object({
      field: z.literal("remarks"),
      op: z.literal("contains"),
      value: z
        .string()
        .trim()
        .min(1, "検索する文字列を入力してください")
        .max(100, "検索する文字列は100文字以内で入力してください"),
    }),
  ],
  { error: "備考の条件が正しくありません" },
);

const conditionSchema = z.discriminatedUnion(
  "field",
  [
    remarksCondition,
    z.object({ field: z.literal("total"), op: gteLte, value: nonNegativeInt("合計金額") }),
    z.object({
      field: z.literal("prefecture"),
      op: z.literal("in"),
      values: z
        .array(
          z.string().refine((v) => prefectureSet.has(v), {
            error: (iss) => `都道府県名が正しくありません: ${String(iss.input)}`,
          }),
        )
        .min(1, "都道府県を1つ以上選択してください")
        .max(47, "都道府県は47件までです"),
    }),
    z.object({
      field: z.literal("paymentMethod"),
      op: z.literal("in"),
      values: z
        .array(
          z.string().refine((v) => paymentMethodSet.has(v), {
            error: (iss) => `支払方法が正しくありません: ${String(iss.input)}`,
          }),
        )
        .min(1, "支払方法を1つ以上選択してください"),
    }),
    z.object({
      field: z.literal("sku"),
      op: z.literal("contains"),
      value: z
        .string()
        .trim()
        .min(1, "商品コードを入力してください")
        .max(255, "商品コードは255文字以内で入力してください"),
    }),
    z.object({ field: z.literal("buyerOrderCount"), op: gteLte, value: nonNegativeInt("購入回数") }),
    z.object({
      field: z.literal("customerRank"),
      op: z.literal("in"),
      values: z
        .array(
          z
            .string()
            .trim()
            .min(1, "顧客ランク名を入力してください")
            .max(30, "顧客ランク名は30文字以内で入力してください"),
        )
        .min(1, "顧客ランクを1つ以上選択してください")
        .max(20, "顧客ランクは20個までです"),
    }),
    z.object({
      field: z.literal("shipToDiffersFromBuyer"),
      op: z.literal("is"),
      value: z.boolean({ error: "true または false を指定してください" }),
    }),
  ],
  { error: "条件の種類が正しくありません" },
);

export const tagRuleSchema = z.object({
  match: z.enum(["all", "any"], { error: "一致方法は all または any です" }),
  conditions: z.array(conditionSchema).min(1, "条件を1つ以上指定してください").max(20, "条件は20個までです"),
});

export type TagRule = z.infer<typeof tagRuleSchema>;
export type TagCondition = TagRule["conditions"][number];

export type TagRuleFacts = {
  remarks: string | null;
  /** null while undetermined: no amount rule matches it (the order is held for that anyway). */
  total: number | null;
  prefecture: string;
  paymentMethod: string;
  /** Mall item codes, mall SKU codes and mapped product SKUs of every line item. */
  itemCodes: readonly string[];
  /** Orders by the same buyer email on this account, including this one. */
  buyerOrderCount: number;
  shipToDiffersFromBuyer: boolean;
  /** 顧客ランク at ordering (顧客ランク設定), by name; null when the buyer held none. */
  customerRank: string | null;
};

// Buyers mix full-/half-width forms (ｷﾞﾌﾄ vs ギフト, Ａ vs a); NFKC + lowercase makes
// "contains" match what a merchant would consider the same text.
const normalizeText = (s: string): string => s.normalize("NFKC").toLowerCase();

const compare = (op: "gte" | "lte", actual: number, expected: number): boolean =>
  op === "gte" ? actual >= expected : actual <= expected;

function evaluateCondition(c: TagCondition, facts: TagRuleFacts): boolean {
  switch (c.field) {
    case "remarks": {
      // String.prototype.trim strips U+3000 (全角スペース) as well, so "　" counts as blank.
      const remarks = (facts.remarks ?? "").trim();
      if (c.op === "not_empty") return remarks !== "";
      return normalizeText(remarks).includes(normalizeText(c.value));
    }
    case "total":
      return facts.total !== null && compare(c.op, facts.total, c.value);
    case "prefecture":
      return c.values.includes(facts.prefecture);
    case "paymentMethod":
      return c.values.includes(facts.paymentMethod);
    case "sku":
      return facts.itemCodes.includes(c.value);
    case "buyerOrderCount":
      return compare(c.op, facts.buyerOrderCount, c.value);
    case "shipToDiffersFromBuyer":
      return facts.shipToDiffersFromBuyer === c.value;
    case "customerRank":
      return facts.customerRank !== null && c.values.includes(facts.customerRank);
    default:
      return c satisfies never;
  }
}

export function evaluateTagRule(rule: TagRule, facts: TagRuleFacts): boolean {
  const test = (c: TagCondition) => evaluateCondition(c, facts);
  return rule.match === "all" ? rule.conditions.every(test) : rule.conditions.some(test);
}

// Not toLocaleString: output must not depend on the runtime's ICU data.
const formatNumber = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

const MAX_LISTED = 5;
// Keeps the sentence short when a merchant selects e.g. 40 prefectures.
function listOf(items: readonly string[]): string {
  const shown = items.slice(0, MAX_LISTED).join("・");
  const rest = items.length - MAX_LISTED;
  if (rest > 0) return `${shown} ほか${rest}件のいずれか`;
  return items.length > 1 ? `${shown}のいずれか` : shown;
}

const bound = (op: "gte" | "lte"): string => (op === "gte" ? "以上" : "以下");

function describeCondition(c: TagCondition): string {
  switch (c.field) {
    case "remarks":
      return c.op === "not_empty" ? "備考あり" : `備考に「${c.value}」を含む`;
    case "total":
      return `合計金額が${formatNumber(c.value)}円${bound(c.op)}`;
    case "prefecture":
      return `都道府県が${listOf(c.values)}`;
    case "paymentMethod":
      return `支払方法が${listOf(c.values.map((v) => (PAYMENT_METHODS as Record<string, string>)[v] ?? v))}`;
    case "sku":
      return `商品コード「${c.value}」を含む`;
    case "buyerOrderCount":
      return `購入回数が${formatNumber(c.value)}回${bound(c.op)}`;
    case "shipToDiffersFromBuyer":
      return c.value ? "送付先が注文者と異なる" : "送付先が注文者と同じ";
    case "customerRank":
      return `顧客ランクが${listOf(c.values)}`;
    default:
      return c satisfies never;
  }
}

export function describeTagRule(rule: TagRule): string {
  return rule.conditions.map(describeCondition).join(rule.match === "all" ? " かつ " : " または ");
}

export function matchingTags<T extends { id: string; rule: TagRule | null }>(
  tags: readonly T[],
  facts: TagRuleFacts,
): T[] {
  // A tag without a rule is manual-only: it must never be attached automatically.
  return tags.filter((t) => t.rule !== null && evaluateTagRule(t.rule, facts));
}

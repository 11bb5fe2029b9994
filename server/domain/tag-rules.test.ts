import assert from "node:assert/strict";
import { test } from "node:test";
import { PAYMENT_METHODS, PREPAID_PAYMENT_METHODS } from "./payment.ts";
import { PREFECTURES } from "./prefectures.ts";
import {
  describeTagRule,
  evaluateTagRule,
  matchingTags,
  type TagCondition,
  type TagRule,
  type TagRuleFacts,
  tagRuleSchema,
} from "./tag-rules.ts";

const baseFacts: TagRuleFacts = {
  remarks: null,
  total: 5000,
  prefecture: "東京都",
  paymentMethod: "credit_card",
  itemCodes: ["item-001", "sku-001-red", "PRD-100"],
  buyerOrderCount: 1,
  shipToDiffersFromBuyer: false,
  customerRank: null,
};

const one = (c: TagCondition): TagRule => ({ match: "all", conditions: [c] });

test("constants", () => {
  assert.equal(PREFECTURES.length, 47);
  assert.equal(new Set(PREFECTURES).size, 47);
  assert.equal(PREFECTURES[0], "北海道");
  assert.equal(PREFECTURES[12], "東京都");
  assert.equal(PREFECTURES[46], "沖縄県");
  assert.equal(Object.keys(PAYMENT_METHODS).length, 10);
  for (const m of PREPAID_PAYMENT_METHODS) assert.ok(m in PAYMENT_METHODS);
});

const conditionCases: { name: string; cond: TagCondition; facts: Partial<TagRuleFacts>; want: boolean }[] = [
  {
    name: "remarks not_empty: text",
    cond: { field: "remarks", op: "not_empty" },
    facts: { remarks: "ギフト包装希望" },
    want: true,
  },
  {
    name: "remarks not_empty: null",
    cond: { field: "remarks", op: "not_empty" },
    facts: { remarks: null },
    want: false,
  },
  {
    name: "remarks not_empty: empty",
    cond: { field: "remarks", op: "not_empty" },
    facts: { remarks: "" },
    want: false,
  },
  {
    name: "remarks not_empty: full-width spaces",
    cond: { field: "remarks", op: "not_empty" },
    facts: { remarks: "　　" },
    want: false,
  },
  {
    name: "remarks not_empty: mixed blanks",
    cond: { field: "remarks", op: "not_empty" },
    facts: { remarks: " \n　\t" },
    want: false,
  },
  {
    name: "remarks contains: hit",
    cond: { field: "remarks", op: "contains", value: "のし" },
    facts: { remarks: "のし紙をお願いします" },
    want: true,
  },
  {
    name: "remarks contains: miss",
    cond: { field: "remarks", op: "contains", value: "のし" },
    facts: { remarks: "急ぎでお願いします" },
    want: false,
  },
  {
    name: "remarks contains: null",
    cond: { field: "remarks", op: "contains", value: "のし" },
    facts: { remarks: null },
    want: false,
  },
  {
    name: "remarks contains: half-width kana",
    cond: { field: "remarks", op: "contains", value: "ギフト" },
    facts: { remarks: "ｷﾞﾌﾄでお願いします" },
    want: true,
  },
  {
    name: "remarks contains: full-width latin",
    cond: { field: "remarks", op: "contains", value: "gift" },
    facts: { remarks: "ＧＩＦＴ希望" },
    want: true,
  },
  {
    name: "total gte: equal",
    cond: { field: "total", op: "gte", value: 10000 },
    facts: { total: 10000 },
    want: true,
  },
  {
    name: "total gte: below",
    cond: { field: "total", op: "gte", value: 10000 },
    facts: { total: 9999 },
    want: false,
  },
  {
    name: "total lte: equal",
    cond: { field: "total", op: "lte", value: 3000 },
    facts: { total: 3000 },
    want: true,
  },
  {
    name: "total lte: above",
    cond: { field: "total", op: "lte", value: 3000 },
    facts: { total: 3001 },
    want: false,
  },
  {
    name: "prefecture in: hit",
    cond: { field: "prefecture", op: "in", values: ["北海道", "沖縄県"] },
    facts: { prefecture: "沖縄県" },
    want: true,
  },
  {
    name: "prefecture in: miss",
    cond: { field: "prefecture", op: "in", values: ["北海道", "沖縄県"] },
    facts: { prefecture: "東京都" },
    want: false,
  },
  {
    name: "paymentMethod in: hit",
    cond: { field: "paymentMethod", op: "in", values: ["cash_on_delivery"] },
    facts: { paymentMethod: "cash_on_delivery" },
    want: true,
  },
  {
    name: "paymentMethod in: miss",
    cond: { field: "paymentMethod", op: "in", values: ["cash_on_delivery"] },
    facts: { paymentMethod: "credit_card" },
    want: false,
  },
  {
    name: "sku contains: item code",
    cond: { field: "sku", op: "contains", value: "item-001" },
    facts: {},
    want: true,
  },
  {
    name: "sku contains: mapped sku",
    cond: { field: "sku", op: "contains", value: "PRD-100" },
    facts: {},
    want: true,
  },
  {
    name: "sku contains: substring is not equality",
    cond: { field: "sku", op: "contains", value: "item" },
    facts: {},
    want: false,
  },
  {
    name: "sku contains: no items",
    cond: { field: "sku", op: "contains", value: "item-001" },
    facts: { itemCodes: [] },
    want: false,
  },
  {
    name: "buyerOrderCount gte: repeat buyer",
    cond: { field: "buyerOrderCount", op: "gte", value: 2 },
    facts: { buyerOrderCount: 2 },
    want: true,
  },
  {
    name: "buyerOrderCount gte: first order",
    cond: { field: "buyerOrderCount", op: "gte", value: 2 },
    facts: { buyerOrderCount: 1 },
    want: false,
  },
  {
    name: "buyerOrderCount lte: first order",
    cond: { field: "buyerOrderCount", op: "lte", value: 1 },
    facts: { buyerOrderCount: 1 },
    want: true,
  },
  {
    name: "buyerOrderCount lte: repeat buyer",
    cond: { field: "buyerOrderCount", op: "lte", value: 1 },
    facts: { buyerOrderCount: 3 },
    want: false,
  },
  {
    name: "customerRank in: the order's rank is listed",
    cond: { field: "customerRank", op: "in", values: ["ゴールド", "シルバー"] },
    facts: { customerRank: "シルバー" },
    want: true,
  },
  {
    name: "customerRank in: another rank",
    cond: { field: "customerRank", op: "in", values: ["ゴールド"] },
    facts: { customerRank: "シルバー" },
    want: false,
  },
  {
    name: "customerRank in: no rank at ordering",
    cond: { field: "customerRank", op: "in", values: ["ゴールド"] },
    facts: { customerRank: null },
    want: false,
  },
  {
    name: "shipToDiffers is true: differs",
    cond: { field: "shipToDiffersFromBuyer", op: "is", value: true },
    facts: { shipToDiffersFromBuyer: true },
    want: true,
  },
  {
    name: "shipToDiffers is true: same",
    cond: { field: "shipToDiffersFromBuyer", op: "is", value: true },
    facts: { shipToDiffersFromBuyer: false },
    want: false,
  },
  {
    name: "shipToDiffers is false: same",
    cond: { field: "shipToDiffersFromBuyer", op: "is", value: false },
    facts: { shipToDiffersFromBuyer: false },
    want: true,
  },
  {
    name: "shipToDiffers is false: differs",
    cond: { field: "shipToDiffersFromBuyer", op: "is", value: false },
    facts: { shipToDiffersFromBuyer: true },
    want: false,
  },
];

for (const c of conditionCases) {
  test(`evaluate condition: ${c.name}`, () => {
    const rule = one(c.cond);
    assert.deepEqual(tagRuleSchema.parse(rule), rule, "test rule must itself be valid");
    assert.equal(evaluateTagRule(rule, { ...baseFacts, ...c.facts }), c.want);
  });
}

const hasRemarks: TagCondition = { field: "remarks", op: "not_empty" };
const bigOrder: TagCondition = { field: "total", op: "gte", value: 10000 };

const matchCases: { match: "all" | "any"; facts: Partial<TagRuleFacts>; want: boolean }[] = [
  { match: "all", facts: { remarks: "x", total: 10000 }, want: true },
  { match: "all", facts: { remarks: "x", total: 100 }, want: false },
  { match: "all", facts: { remarks: null, total: 10000 }, want: false },
  { match: "all", facts: { remarks: null, total: 100 }, want: false },
  { match: "any", facts: { remarks: "x", total: 10000 }, want: true },
  { match: "any", facts: { remarks: "x", total: 100 }, want: true },
  { match: "any", facts: { remarks: null, total: 10000 }, want: true },
  { match: "any", facts: { remarks: null, total: 100 }, want: false },
];

for (const c of matchCases) {
  test(`match ${c.match}: ${JSON.stringify(c.facts)} → ${c.want}`, () => {
    const rule: TagRule = { match: c.match, conditions: [hasRemarks, bigOrder] };
    assert.equal(evaluateTagRule(rule, { ...baseFacts, ...c.facts }), c.want);
  });
}

const invalidCases: { name: string; input: unknown; path: (string | number)[]; message?: string }[] = [
  {
    name: "unknown prefecture",
    input: { match: "all", conditions: [{ field: "prefecture", op: "in", values: ["東京都", "東京"] }] },
    path: ["conditions", 0, "values", 1],
    message: "都道府県名が正しくありません: 東京",
  },
  {
    name: "empty prefecture list",
    input: { match: "all", conditions: [{ field: "prefecture", op: "in", values: [] }] },
    path: ["conditions", 0, "values"],
  },
  {
    name: "too many prefectures",
    input: {
      match: "all",
      conditions: [{ field: "prefecture", op: "in", values: [...PREFECTURES, "北海道"] }],
    },
    path: ["conditions", 0, "values"],
  },
  {
    name: "negative total",
    input: { match: "all", conditions: [{ field: "total", op: "gte", value: -1 }] },
    path: ["conditions", 0, "value"],
  },
  {
    name: "fractional total",
    input: { match: "all", conditions: [{ field: "total", op: "gte", value: 100.5 }] },
    path: ["conditions", 0, "value"],
  },
  {
    name: "total as string",
    input: { match: "all", conditions: [{ field: "total", op: "gte", value: "100" }] },
    path: ["conditions", 0, "value"],
  },
  {
    name: "total with bad op",
    input: { match: "all", conditions: [{ field: "total", op: "gt", value: 100 }] },
    path: ["conditions", 0, "op"],
  },
  {
    name: "empty conditions",
    input: { match: "all", conditions: [] },
    path: ["conditions"],
    message: "条件を1つ以上指定してください",
  },
  {
    name: "21 conditions",
    input: { match: "all", conditions: Array.from({ length: 21 }, () => hasRemarks) },
    path: ["conditions"],
  },
  {
    name: "unknown field",
    input: { match: "all", conditions: [hasRemarks, { field: "email", op: "contains", value: "x" }] },
    path: ["conditions", 1, "field"],
    message: "条件の種類が正しくありません",
  },
  {
    name: "unknown remarks op",
    input: { match: "all", conditions: [{ field: "remarks", op: "equals", value: "x" }] },
    path: ["conditions", 0, "op"],
  },
  {
    name: "blank remarks search",
    input: { match: "all", conditions: [{ field: "remarks", op: "contains", value: "　" }] },
    path: ["conditions", 0, "value"],
  },
  {
    name: "remarks search too long",
    input: { match: "all", conditions: [{ field: "remarks", op: "contains", value: "あ".repeat(101) }] },
    path: ["conditions", 0, "value"],
  },
  {
    name: "unknown payment method",
    input: { match: "all", conditions: [{ field: "paymentMethod", op: "in", values: ["bitcoin"] }] },
    path: ["conditions", 0, "values", 0],
    message: "支払方法が正しくありません: bitcoin",
  },
  {
    name: "empty payment methods",
    input: { match: "all", conditions: [{ field: "paymentMethod", op: "in", values: [] }] },
    path: ["conditions", 0, "values"],
  },
  {
    name: "empty sku",
    input: { match: "all", conditions: [{ field: "sku", op: "contains", value: "" }] },
    path: ["conditions", 0, "value"],
  },
  {
    name: "negative buyerOrderCount",
    input: { match: "all", conditions: [{ field: "buyerOrderCount", op: "gte", value: -2 }] },
    path: ["conditions", 0, "value"],
  },
  {
    name: "shipToDiffers non-boolean",
    input: { match: "all", conditions: [{ field: "shipToDiffersFromBuyer", op: "is", value: "yes" }] },
    path: ["conditions", 0, "value"],
  },
  {
    name: "no customer rank chosen",
    input: { match: "all", conditions: [{ field: "customerRank", op: "in", values: [] }] },
    path: ["conditions", 0, "values"],
    message: "顧客ランクを1つ以上選択してください",
  },
  { name: "bad match", input: { match: "some", conditions: [hasRemarks] }, path: ["match"] },
];

for (const c of invalidCases) {
  test(`schema rejects: ${c.name}`, () => {
    const r = tagRuleSchema.safeParse(c.input);
    assert.equal(r.success, false);
    const issue = r.error?.issues[0];
    assert.deepEqual(issue?.path, c.path);
    if (c.message !== undefined) assert.equal(issue?.message, c.message);
  });
}

test("schema trims search strings", () => {
  const r = tagRuleSchema.parse({
    match: "any",
    conditions: [{ field: "remarks", op: "contains", value: " のし　" }],
  });
  assert.deepEqual(r.conditions[0], { field: "remarks", op: "contains", value: "のし" });
});

const describeCases: { rule: TagRule; want: string }[] = [
  {
    rule: { match: "all", conditions: [hasRemarks, bigOrder] },
    want: "備考あり かつ 合計金額が10,000円以上",
  },
  {
    rule: {
      match: "any",
      conditions: [
        { field: "total", op: "lte", value: 1234567 },
        { field: "remarks", op: "contains", value: "のし" },
      ],
    },
    want: "合計金額が1,234,567円以下 または 備考に「のし」を含む",
  },
  {
    rule: one({ field: "prefecture", op: "in", values: ["北海道", "沖縄県"] }),
    want: "都道府県が北海道・沖縄県のいずれか",
  },
  { rule: one({ field: "prefecture", op: "in", values: ["東京都"] }), want: "都道府県が東京都" },
  {
    rule: one({ field: "prefecture", op: "in", values: PREFECTURES.slice(0, 8) }),
    want: "都道府県が北海道・青森県・岩手県・宮城県・秋田県 ほか3件のいずれか",
  },
  {
    rule: one({ field: "paymentMethod", op: "in", values: ["cash_on_delivery", "paypay"] }),
    want: "支払方法が代金引換・PayPayのいずれか",
  },
  { rule: one({ field: "sku", op: "contains", value: "PRD-100" }), want: "商品コード「PRD-100」を含む" },
  {
    rule: {
      match: "all",
      conditions: [
        { field: "buyerOrderCount", op: "gte", value: 2 },
        { field: "shipToDiffersFromBuyer", op: "is", value: true },
      ],
    },
    want: "購入回数が2回以上 かつ 送付先が注文者と異なる",
  },
  { rule: one({ field: "shipToDiffersFromBuyer", op: "is", value: false }), want: "送付先が注文者と同じ" },
  {
    rule: one({ field: "customerRank", op: "in", values: ["ゴールド", "シルバー"] }),
    want: "顧客ランクがゴールド・シルバーのいずれか",
  },
];

for (const c of describeCases) {
  test(`describe: ${c.want}`, () => {
    assert.equal(describeTagRule(c.rule), c.want);
  });
}

test("matchingTags returns matching tags in order and skips rule-less tags", () => {
  const tags = [
    { id: "manual", rule: null },
    { id: "remarks", rule: one(hasRemarks) },
    { id: "big", rule: one(bigOrder) },
    { id: "cod", rule: one({ field: "paymentMethod", op: "in", values: ["cash_on_delivery"] }) },
  ];
  const facts = { ...baseFacts, remarks: "よろしく", paymentMethod: "cash_on_delivery" };
  assert.deepEqual(
    matchingTags(tags, facts).map((t) => t.id),
    ["remarks", "cod"],
  );
  assert.deepEqual(matchingTags(tags, { ...baseFacts, remarks: "　" }), []);
  assert.deepEqual(matchingTags([], facts), []);
});

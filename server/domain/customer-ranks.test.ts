import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type CustomerRankRule,
  customerRankSchema,
  describeRank,
  periodStart,
  purchasesIn,
  type RankedOrder,
  rankAt,
  renameRankInRule,
} from "./customer-ranks.ts";

const order = (orderedAt: string, amount = 1000, over: Partial<RankedOrder> = {}): RankedOrder => ({
  orderedAt: new Date(orderedAt),
  amount,
  status: "completed",
  deleted: false,
  testImport: false,
  ...over,
});

const rule = (over: Partial<CustomerRankRule>): CustomerRankRule => ({
  name: "ゴールド",
  priority: 1,
  minOrderCount: null,
  minAmount: null,
  periodDays: 365,
  ...over,
});

test("the period is today and the N−1 Tokyo days before it, from Tokyo midnight", () => {
  // 2026-12-07 08:00 in Tokyo (23:00 UTC the day before).
  const at = new Date("2026-12-06T23:00:00Z");
  assert.equal(periodStart(at, 1).toISOString(), "2026-12-06T15:00:00.000Z", "today from 0:00 JST");
  assert.equal(periodStart(at, 365).toISOString(), "2025-12-07T15:00:00.000Z", "2025-12-08 0:00 JST");
  const history = [
    order("2025-12-07T14:59:59Z"), // 2025-12-07 23:59:59 JST: a day too early
    order("2025-12-07T15:00:00Z"), // 2025-12-08 00:00 JST: the first instant counted
    order("2026-12-06T23:00:00Z"), // the order itself, at `at`
    order("2026-12-06T23:00:01Z"), // after `at`: not yet placed
  ];
  assert.deepEqual(purchasesIn(history, at, 365), { orders: 2, amount: 2000 });
});

test("cancelled, deleted and テスト取込 orders do not count", () => {
  const at = new Date("2026-12-07T00:00:00Z");
  const history = [
    order("2026-12-01T00:00:00Z", 5000),
    order("2026-12-02T00:00:00Z", 5000, { status: "cancelled" }),
    order("2026-12-03T00:00:00Z", 5000, { deleted: true }),
    order("2026-12-04T00:00:00Z", 5000, { testImport: true }),
  ];
  assert.deepEqual(purchasesIn(history, at, 30), { orders: 1, amount: 5000 });
});

test("rank: the first by priority whose minimums are met; both minimums set, both must be", () => {
  const rules = [
    rule({ name: "シルバー", priority: 2, minOrderCount: 2 }),
    rule({ name: "ゴールド", priority: 1, minOrderCount: 3, minAmount: 10000 }),
    rule({ name: "大口", priority: 3, minAmount: 20000, periodDays: 30 }),
  ];
  const at = new Date("2026-12-07T00:00:00Z");
  const cases: [string, RankedOrder[], string | null][] = [
    ["no orders", [], null],
    ["one order", [order("2026-12-01T00:00:00Z")], null],
    ["two orders: シルバー", [order("2026-12-01T00:00:00Z"), order("2026-12-02T00:00:00Z")], "シルバー"],
    [
      "three orders, 9,999 yen: not ゴールド (one bound short)",
      [
        order("2026-12-01T00:00:00Z", 3333),
        order("2026-12-02T00:00:00Z", 3333),
        order("2026-12-03T00:00:00Z", 3333),
      ],
      "シルバー",
    ],
    [
      "three orders, 10,000 yen: ゴールド (the bound itself is enough)",
      [
        order("2026-12-01T00:00:00Z", 3334),
        order("2026-12-02T00:00:00Z", 3333),
        order("2026-12-03T00:00:00Z", 3333),
      ],
      "ゴールド",
    ],
    ["one order of 20,000 yen in the last 30 days: 大口", [order("2026-12-01T00:00:00Z", 20000)], "大口"],
    ["20,000 yen but 40 days ago: none", [order("2026-10-28T00:00:00Z", 20000)], null],
  ];
  for (const [what, history, expected] of cases) assert.equal(rankAt(rules, history, at), expected, what);
});

test("rank rules: refusals name the field and the rule", () => {
  const refused = (input: unknown) => {
    const parsed = customerRankSchema.safeParse(input);
    assert.equal(parsed.success, false, JSON.stringify(input));
    return parsed.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
  };
  assert.deepEqual(refused({ name: "ゴールド", priority: 1, periodDays: 365 }), [
    "minOrderCount: 購入回数か購入金額の少なくとも一方を指定してください",
  ]);
  assert.deepEqual(refused({ name: " ", priority: 1, minOrderCount: 1, periodDays: 365 }), [
    "name: ランク名を入力してください",
  ]);
  assert.deepEqual(refused({ name: "A", priority: 0, minOrderCount: 0, periodDays: 0 }), [
    "priority: 優先順位は1以上の整数で指定してください",
    "minOrderCount: 購入回数は1以上の整数で指定してください",
    "periodDays: 集計期間は1～3650日で指定してください",
  ]);
  assert.equal(
    customerRankSchema.safeParse({ name: "A", priority: 1, minAmount: 1, periodDays: 1 }).success,
    true,
  );
});

test("a rank in the merchant's words", () => {
  assert.equal(
    describeRank(rule({ minOrderCount: 3, minAmount: 30000 })),
    "過去365日に3回以上かつ30,000円以上",
  );
  assert.equal(describeRank(rule({ minAmount: 5000, periodDays: 30 })), "過去30日に5,000円以上");
});

test("a renamed rank: tag conditions naming it follow, others are left alone", () => {
  const rule = {
    match: "any" as const,
    conditions: [
      { field: "customerRank" as const, op: "in" as const, values: ["ゴールド", "シルバー"] },
      { field: "total" as const, op: "gte" as const, value: 10000 },
    ],
  };
  assert.deepEqual(renameRankInRule(rule, "ゴールド", "プラチナ")?.conditions[0], {
    field: "customerRank",
    op: "in",
    values: ["プラチナ", "シルバー"],
  });
  assert.equal(renameRankInRule(rule, "ブロンズ", "銅"), null, "nothing to follow");
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { describeUnknownValues, sameUnknownValues, unknownValueTags } from "./unknown-mall-values.ts";

const PAYMENT = { kind: "payment_method", mallCode: "99", label: "新しい決済方法" };
const STATUS = { kind: "order_status", mallCode: "950", label: "不明なステータス (950)" };
const CARRIER = { kind: "delivery_company", mallCode: "1099", label: "不明な配送会社" };
const NEW_KIND = { kind: "coupon_type", mallCode: "7", label: "?" };

// biome-ignore format: a table, one row per line
const TAGS: [string, (typeof PAYMENT)[], string[]][] = [
  ["nothing unknown: no tag", [], []],
  ["a 決済方法 holds (paid or not hangs on it)", [PAYMENT], ["unknown_mall_value"]],
  ["a 受注ステータス holds (a cancel may hide in it)", [STATUS], ["unknown_mall_value"]],
  ["a 配送会社 only flags (shown, not shipped with)", [CARRIER], ["unknown_mall_value_notice"]],
  ["both at once", [CARRIER, PAYMENT], ["unknown_mall_value", "unknown_mall_value_notice"]],
  ["a kind Juchu does not list holds, to be safe", [NEW_KIND], ["unknown_mall_value"]],
];

for (const [name, values, tags] of TAGS) {
  test(`unknownValueTags: ${name}`, () => assert.deepEqual(unknownValueTags(values), tags));
}

test("sameUnknownValues compares by kind and code, in any order", () => {
  assert.ok(sameUnknownValues([PAYMENT, CARRIER], [CARRIER, { ...PAYMENT, label: "改名" }]));
  assert.ok(!sameUnknownValues([PAYMENT], [PAYMENT, CARRIER]));
  assert.ok(!sameUnknownValues([PAYMENT], [{ ...PAYMENT, mallCode: "98" }]));
  assert.ok(sameUnknownValues([], []));
});

test("describeUnknownValues names the kind, the mall's label and its code", () => {
  assert.equal(
    describeUnknownValues([PAYMENT, CARRIER]),
    "決済方法「新しい決済方法」(コード 99) / 配送会社「不明な配送会社」(コード 1099)",
  );
});

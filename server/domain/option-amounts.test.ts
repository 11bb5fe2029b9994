import assert from "node:assert/strict";
import { test } from "node:test";
import {
  chosenOptions,
  optionAmountOf,
  surchargeInText,
  surchargeTable,
  withTableAmounts,
} from "./option-amounts.ts";

test("surchargeInText: the amount the choice's own words give, tax included", () => {
  const table: [string, number | null][] = [
    ["希望する(+330円)", 330],
    ["希望する（＋３３０円）", 330],
    ["希望する(+1,100円)", 1100],
    ["希望する（＋１，１００円）", 1100],
    ["希望する(+330円税込)", 330],
    ["希望する(+330円・税込)", 330],
    ["あり +¥550", 550],
    ["あり(￥550)", 550],
    ["名入れあり(550円)", 550],
    ["【+220円】メッセージカード", 220],
    ["不要(-100円)", -100],
    ["簡易包装(−50円)", -50],
    ["簡易包装(－５０円)", -50],
    ["簡易包装 ▲50円", -50],
    ["希望する(+0円)", 0],
    // No amount: the table decides.
    ["希望しない", null],
    ["3000円分", null],
    ["赤", null],
    ["", null],
    // Before tax: not what the buyer pays.
    ["希望する(+300円税別)", null],
    ["希望する(+300円(税抜))", null],
    ["希望する(+300円+税)", null],
  ];
  for (const [text, amount] of table) assert.equal(surchargeInText(text), amount, text);
});

test("chosenOptions: one option per 項目名:選択肢 line, each with its own amount", () => {
  assert.deepEqual(
    chosenOptions("ラッピング:希望する(+330円)\nメッセージカード：あり（＋１１０円）\nのし:不要"),
    [
      { name: "ラッピング", choice: "希望する(+330円)", amount: 330 },
      { name: "メッセージカード", choice: "あり(+110円)", amount: 110 },
      { name: "のし", choice: "不要", amount: null },
    ],
  );
  assert.deepEqual(chosenOptions(" 刻印あり(+500円) \r\n\r\n"), [
    { name: "", choice: "刻印あり(+500円)", amount: 500 },
  ]);
  assert.deepEqual(chosenOptions(""), []);
});

test("withTableAmounts: the words first, then the item's entry, then the shop-wide one", () => {
  const table = surchargeTable([
    { mallItemCode: "mug", name: "名入れ", choice: "あり", amount: 550 },
    { mallItemCode: "", name: "名入れ", choice: "あり", amount: 330 },
    { mallItemCode: "", name: "ラッピング", choice: "希望する", amount: 220 },
    { mallItemCode: "mug", name: "ラッピング", choice: "希望する(+330円)", amount: 999 },
  ]);
  const options = chosenOptions("名入れ:あり\nラッピング:希望する(+330円)\n色:赤");
  const cases: [string, (number | null)[], number][] = [
    ["mug", [550, 330, null], 880],
    ["cup", [330, 330, null], 660],
  ];
  for (const [item, amounts, total] of cases) {
    const filled = withTableAmounts(item, options, table);
    assert.deepEqual(
      filled.map((o) => o.amount),
      amounts,
      item,
    );
    assert.equal(optionAmountOf(filled), total, item);
  }
  // Full-width in the order, half-width in the table: the same option.
  const wide = withTableAmounts("mug", chosenOptions("ラッピング：希望する"), table);
  assert.deepEqual(
    wide.map((o) => o.amount),
    [220],
  );
});

test("optionAmountOf: several options add up, a discount takes off, none is 0", () => {
  const cases: [string, number][] = [
    ["ラッピング:希望する(+330円)\nのし:あり(+110円)", 440],
    ["ラッピング:希望する(+330円)\nレビュー特典:辞退する(-100円)", 230],
    ["色:赤\nサイズ:M", 0],
    ["", 0],
  ];
  for (const [text, amount] of cases) assert.equal(optionAmountOf(chosenOptions(text)), amount, text);
});

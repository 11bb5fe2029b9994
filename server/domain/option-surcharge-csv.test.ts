import assert from "node:assert/strict";
import { test } from "node:test";
import { readSurchargeRows, surchargeHeaderProblem } from "./option-surcharge-csv.ts";

test("the header: the four columns in order, full-width or not", () => {
  assert.equal(surchargeHeaderProblem(["商品管理番号", "項目名", "選択肢", "金額"]), null);
  assert.match(surchargeHeaderProblem(["商品管理番号", "選択肢", "項目名", "金額"]) ?? "", /4列/);
  assert.match(surchargeHeaderProblem(["商品管理番号", "項目名", "選択肢"]) ?? "", /4列/);
});

test("each row: set, removed (empty 金額) or refused with the field and the rule", () => {
  const records = [
    ["mug", "ラッピング", "希望する", "330"],
    ["", "のし", "あり", "＋１，１００円"],
    ["mug", "レビュー特典", "辞退する", "▲100"],
    ["mug", "名入れ", "あり", ""],
    ["mug", "", "あり", "110"],
    ["mug", "刻印", "あり", "三百円"],
    ["mug", "刻印", "あり", "99999999"],
    ["mug", "ラッピング", "希望する", "440"],
    ["ｍｕｇ", "メッセージ", "あり", "110"],
  ];
  const rows = readSurchargeRows(records, [2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.deepEqual(rows, [
    { line: 2, set: { mallItemCode: "mug", name: "ラッピング", choice: "希望する", amount: 330 } },
    { line: 3, set: { mallItemCode: "", name: "のし", choice: "あり", amount: 1100 } },
    { line: 4, set: { mallItemCode: "mug", name: "レビュー特典", choice: "辞退する", amount: -100 } },
    { line: 5, remove: { mallItemCode: "mug", name: "名入れ", choice: "あり" } },
    { line: 6, problems: [{ field: "項目名", rule: "required", message: "項目名を入れてください" }] },
    {
      line: 7,
      problems: [{ field: "金額", rule: "integer", message: "「三百円」は円の整数ではありません" }],
    },
    { line: 8, problems: [{ field: "金額", rule: "range", message: "±9,999,999円以内にしてください" }] },
    {
      line: 9,
      problems: [
        { field: "選択肢", rule: "duplicate", message: "同じ商品管理番号・項目名・選択肢の行が前にあります" },
      ],
    },
    { line: 10, set: { mallItemCode: "mug", name: "メッセージ", choice: "あり", amount: 110 } },
  ]);
});

test("a text past 255 characters is refused on its own column", () => {
  const [row] = readSurchargeRows([["mug", "名入れ", "あ".repeat(256), "1"]], [2]);
  assert.deepEqual(row, {
    line: 2,
    problems: [{ field: "選択肢", rule: "max_length", message: "255文字以内にしてください" }],
  });
});

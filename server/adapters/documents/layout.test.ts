import assert from "node:assert/strict";
import { test } from "node:test";
import { PDFDocument } from "pdf-lib";
import { embedFonts } from "./fonts.ts";
import { type Column, layoutRows, type Measure, wrapText } from "./layout.ts";

// One point per character keeps the expected breaks readable.
const perChar: Measure = (text) => [...text].length;

test("Japanese text breaks at any character and keeps every character", () => {
  assert.deepEqual(wrapText("有機栽培の緑茶ティーバッグ", 5, perChar), [
    "有機栽培の",
    "緑茶ティー",
    "バッグ",
  ]);
});

test("a Latin word moves to the next line whole instead of being split", () => {
  assert.deepEqual(wrapText("緑茶 TB-100 お徳用", 7, perChar), ["緑茶", "TB-100", "お徳用"]);
});

test("a Latin word longer than the line is split rather than overflowing", () => {
  assert.deepEqual(wrapText("ABCDEFGHIJ", 4, perChar), ["ABCD", "EFGH", "IJ"]);
});

test("line breaks in the source are kept and an empty string is one empty line", () => {
  assert.deepEqual(wrapText("一行目\n二行目", 10, perChar), ["一行目", "二行目"]);
  assert.deepEqual(wrapText("", 10, perChar), [""]);
});

test("a long item name wraps within its column at the real font's widths", async () => {
  const { regular } = await embedFonts(await PDFDocument.create());
  const measure: Measure = (text) => regular.widthOfTextAtSize(text, 9);
  const style = { fontSize: 9, lineHeight: 13, padding: 4 };
  const columns: Column[] = [
    { header: "商品名", width: 120 },
    { header: "数量", width: 40 },
  ];
  const name =
    "【送料無料】国産 有機栽培 深蒸し煎茶 ティーバッグ 5g×100包 お徳用 Premium Green Tea 贈答用 のし対応";
  const [row] = layoutRows(columns, [[name, "1"]], measure, style);
  assert.ok(row);
  const [nameLines = []] = row.cells;
  assert.ok(nameLines.length > 1, "the name should need more than one line");
  for (const line of nameLines) assert.ok(measure(line) <= 120 - 2 * style.padding, `"${line}" overflows`);
  assert.equal(nameLines.join("").replaceAll(" ", ""), name.replaceAll(" ", ""));
  assert.equal(row.height, nameLines.length * style.lineHeight + 2 * style.padding);
});

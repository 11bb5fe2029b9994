import assert from "node:assert/strict";
import { test } from "node:test";
import { carrierCsv } from "../carrier-csv.ts";
import { col, problemsOf, rowsOf, slip } from "../test-slips.ts";

function rowOf(result: ReturnType<typeof carrierCsv>) {
  const { header, rows } = rowsOf(result);
  return { header, row: rows[0] };
}

test("ゆうプリR: the 100 columns of the standard format, dates yyyymmdd", () => {
  const { header, row } = rowOf(carrierCsv("japanpost_yupri", [slip({ cashOnDelivery: 2000 })], {}));
  assert.equal(header.length, 100);
  assert.equal(row?.length, 100);
  const expected: [number, string, string][] = [
    [1, "お客様側管理番号", "J0000000123"],
    [2, "発送予定日", "20260302"],
    [6, "郵便種別", "0"],
    [7, "保冷種別", "0"],
    [8, "元/着払/代引", "2"],
    [13, "お届け先郵便番号", "530-0001"],
    [14, "お届け先住所1", "大阪府大阪市北区梅田1-1-1"],
    [15, "お届け先住所2", "梅田ハイツ101"],
    [17, "お届け先名称1", "山田 花子"],
    [20, "お届け先電話番号", "090-1111-2222"],
    [30, "ご依頼主郵便番号", "150-0001"],
    [31, "ご依頼主住所1", "東京都渋谷区神宮前1-2-3"],
    [32, "ご依頼主住所2", "神宮前ビル5F"],
    [34, "ご依頼主名称1", "ジュチュウ雑貨店"],
    [37, "ご依頼主電話番号", "03-1234-5678"],
    [54, "受注番号", "123456-20260301-0000000001"],
    [65, "配達指定日/希望日", "20260304"],
    [66, "配達時間帯区分", "14"],
    [72, "複数個口数", ""],
    [73, "記事名1", "雑貨"],
    [75, "フリー項目01", ""],
    [99, "代引金額", "2000"],
    [100, "代引消費税金額", "181"],
  ];
  for (const [n, name, value] of expected) {
    assert.equal(col(header, n), name, `header ${n}`);
    assert.equal(col(row, n), value, `column ${n} ${name}`);
  }
});

test("ゆうプリR: 住所 is cut at 50 bytes per field, a half-width character counting one", () => {
  const address1 = `${"一".repeat(20)}${"1".repeat(20)}`; // 大阪府 6 + 40 + 20 = 66 bytes
  const { row } = rowOf(
    carrierCsv("japanpost_yupri", [slip({ recipient: { ...slip().recipient, address1 } })], {}),
  );
  assert.deepEqual(row?.slice(13, 16), [
    `大阪府${"一".repeat(20)}${"1".repeat(4)}`,
    "1".repeat(16),
    "梅田ハイツ101",
  ]);

  const r = carrierCsv(
    "japanpost_yupri",
    [slip({ slipNumber: "J00000000000000001", itemName: "品".repeat(26) })],
    {},
  );
  assert.deepEqual(
    problemsOf(r).map((p) => [p.field, p.rule, p.message]),
    [
      ["お客様側管理番号", "max_length", "お客様側管理番号 は半角15文字まで(現在 18 文字)"],
      ["記事名1", "max_length", "記事名1 は50バイト(全角25文字)まで(現在 52 バイト)"],
    ],
  );
});

test("ゆうプリR: 保冷種別 チルド/冷凍, ゆうパケット, 着払い; what Japan Post cannot print is left out", () => {
  const row = (over: Parameters<typeof slip>[0]) =>
    rowsOf(carrierCsv("japanpost_yupri", [slip(over)], {})).rows[0];
  assert.equal(col(row({ temperature: "chilled" }), 7), "1");
  assert.equal(col(row({ temperature: "frozen" }), 7), "2");
  const packet = row({ service: "mailbox", deliveryTimeSlot: null });
  assert.deepEqual([col(packet, 6), col(packet, 7), col(packet, 8)], ["9", "0", "0"]);
  assert.equal(col(row({ service: "recipient_pays" }), 8), "1");
  const refused = (over: Parameters<typeof slip>[0]) =>
    problemsOf(carrierCsv("japanpost_yupri", [slip(over)], {})).map((p) => [p.field, p.rule]);
  assert.deepEqual(refused({ service: "compact" }), [["郵便種別", "not_offered"]]);
  assert.deepEqual(refused({ service: "mailbox", deliveryTimeSlot: null, temperature: "frozen" }), [
    ["保冷種別", "not_offered"],
  ]);
  assert.deepEqual(refused({ service: "mailbox", deliveryTimeSlot: null, cashOnDelivery: 1000 }), [
    ["元/着払/代引", "not_offered"],
  ]);
  assert.deepEqual(refused({ service: "mailbox" }), [["配達時間帯区分", "not_offered"]]);
});

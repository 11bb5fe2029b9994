import assert from "node:assert/strict";
import { test } from "node:test";
import { carrierCsv } from "./carrier-csv.ts";
import { CarrierCsvRefusal } from "./slip.ts";
import { col, slip } from "./test-slips.ts";

function rowOf(result: ReturnType<typeof carrierCsv>) {
  if (result instanceof CarrierCsvRefusal) assert.fail(JSON.stringify(result.problems, null, 1));
  return { header: result.header, row: result.rows[0] };
}

test("ゆうプリR: columns 1–17 as the 速販 layout, dates yyyymmdd", () => {
  const { header, row } = rowOf(carrierCsv("japanpost_yupri", [slip({ cashOnDelivery: 2000 })], {}));
  assert.equal(header.length, 33);
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
    [26, "ご依頼主名称1", "ジュチュウ雑貨店"],
    [30, "配達希望日", "20260304"],
    [31, "配達時間帯", "14"],
    [32, "代引金額", "2000"],
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
  assert.ok(r instanceof CarrierCsvRefusal);
  assert.deepEqual(
    r.problems.map((p) => [p.field, p.rule, p.message]),
    [
      ["お客様側管理番号", "max_length", "お客様側管理番号 は半角15文字まで(現在 18 文字)"],
      ["品名", "max_length", "品名 は50バイト(全角25文字)まで(現在 52 バイト)"],
    ],
  );
});

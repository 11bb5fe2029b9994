import assert from "node:assert/strict";
import { test } from "node:test";
import { carrierCsv } from "./carrier-csv.ts";
import { CarrierCsvRefusal } from "./slip.ts";
import { col, SHOP, slip } from "./test-slips.ts";

const settings = { yamatoBillingCustomerCode: "031234567801", yamatoFreightNumber: "01" };

function rowsOf(result: ReturnType<typeof carrierCsv>) {
  if (result instanceof CarrierCsvRefusal) assert.fail(JSON.stringify(result.problems, null, 1));
  return result;
}

test("B2: 95 columns, each value at the position of Yamato's layout", () => {
  const { header, rows } = rowsOf(carrierCsv("yamato_b2", [slip()], settings));
  const row = rows[0];
  assert.equal(header.length, 95);
  assert.equal(row?.length, 95);
  const expected: [number, string, string][] = [
    [1, "お客様管理番号", "J0000000123"],
    [2, "送り状種類", "0"],
    [4, "伝票番号", ""],
    [5, "出荷予定日", "2026/03/02"],
    [6, "お届け予定（指定）日", "2026/03/04"],
    [7, "配達時間帯", "1416"],
    [9, "お届け先電話番号", "090-1111-2222"],
    [11, "お届け先郵便番号", "530-0001"],
    [12, "お届け先住所", "大阪府大阪市北区梅田1-1-1"],
    [13, "お届け先アパートマンション名", "梅田ハイツ101"],
    [16, "お届け先名", "山田 花子"],
    [20, "ご依頼主電話番号", "03-1234-5678"],
    [22, "ご依頼主郵便番号", "150-0001"],
    [23, "ご依頼主住所", "東京都渋谷区神宮前1-2-3"],
    [24, "ご依頼主アパートマンション", "神宮前ビル5F"],
    [25, "ご依頼主名", "ジュチュウ雑貨店"],
    [28, "品名１", "雑貨"],
    [33, "記事", "123456-20260301-0000000001"],
    [34, "ｺﾚｸﾄ代金引換額（税込)", ""],
    [40, "請求先顧客コード", "031234567801"],
    [42, "運賃管理番号", "01"],
    [75, "検索キータイトル1", ""],
  ];
  for (const [n, name, value] of expected) {
    assert.equal(col(header, n), name, `header ${n}`);
    assert.equal(col(row, n), value, `column ${n} ${name}`);
  }
  assert.equal(row?.filter((v) => v !== "").length, 20, "nothing else is filled");
});

test("B2: 代引 makes it a コレクト with the amount and the tax inside it", () => {
  const row = rowsOf(carrierCsv("yamato_b2", [slip({ cashOnDelivery: 5500 })], settings)).rows[0];
  assert.equal(col(row, 2), "2");
  assert.equal(col(row, 3), "0", "クール区分 通常");
  assert.equal(col(row, 34), "5500");
  assert.equal(col(row, 35), "500");
  const given = rowsOf(
    carrierCsv("yamato_b2", [slip({ cashOnDelivery: 5400, cashOnDeliveryTax: 400 })], settings),
  );
  assert.equal(col(given.rows[0], 35), "400");
});

test("B2: time slots map to Yamato's codes; a slot Yamato does not offer is refused", () => {
  const code = (s: string | null) =>
    col(rowsOf(carrierCsv("yamato_b2", [slip({ deliveryTimeSlot: s })], settings)).rows[0], 7);
  assert.equal(code("午前中"), "0812");
  assert.equal(code("19:00-21:00"), "1921");
  assert.equal(code(null), "");
  for (const slot of ["12:00-14:00", "午後", "最終便(19:00以降)"]) {
    const r = carrierCsv("yamato_b2", [slip({ deliveryTimeSlot: slot })], settings);
    assert.ok(r instanceof CarrierCsvRefusal);
    assert.deepEqual(
      r.problems.map((p) => [p.field, p.rule, p.value]),
      [["配達時間帯", "format", slot]],
    );
    assert.match(r.problems[0]?.message ?? "", /ヤマト運輸では指定できません/);
  }
});

test("B2: every limit violation of every slip is listed at once", () => {
  const long = slip({
    slipNumber: "J0000000124",
    recipient: {
      name: "山田山田山田山田山田山田山田山田山", // 17 全角
      postalCode: "53-0001",
      prefecture: "大阪府",
      address1: `大阪市北区梅田${"一".repeat(30)}`, // 40 全角 with 大阪府
      address2: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg", // 33 half-width = 16.5
      phone: "090-1111-2222-3333",
    },
    itemName: "",
  });
  const r = carrierCsv("yamato_b2", [slip(), long, slip({ slipNumber: "J-1" })], {});
  assert.ok(r instanceof CarrierCsvRefusal);
  assert.equal(r.code, "carrier_csv.invalid_fields");
  assert.deepEqual(
    r.problems.map((p) => [p.slipNumber, p.field, p.rule]),
    [
      [null, "請求先顧客コード", "required"],
      ["J0000000124", "お届け先電話番号", "max_length"],
      ["J0000000124", "お届け先郵便番号", "format"],
      ["J0000000124", "お届け先住所", "max_length"],
      ["J0000000124", "お届け先アパートマンション名", "max_length"],
      ["J0000000124", "お届け先名", "max_length"],
      ["J0000000124", "品名１", "required"],
      ["J-1", "お客様管理番号", "format"],
    ],
  );
  const byField = new Map(r.problems.map((p) => [p.field, p.message]));
  assert.equal(byField.get("お届け先住所"), "お届け先住所 は全角32文字まで(現在 40 文字)");
  assert.equal(
    byField.get("お届け先アパートマンション名"),
    "お届け先アパートマンション名 は全角16文字まで(現在 16.5 文字)",
  );
  assert.equal(byField.get("お届け先電話番号"), "お届け先電話番号 は半角15文字まで(現在 18 文字)");
  assert.equal(r.errors?.length, 8, "the Refusal's errors carry the same list for the API");
});

test("B2: characters outside JIS level 1/2 are refused, common variants substituted", () => {
  const sub = slip({ recipient: { ...slip().recipient, name: "髙﨑 𠮷男", address2: "梅田ハイツ①" } });
  const row = rowsOf(carrierCsv("yamato_b2", [sub], settings)).rows[0];
  assert.equal(col(row, 16), "高崎 吉男");
  assert.equal(col(row, 13), "梅田ハイツ(1)");

  const bad = slip({ recipient: { ...slip().recipient, name: "山田 花子纊" }, itemName: "雑貨😀" });
  const r = carrierCsv("yamato_b2", [bad], settings);
  assert.ok(r instanceof CarrierCsvRefusal);
  assert.deepEqual(
    r.problems.map((p) => [p.field, p.rule]),
    [
      ["お届け先名", "unencodable_character"],
      ["品名１", "unencodable_character"],
    ],
  );
  assert.match(r.problems[0]?.message ?? "", /「纊」/);
});

test("B2: the billing code and freight number are checked once per file", () => {
  const r = carrierCsv("yamato_b2", [slip(), slip({ slipNumber: "J2" })], {
    yamatoBillingCustomerCode: "03-1234",
    yamatoFreightNumber: "1",
  });
  assert.ok(r instanceof CarrierCsvRefusal);
  assert.deepEqual(
    r.problems.map((p) => [p.slipNumber, p.field, p.rule]),
    [
      [null, "請求先顧客コード", "format"],
      [null, "運賃管理番号", "format"],
    ],
  );
  const defaults = rowsOf(carrierCsv("yamato_b2", [slip()], { yamatoBillingCustomerCode: "0312345678" }));
  assert.equal(col(defaults.rows[0], 42), "01");
});

test("a slip number twice in one file is refused", () => {
  const r = carrierCsv("yamato_b2", [slip(), slip()], settings);
  assert.ok(r instanceof CarrierCsvRefusal);
  assert.deepEqual(
    r.problems.map((p) => [p.slipNumber, p.field]),
    [["J0000000123", "お客様管理番号"]],
  );
});

test("the prefecture is not doubled when the mall put it in address1", () => {
  const s = slip({ sender: { ...SHOP, address1: "東京都渋谷区神宮前1-2-3" } });
  assert.equal(col(rowsOf(carrierCsv("yamato_b2", [s], settings)).rows[0], 23), "東京都渋谷区神宮前1-2-3");
});

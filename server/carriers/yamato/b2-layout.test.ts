import assert from "node:assert/strict";
import { test } from "node:test";
import { carrierCsv } from "../carrier-csv.ts";
import { CarrierCsvRefusal } from "../slip.ts";
import { col, problemsOf, rowsOf, SHOP, slip } from "../test-slips.ts";

const settings = { yamatoBillingCustomerCode: "031234567801", yamatoFreightNumber: "01" };

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
    assert.deepEqual(
      problemsOf(r).map((p) => [p.field, p.rule, p.value]),
      [["配達時間帯", "format", slot]],
    );
    assert.match(problemsOf(r)[0]?.message ?? "", /ヤマト運輸では指定できません/);
  }
});

test("B2: a bad slip is left out with every problem on it; the good ones still make the file", () => {
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
  const r = carrierCsv("yamato_b2", [slip(), long, slip({ slipNumber: "J-1" })], settings);
  assert.ok(!(r instanceof CarrierCsvRefusal));
  assert.deepEqual(r.included, ["J0000000123"]);
  assert.equal(r.rows.length, 1);
  assert.equal(col(r.rows[0], 1), "J0000000123");
  assert.deepEqual(
    r.leftOut.map((s) => [s.slipNumber, s.problems.map((p) => [p.field, p.rule, p.fixedIn])]),
    [
      [
        "J0000000124",
        [
          ["お届け先電話番号", "max_length", "order"],
          ["お届け先郵便番号", "format", "order"],
          ["お届け先住所", "max_length", "order"],
          ["お届け先アパートマンション名", "max_length", "order"],
          ["お届け先名", "max_length", "order"],
          ["品名１", "required", "order"],
        ],
      ],
      ["J-1", [["お客様管理番号", "format", "order"]]],
    ],
  );
  const byField = new Map(problemsOf(r).map((p) => [p.field, p.message]));
  assert.equal(byField.get("お届け先住所"), "お届け先住所 は全角32文字まで(現在 40 文字)");
  assert.equal(
    byField.get("お届け先アパートマンション名"),
    "お届け先アパートマンション名 は全角16文字まで(現在 16.5 文字)",
  );
  assert.equal(byField.get("お届け先電話番号"), "お届け先電話番号 は半角15文字まで(現在 18 文字)");
});

test("B2: the sender's name is the shop's (ショップ設定), the rest of it the stock room's (倉庫設定)", () => {
  const sender = { ...SHOP, name: "店".repeat(17), address2: "ビ".repeat(17) };
  const r = carrierCsv("yamato_b2", [slip({ sender })], settings);
  assert.deepEqual(
    problemsOf(r).map((p) => [p.field, p.fixedIn]),
    [
      ["ご依頼主アパートマンション", "warehouse"],
      ["ご依頼主名", "shop"],
    ],
  );
});

test("B2: 送り状種類 from the service, コレクト with 代引, refused where Yamato has no such slip", () => {
  const cases: [Partial<Parameters<typeof slip>[0]>, string][] = [
    [{ service: "standard" }, "0"],
    [{ service: "standard", cashOnDelivery: 5500 }, "2"],
    [{ service: "time_10", deliveryTimeSlot: null }, "4"],
    [{ service: "recipient_pays" }, "5"],
    [{ service: "mailbox", deliveryTimeSlot: null }, "7"],
    [{ service: "compact" }, "8"],
    [{ service: "compact", cashOnDelivery: 5500 }, "9"],
  ];
  for (const [over, type] of cases)
    assert.equal(
      col(rowsOf(carrierCsv("yamato_b2", [slip(over)], settings)).rows[0], 2),
      type,
      JSON.stringify(over),
    );
  for (const service of ["mailbox", "time_17", "recipient_pays"] as const) {
    const r = carrierCsv(
      "yamato_b2",
      [slip({ service, cashOnDelivery: 5500, deliveryTimeSlot: null })],
      settings,
    );
    assert.deepEqual(
      problemsOf(r).map((p) => [p.field, p.rule, p.fixedIn]),
      [["送り状種類", "not_offered", "service"]],
      service,
    );
  }
});

test("B2: タイム puts its time in 配達時間帯; ネコポス and タイム take no buyer's slot", () => {
  const time = (service: "time_10" | "time_17") =>
    col(rowsOf(carrierCsv("yamato_b2", [slip({ service, deliveryTimeSlot: null })], settings)).rows[0], 7);
  assert.equal(time("time_10"), "0010");
  assert.equal(time("time_17"), "0017");
  for (const service of ["mailbox", "time_10"] as const) {
    const r = carrierCsv("yamato_b2", [slip({ service })], settings);
    assert.deepEqual(
      problemsOf(r).map((p) => [p.field, p.rule, p.value]),
      [["配達時間帯", "not_offered", "14:00-16:00"]],
    );
  }
});

test("B2: クール区分 from the parcel's temperature, only on 発払・コレクト・着払", () => {
  const cool = (over: Partial<Parameters<typeof slip>[0]>) =>
    col(rowsOf(carrierCsv("yamato_b2", [slip(over)], settings)).rows[0], 3);
  assert.equal(cool({ temperature: "ambient" }), "0");
  assert.equal(cool({ temperature: "frozen" }), "1");
  assert.equal(cool({ temperature: "chilled" }), "2");
  assert.equal(cool({ temperature: "chilled", cashOnDelivery: 3000 }), "2");
  assert.equal(cool({ temperature: "frozen", service: "recipient_pays" }), "1");
  const r = carrierCsv("yamato_b2", [slip({ temperature: "frozen", service: "compact" })], settings);
  assert.deepEqual(
    problemsOf(r).map((p) => [p.field, p.rule, p.fixedIn]),
    [["クール区分", "not_offered", "service"]],
  );
});

test("B2: characters outside JIS level 1/2 are refused, common variants substituted", () => {
  const sub = slip({ recipient: { ...slip().recipient, name: "髙﨑 𠮷男", address2: "梅田ハイツ①" } });
  const row = rowsOf(carrierCsv("yamato_b2", [sub], settings)).rows[0];
  assert.equal(col(row, 16), "高崎 吉男");
  assert.equal(col(row, 13), "梅田ハイツ(1)");

  const bad = slip({ recipient: { ...slip().recipient, name: "山田 花子纊" }, itemName: "雑貨😀" });
  const r = carrierCsv("yamato_b2", [bad], settings);
  assert.deepEqual(
    problemsOf(r).map((p) => [p.field, p.rule]),
    [
      ["お届け先名", "unencodable_character"],
      ["品名１", "unencodable_character"],
    ],
  );
  assert.match(problemsOf(r)[0]?.message ?? "", /「纊」/);
});

test("B2: the billing code and freight number are checked once per file, which they refuse", () => {
  const r = carrierCsv("yamato_b2", [slip(), slip({ slipNumber: "J2" })], {
    yamatoBillingCustomerCode: "03-1234",
    yamatoFreightNumber: "1",
  });
  assert.ok(r instanceof CarrierCsvRefusal);
  assert.deepEqual(
    r.errors?.map((e) => e.path),
    ["settings.yamatoBillingCustomerCode", "settings.yamatoFreightNumber"],
  );
  const missing = carrierCsv("yamato_b2", [slip()], {});
  assert.match(problemsOf(missing)[0]?.message ?? "", /倉庫設定で/);
  assert.doesNotMatch(problemsOf(missing)[0]?.message ?? "", /配送設定/);
  assert.deepEqual(
    problemsOf(r).map((p) => [p.slipNumber, p.field, p.rule]),
    [
      [null, "請求先顧客コード", "format"],
      [null, "運賃管理番号", "format"],
    ],
  );
  const defaults = rowsOf(carrierCsv("yamato_b2", [slip()], { yamatoBillingCustomerCode: "0312345678" }));
  assert.equal(col(defaults.rows[0], 42), "01");
});

test("a slip number twice in one file: the second is left out", () => {
  const r = carrierCsv("yamato_b2", [slip(), slip()], settings);
  assert.deepEqual(
    problemsOf(r).map((p) => [p.slipNumber, p.field]),
    [["J0000000123", "お客様管理番号"]],
  );
});

test("the prefecture is not doubled when the mall put it in address1", () => {
  const s = slip({ sender: { ...SHOP, address1: "東京都渋谷区神宮前1-2-3" } });
  assert.equal(col(rowsOf(carrierCsv("yamato_b2", [s], settings)).rows[0], 23), "東京都渋谷区神宮前1-2-3");
});

test("B2: a 代引 amount not fixed yet or out of range leaves the slip out", () => {
  const problems = (cashOnDelivery: number) =>
    problemsOf(carrierCsv("yamato_b2", [slip({ cashOnDelivery })], settings)).map((p) => [p.rule, p.message]);
  assert.deepEqual(problems(Number.NaN), [
    ["required", "ｺﾚｸﾄ代金引換額 が未確定です(注文の金額が確定してから作ってください)"],
  ]);
  assert.deepEqual(problems(300_001), [["format", "ｺﾚｸﾄ代金引換額 は1〜300,000円の整数です"]]);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { carrierCsv } from "../carrier-csv.ts";
import { col, problemsOf, rowsOf, slip } from "../test-slips.ts";

function rowOf(result: ReturnType<typeof carrierCsv>) {
  const { header, rows } = rowsOf(result);
  return { header, row: rows[0] };
}

test("e飛伝II: 42 columns of the standard pattern, text widened to full-width", () => {
  const { header, row } = rowOf(carrierCsv("sagawa_ehiden", [slip({ cashOnDelivery: 3300 })], {}));
  assert.equal(header.length, 42);
  const expected: [number, string, string][] = [
    [1, "住所録コード", ""],
    [2, "お届け先電話番号", "090-1111-2222"],
    [3, "お届け先郵便番号", "530-0001"],
    [4, "お届け先住所１", "大阪府大阪市北区梅田１－１－１"],
    [5, "お届け先住所２", "梅田ハイツ１０１"],
    [6, "お届け先住所３", ""],
    [7, "お届け先名称１", "山田　花子"],
    [9, "お客様管理ナンバー", "J0000000123"],
    [12, "荷送人電話番号", "03-1234-5678"],
    [14, "ご依頼主郵便番号", "150-0001"],
    [15, "ご依頼主住所１", "東京都渋谷区神宮前１－２－３"],
    [16, "ご依頼主住所２", "神宮前ビル５Ｆ"],
    [17, "ご依頼主名称１", "ジュチュウ雑貨店"],
    [20, "品名１", "雑貨"],
    [25, "出荷個数", "1"],
    [28, "配達日", "20260304"],
    [29, "配達指定時間帯", "14"],
    [31, "代引金額", "3300"],
    [32, "消費税", "300"],
    [42, "元着区分", "1"],
  ];
  for (const [n, name, value] of expected) {
    assert.equal(col(header, n), name, `header ${n}`);
    assert.equal(col(row, n), value, `column ${n} ${name}`);
  }
});

test("e飛伝II: a long address is split over 住所１–３ by 16 characters, refused beyond 48", () => {
  const to = slip().recipient;
  const long = {
    ...to,
    address1: "大阪市北区梅田三丁目一番三号ノースゲートビル",
    address2: "オフィスタワー十五階",
  };
  const { row } = rowOf(carrierCsv("sagawa_ehiden", [slip({ recipient: long })], {}));
  // 大阪府 + address1 is 25 characters: 住所１ and ２; the building starts 住所３.
  assert.deepEqual(row?.slice(3, 6), [
    "大阪府大阪市北区梅田三丁目一番三",
    "号ノースゲートビル",
    "オフィスタワー十五階",
  ]);

  const runOn = {
    ...to,
    address1: "大阪市北区梅田三丁目一番三号ノースゲートビルディング",
    address2: "オフィスタワー十五階",
  };
  const joined = rowOf(carrierCsv("sagawa_ehiden", [slip({ recipient: runOn })], {})).row;
  assert.equal(
    joined?.slice(3, 6).join(""),
    "大阪府大阪市北区梅田三丁目一番三号ノースゲートビルディングオフィスタワー十五階",
  );

  const tooLong = { ...to, address1: "一".repeat(46), address2: "ビル" };
  const r = carrierCsv("sagawa_ehiden", [slip({ recipient: tooLong })], {});
  assert.deepEqual(
    problemsOf(r).map((p) => [p.field, p.rule, p.message]),
    [["お届け先住所１〜３", "max_length", "お届け先住所１〜３ は合わせて48文字まで(現在 51 文字)"]],
  );
});

test("e飛伝II: CP932 extension characters pass as they are; outside CP932 is refused", () => {
  const name = slip({ recipient: { ...slip().recipient, name: "髙橋 𠮷男" } });
  assert.equal(col(rowOf(carrierCsv("sagawa_ehiden", [name], {})).row, 7), "髙橋　吉男");
  const bad = slip({ itemName: "Tシャツ👕" });
  const r = carrierCsv("sagawa_ehiden", [bad], {});
  assert.deepEqual(
    problemsOf(r).map((p) => [p.field, p.rule]),
    [["品名１〜５", "unencodable_character"]],
  );
});

test("e飛伝II: the limits of names, numbers and slots", () => {
  const r = carrierCsv(
    "sagawa_ehiden",
    [
      slip({
        slipNumber: "J00000000000000001", // 18
        recipient: { ...slip().recipient, name: "名".repeat(33), phone: "090-1111-222233" },
        deliveryTimeSlot: "20:00-21:00",
      }),
    ],
    {},
  );
  assert.deepEqual(
    problemsOf(r).map((p) => [p.field, p.rule]),
    [
      ["お届け先電話番号", "max_length"],
      ["お届け先名称１〜２", "max_length"],
      ["お客様管理ナンバー", "max_length"],
      ["配達指定時間帯", "format"],
    ],
  );
});

test("e飛伝II: every time slot code of the layout, 04 for 18–21時", () => {
  const code = (s: string) =>
    col(rowOf(carrierCsv("sagawa_ehiden", [slip({ deliveryTimeSlot: s })], {})).row, 29);
  const expected: [string, string][] = [
    ["午前中", "01"],
    ["12:00-14:00", "12"],
    ["14:00-16:00", "14"],
    ["16:00-18:00", "16"],
    ["18:00-21:00", "04"],
    ["18:00-20:00", "18"],
    ["19:00-21:00", "19"],
  ];
  for (const [slot, c] of expected) assert.equal(code(slot), c, slot);
});

test("e飛伝II: 便種（商品） from the temperature, 元着区分 2 for 着払い, no slip for コンパクト・ポスト投函・タイム", () => {
  const row = (over: Parameters<typeof slip>[0]) => rowOf(carrierCsv("sagawa_ehiden", [slip(over)], {})).row;
  assert.equal(col(row({ temperature: "ambient" }), 27), "");
  assert.equal(col(row({ temperature: "chilled" }), 27), "002");
  assert.equal(col(row({ temperature: "frozen" }), 27), "003");
  assert.equal(col(row({ service: "recipient_pays" }), 42), "2");
  assert.equal(col(row({}), 42), "1");
  for (const service of ["compact", "mailbox", "time_10"] as const)
    assert.deepEqual(
      problemsOf(carrierCsv("sagawa_ehiden", [slip({ service })], {})).map((p) => [p.rule, p.fixedIn]),
      [["not_offered", "service"]],
      service,
    );
  assert.deepEqual(
    problemsOf(
      carrierCsv("sagawa_ehiden", [slip({ service: "recipient_pays", cashOnDelivery: 1000 })], {}),
    ).map((p) => p.field),
    ["元着区分"],
  );
});

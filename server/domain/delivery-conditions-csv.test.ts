import assert from "node:assert/strict";
import { test } from "node:test";
import {
  DELIVERY_CONDITIONS_HEADER,
  deliveryConditionsCsvRow,
  readDeliveryConditionsCsv,
} from "./delivery-conditions-csv.ts";

const OSAKA = "00000000-0000-4000-8000-000000000002";
const known = {
  productIdOf: new Map([
    ["A-1", "p1"],
    ["B-2", "p2"],
  ]),
  warehouseIdsOf: new Map([
    ["大阪倉庫", [OSAKA]],
    ["予備", ["w1", "w2"]],
  ]),
};
const upload = (...rows: string[][]) => ({
  header: [...DELIVERY_CONDITIONS_HEADER],
  records: rows,
  recordLines: rows.map((_, i) => i + 2),
});

test("a row exported reads back as the same conditions", () => {
  const row = {
    sku: "A-1",
    name: "冷凍餃子",
    warehouseId: OSAKA,
    carrier: "sagawa" as const,
    leadDays: 3,
    timeSlots: ["am" as const, "14-16" as const],
  };
  const cells = deliveryConditionsCsvRow(row, () => "大阪倉庫");
  assert.deepEqual(cells, ["A-1", "冷凍餃子", "大阪倉庫", "佐川急便", "3", "午前中/14〜16時"]);
  assert.deepEqual(readDeliveryConditionsCsv(upload(cells), known), {
    updates: [
      { productId: "p1", warehouseId: OSAKA, carrier: "sagawa", leadDays: 3, timeSlots: ["am", "14-16"] },
    ],
    problems: [],
  });
  const open = deliveryConditionsCsvRow(
    { ...row, warehouseId: null, carrier: null, leadDays: 0, timeSlots: null },
    () => "",
  );
  assert.deepEqual(open.slice(2), ["", "", "0", ""]);
  assert.deepEqual(deliveryConditionsCsvRow({ ...row, timeSlots: [] }, () => "").at(-1), "なし");
});

test("each bad cell is reported with its line, column and rule", () => {
  const rows: [string, string[], { field: string; rule: string; message: RegExp }][] = [
    ["unknown SKU", ["Z-9", "", "", "", "0", ""], { field: "SKU", rule: "unknown_sku", message: /Z-9/ }],
    ["blank SKU", ["", "", "", "", "0", ""], { field: "SKU", rule: "required", message: /SKUを入力/ }],
    [
      "unknown warehouse",
      ["A-1", "", "名古屋", "", "0", ""],
      { field: "物流会社", rule: "unknown_warehouse", message: /名古屋/ },
    ],
    [
      "two warehouses of that name",
      ["A-1", "", "予備", "", "0", ""],
      { field: "物流会社", rule: "ambiguous_warehouse", message: /2つ/ },
    ],
    [
      "unknown carrier",
      ["A-1", "", "", "西濃", "0", ""],
      { field: "配送会社", rule: "unknown_carrier", message: /ヤマト運輸/ },
    ],
    [
      "days out of range",
      ["A-1", "", "", "", "61", ""],
      { field: "お届け対応可能日数", rule: "range", message: /0〜60/ },
    ],
    [
      "days not a number",
      ["A-1", "", "", "", "三", ""],
      { field: "お届け対応可能日数", rule: "range", message: /三/ },
    ],
    [
      "unknown slot",
      ["A-1", "", "", "", "0", "午前中/夜"],
      { field: "時間帯", rule: "unknown_time_slot", message: /「夜」/ },
    ],
  ];
  for (const [why, cells, expected] of rows) {
    const { updates, problems } = readDeliveryConditionsCsv(upload(cells), known);
    assert.equal(updates.length, 0, why);
    assert.equal(problems.length, 1, why);
    const [p] = problems;
    assert.equal(p?.line, 2, why);
    assert.equal(p?.field, expected.field, why);
    assert.equal(p?.rule, expected.rule, why);
    assert.match(p?.message ?? "", expected.message, why);
  }
});

test("codes and full-width digits are read too; a SKU twice is refused on its second line", () => {
  const { updates, problems } = readDeliveryConditionsCsv(
    upload(
      ["A-1", "", "", "yamato", "２", "am/18～20時"],
      ["B-2", "", "", "", "", "なし"],
      ["A-1", "", "", "", "0", ""],
    ),
    known,
  );
  assert.deepEqual(updates, [
    { productId: "p1", warehouseId: null, carrier: "yamato", leadDays: 2, timeSlots: ["am", "18-20"] },
    { productId: "p2", warehouseId: null, carrier: null, leadDays: 0, timeSlots: [] },
  ]);
  assert.deepEqual(problems, [
    { line: 4, field: "SKU", rule: "duplicate", message: "SKU「A-1」は2行目にもあります" },
  ]);
});

test("a file without a required column is refused on its header line", () => {
  const { problems } = readDeliveryConditionsCsv(
    { header: ["SKU", "商品名"], records: [["A-1", "x"]], recordLines: [2] },
    known,
  );
  assert.deepEqual(
    problems.map((p) => [p.line, p.field, p.rule]),
    [
      [1, "物流会社", "missing_column"],
      [1, "配送会社", "missing_column"],
      [1, "お届け対応可能日数", "missing_column"],
      [1, "時間帯", "missing_column"],
    ],
  );
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { checkMasterRows, type MasterKind, type MasterRow, shopMastersOf } from "./mall-masters.ts";
import { Refusal } from "./refusal.ts";

const CARRIERS: MasterKind = {
  kind: "delivery_company",
  label: "配送会社",
  codes: { yamato: "ヤマト運輸", sagawa: "佐川急便" },
  mallCode: { pattern: /^\d{4}$/, hint: "4桁の数字", labels: { "1001": "ヤマト運輸" } },
  everyCode: true,
  defaults: [
    { code: "yamato", mallCode: "1001" },
    { code: "sagawa", mallCode: "1002" },
  ],
};
const PAYMENTS: MasterKind = {
  ...CARRIERS,
  kind: "payment_method",
  label: "決済方法",
  everyCode: false,
  defaults: [],
};

// biome-ignore format: a table, one row per line
const CASES: [string, MasterKind, MasterRow[], MasterRow[] | [string, string][]][] = [
  ["the defaults pass", CARRIERS, [...CARRIERS.defaults], [...CARRIERS.defaults]],
  ["spaces around a code are dropped", CARRIERS, [{ code: " yamato ", mallCode: "1028 " }, { code: "sagawa", mallCode: "1002" }], [{ code: "yamato", mallCode: "1028" }, { code: "sagawa", mallCode: "1002" }]],
  ["two mall codes for one Juchu code pass (the first is reported)", CARRIERS, [{ code: "yamato", mallCode: "1001" }, { code: "yamato", mallCode: "1030" }, { code: "sagawa", mallCode: "1002" }], [{ code: "yamato", mallCode: "1001" }, { code: "yamato", mallCode: "1030" }, { code: "sagawa", mallCode: "1002" }]],
  ["a code Juchu does not have", CARRIERS, [{ code: "kuroneko", mallCode: "1001" }, { code: "yamato", mallCode: "1003" }, { code: "sagawa", mallCode: "1002" }], [["rows.0.code", "「kuroneko」はJuchuの配送会社のコードではありません"]]],
  ["a mall code of the wrong shape", CARRIERS, [{ code: "yamato", mallCode: "ヤマト" }, { code: "sagawa", mallCode: "1002" }], [["rows.0.mallCode", "「ヤマト」は4桁の数字ではありません"]]],
  ["one mall code twice", CARRIERS, [{ code: "yamato", mallCode: "1001" }, { code: "sagawa", mallCode: "1001" }], [["rows.1.mallCode", "モールのコード「1001」が2行にあります"]]],
  ["a Juchu code reported in these codes without a row", CARRIERS, [{ code: "yamato", mallCode: "1001" }], [["rows", "佐川急便(sagawa)の行がありません(モールへの報告に使います)"]]],
  ["a master read only on import may leave Juchu codes out", PAYMENTS, [], []],
];

for (const [name, kind, rows, expected] of CASES) {
  test(`checkMasterRows: ${name}`, () => {
    const checked = checkMasterRows(kind, rows);
    if (checked instanceof Refusal) {
      assert.equal(checked.code, "validation.failed");
      assert.deepEqual(
        checked.errors?.map((e) => [e.path, e.message]),
        expected,
      );
    } else assert.deepEqual(checked, expected);
  });
}

test("shopMastersOf: the shop's own rows where it has them, the channel's defaults elsewhere, nothing of a kind gone", () => {
  const own = [{ code: "yamato", mallCode: "1028" }];
  assert.deepEqual(shopMastersOf([CARRIERS, PAYMENTS], { delivery_company: own, prefecture: [] }), {
    delivery_company: own,
    payment_method: [],
  });
  assert.deepEqual(shopMastersOf([CARRIERS], null), { delivery_company: CARRIERS.defaults });
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { prefecturesOfPostalCode, shipToProblems } from "./ship-to-check.ts";

const OK = { name: "佐藤 花子", postalCode: "100-0001", prefecture: "東京都", address1: "千代田区千代田1-1" };

test("住所エラー: postal code against prefecture, and the required parts", () => {
  const cases: [string, Record<string, unknown>, [string, RegExp][]][] = [
    ["100-0001 東京都 is fine", OK, []],
    ["without a hyphen too", { ...OK, postalCode: "1000001" }, []],
    ["100-0001 is not in 大阪府", { ...OK, prefecture: "大阪府" }, [["prefecture", /東京都の番号/]]],
    ["530-0001 大阪府 is fine", { ...OK, postalCode: "530-0001", prefecture: "大阪府" }, []],
    ["a code on a border fits both prefectures", { ...OK, postalCode: "498-0000", prefecture: "三重県" }, []],
    ["missing prefecture", { ...OK, prefecture: "" }, [["prefecture", /都道府県がありません/]]],
    ["missing postal code", { ...OK, postalCode: undefined }, [["postalCode", /郵便番号がありません/]]],
    ["blank name", { ...OK, name: "  " }, [["name", /氏名がありません/]]],
    ["missing address line", { ...OK, address1: "" }, [["address1", /住所がありません/]]],
    ["not 7 digits", { ...OK, postalCode: "100-001" }, [["postalCode", /7桁/]]],
    ["a code Japan Post does not have", { ...OK, postalCode: "000-0000" }, [["postalCode", /存在しません/]]],
    [
      "several at once",
      { ...OK, name: "", postalCode: "060-0001", prefecture: "沖縄県" },
      [
        ["name", /氏名/],
        ["prefecture", /北海道の番号/],
      ],
    ],
  ];
  for (const [why, shipTo, expected] of cases) {
    const problems = shipToProblems(shipTo);
    assert.deepEqual(
      problems.map((p) => p.path),
      expected.map(([path]) => path),
      why,
    );
    for (const [i, p] of problems.entries()) assert.match(p.message, expected[i]?.[1] ?? /^$/, why);
  }
});

test("postal code → prefectures from Japan Post's data", () => {
  assert.deepEqual(prefecturesOfPostalCode("1040061"), ["東京都"]);
  assert.deepEqual(prefecturesOfPostalCode("0600001"), ["北海道"]);
  assert.deepEqual(prefecturesOfPostalCode("9999999"), []);
});

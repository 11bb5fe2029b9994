import assert from "node:assert/strict";
import { test } from "node:test";
import { senderOf, shipFromSchema } from "./ship-from.ts";

const ROOM = {
  name: "物流センター",
  postalCode: "135-0061",
  prefecture: "東京都",
  address1: "江東区豊洲3-2-20",
  phone: "03-1234-5678",
};
const OWN = {
  mode: "shop" as const,
  name: "うなぎの蒲焼本舗",
  postalCode: "430-0933",
  prefecture: "静岡県",
  address1: "浜松市中区鍛冶町100",
  address2: "2階",
  phone: "053-111-2222",
};

// biome-ignore format: a table, one row per line
const CASES: [string, unknown, { sender?: typeof ROOM }, unknown][] = [
  ["no setting (saved before it existed): the stock room's address under the shop's name", {}, { sender: ROOM }, { ...ROOM, name: "本店" }],
  ["warehouse: the stock room's address under the shop's name", { shipFrom: { mode: "warehouse" } }, { sender: ROOM }, { ...ROOM, name: "本店" }],
  ["warehouse, and the stock room has no ご依頼主: none", { shipFrom: { mode: "warehouse" } }, {}, null],
  ["shop: the shop's own 送付元, whatever the stock room says", { shipFrom: OWN }, { sender: ROOM }, { name: OWN.name, postalCode: OWN.postalCode, prefecture: OWN.prefecture, address1: OWN.address1, address2: "2階", phone: OWN.phone }],
  ["shop, and the stock room has no ご依頼主: still the shop's own", { shipFrom: OWN }, {}, { name: OWN.name, postalCode: OWN.postalCode, prefecture: OWN.prefecture, address1: OWN.address1, address2: "2階", phone: OWN.phone }],
];

for (const [name, settings, warehouse, expected] of CASES) {
  test(`senderOf: ${name}`, () => {
    assert.deepEqual(senderOf({ name: "本店", settings }, warehouse), expected);
  });
}

// biome-ignore format: a table, one row per line
const REFUSED: [string, unknown, string, string][] = [
  ["no name", { ...OWN, name: " " }, "name", "ご依頼主名を入力してください"],
  ["a postal code of another prefecture", { ...OWN, prefecture: "東京都" }, "prefecture", "郵便番号「430-0933」は静岡県の番号です(都道府県: 東京都)"],
  ["a postal code Japan Post does not have", { ...OWN, postalCode: "000-0000" }, "postalCode", "郵便番号「000-0000」は存在しません"],
  ["a postal code of the wrong shape", { ...OWN, postalCode: "4300933x" }, "postalCode", "郵便番号は123-4567の形です"],
  ["a phone with letters", { ...OWN, phone: "053-abc" }, "phone", "電話番号は数字とハイフンです"],
  ["no address", { ...OWN, address1: "" }, "address1", "住所を入力してください"],
  ["a mode Juchu does not have", { mode: "mall" }, "mode", ""],
];

for (const [name, input, path, message] of REFUSED) {
  test(`shipFromSchema refuses ${name}, naming ${path}`, () => {
    const parsed = shipFromSchema.safeParse(input);
    assert.equal(parsed.success, false);
    const issue = parsed.error?.issues.find((i) => i.path.join(".") === path);
    assert.ok(issue, JSON.stringify(parsed.error?.issues));
    if (message) assert.equal(issue.message, message);
  });
}

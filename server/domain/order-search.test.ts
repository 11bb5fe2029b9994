import assert from "node:assert/strict";
import { test } from "node:test";
import {
  foldCode,
  foldText,
  type SearchFields,
  searchKeysOf,
  searchQueryOf,
  searchTextOf,
  TRIGRAM_MIN,
  trackingKeysOf,
} from "./order-search.ts";

const order: SearchFields = {
  mallOrderNumber: "350001-20261207-0000000039",
  names: ["鈴木 一郎", "佐藤 花子"],
  kana: ["スズキ イチロウ"],
  emails: ["Ichiro.Suzuki@Example.JP"],
  phones: ["090-1234-5676", "０７５（３４１）１１２３"],
  postalCodes: ["600-8216"],
  addresses: ["京都府京都市下京区東塩小路町 ７２１－１"],
  itemNames: ["煎茶 100g"],
};

/**
 * The list's condition in memory: substring of the text from TRIGRAM_MIN characters, else — and for a
 * whole e-mail, phone or order number — a whole key.
 */
function finds(typed: string): boolean {
  const q = searchQueryOf(typed);
  if (!q) return false;
  return q.text.length >= TRIGRAM_MIN && !q.whole
    ? searchTextOf(order).includes(q.text)
    : searchKeysOf(order).includes(q.text);
}

const found: [string, string][] = [
  ["注文番号", "350001-20261207-0000000039"],
  ["注文番号 without hyphens", "350001202612070000000039"],
  ["注文番号, its end", "0039"],
  ["注文番号 in full width", "３５０００１－２０２６１２０７－００００００００３９"],
  ["name with a half-width space", "鈴木 一郎"],
  ["name with a full-width space", "鈴木　一郎"],
  ["name without a space", "鈴木一郎"],
  ["two-kanji surname", "鈴木"],
  ["two-kanji given name", "一郎"],
  ["the recipient's surname", "佐藤"],
  ["the recipient's full name", "佐藤花子"],
  ["カナ", "スズキ"],
  ["half-width ｶﾅ", "ｽｽﾞｷ ｲﾁﾛｳ"],
  ["ひらがな against stored カナ", "すずき"],
  ["two kana", "スズ"],
  ["phone with hyphens", "090-1234-5676"],
  ["phone without hyphens", "09012345676"],
  ["phone typed with the long-vowel mark", "090ー1234ー5676"],
  ["phone in full width", "０９０１２３４５６７６"],
  ["a phone stored with parentheses", "075-341-1123"],
  ["postcode with hyphen", "600-8216"],
  ["postcode without", "6008216"],
  ["〒 in full width", "６００－８２１６"],
  ["e-mail in another case", "ichiro.suzuki@example.jp"],
  ["e-mail, its start", "ICHIRO.SUZUKI"],
  ["phone, its last eight digits", "1234-5676"],
  ["prefecture", "京都府"],
  ["address with a full-width number", "東塩小路町721-1"],
  ["item name", "煎茶 100"],
];
for (const [what, typed] of found)
  test(`order search finds by ${what}: ${typed}`, () => assert.ok(finds(typed)));

const notFound: [string, string][] = [
  ["another surname", "田中"],
  ["another phone", "090-9999-0000"],
  ["a one-character fragment of a name", "木"],
  ["two characters inside an address (no trigram, not a name)", "京都"],
  ["only spaces and hyphens", " - ー "],
];
for (const [what, typed] of notFound)
  test(`order search does not find ${what}: ${typed}`, () => assert.equal(finds(typed), false));

test("folding: NFKC, no spaces, lower case, katakana as hiragana; codes lose hyphens", () => {
  assert.equal(foldText("ＡＢＣ　ﾃｽﾄ テスト"), "abcてすとてすと");
  assert.equal(foldCode("0120－123－456"), "0120123456");
  assert.equal(foldText("ヴァー"), "ゔぁー");
});

test("a code query (出荷番号, 伝票番号) keeps letters and digits, needs a digit and four characters", () => {
  assert.deepEqual(searchQueryOf("J0000000039"), { text: "j0000000039", whole: false, code: "j0000000039" });
  assert.deepEqual(searchQueryOf("4812-3456-7890"), {
    text: "481234567890",
    whole: true,
    code: "481234567890",
  });
  assert.equal(searchQueryOf("鈴木")?.code, null);
  assert.equal(searchQueryOf("12")?.code, null);
  assert.equal(searchQueryOf("ichiro@example.jp")?.code, null);
  // Read out whole, these are one key each; a part of one is still a substring.
  assert.equal(searchQueryOf("Ichiro@Example.jp")?.whole, true);
  assert.equal(searchQueryOf("090-1234-5676")?.whole, true);
  assert.equal(searchQueryOf("ichiro@")?.whole, false);
  assert.equal(searchQueryOf("1234-5676")?.whole, false);
  assert.equal(searchQueryOf("ー－ "), null);
});

test("tracking keys: one folded key per parcel, each once", () => {
  assert.deepEqual(
    trackingKeysOf([
      { trackingNumber: "4812-3456-7890" },
      { trackingNumber: "481234567890" },
      { trackingNumber: "ＡＢ１２" },
    ]),
    ["481234567890", "ab12"],
  );
});

test("name keys are whole characters: 𠮷 (outside the BMP) is never split into half a surrogate pair", () => {
  const keys = searchKeysOf({ ...order, names: ["𠮷田 太郎"], kana: [] });
  assert.ok(keys.includes("𠮷田"));
  assert.ok(keys.includes("田太"));
  // encodeURIComponent throws on a lone surrogate, as PostgreSQL refuses one in jsonb.
  assert.doesNotThrow(() => keys.map(encodeURIComponent), "every key is well-formed text");
});

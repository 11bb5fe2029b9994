import assert from "node:assert/strict";
import { test } from "node:test";
import { charClass, fitCharset, sjisBytes, toFullWidth } from "./charset.ts";

test("characters are classed by where CP932 puts them", () => {
  // 亜 first and 腕 last of level 1, 弌 first and 熙 last of level 2.
  for (const c of ["亜", "腕", "弌", "熙", "ア", "ｱ", "A", "～", "－"])
    assert.equal(charClass(c), "jis0208", c);
  for (const c of ["①", "Ⅰ", "㈱", "髙", "﨑", "纊", "ⅰ"]) assert.equal(charClass(c), "cp932_extension", c);
  for (const c of ["𠮷", "〜", "−", "¬", "😀", "\u00a0"]) assert.equal(charClass(c), "unencodable", c);
});

test("substitutions apply only where the carrier refuses the original", () => {
  assert.deepEqual(fitCharset("髙﨑①㈱〜", "jis0208"), { text: "高崎(1)(株)～", refused: [] });
  assert.deepEqual(fitCharset("髙﨑①㈱〜", "cp932"), { text: "髙﨑①㈱～", refused: [] });
  assert.deepEqual(fitCharset("纊😀纊", "jis0208"), { text: "纊😀纊", refused: ["纊", "😀"] });
  assert.deepEqual(fitCharset("纊", "cp932"), { text: "纊", refused: [] });
  assert.deepEqual(
    fitCharset("\u304b\u3099", "jis0208"),
    { text: "が", refused: [] },
    "decomposed kana composed",
  );
});

test("widths: CP932 bytes, and full-width forms for e飛伝", () => {
  assert.equal(sjisBytes("山田ﾔﾏﾀﾞ1"), 2 + 2 + 4 + 1);
  assert.equal(toFullWidth("1-2-3 ﾋﾞﾙ"), "１－２－３　ビル");
});

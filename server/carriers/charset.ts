import iconv from "iconv-lite";

/**
 * What the carriers' label software can print. Their import files are CP932 (Windows Shift_JIS), but
 * B2クラウド only takes JIS X 0208 (level 1/2 kanji and the non-kanji rows); e飛伝 and ゆうプリR run on
 * Windows and take all of CP932, NEC and IBM extension rows included.
 *
 * iconv-lite is used here only to look a character up in the CP932 table — a pure function of the
 * character, no I/O — because hand-copying the 7,000-entry table would be worse.
 */
export type Charset = "jis0208" | "cp932";

export type CharClass = "jis0208" | "cp932_extension" | "unencodable";

const QUESTION = 0x3f;

/** Where a character lands in CP932: the JIS X 0208 rows, the NEC/IBM extensions, or nowhere. */
export function charClass(char: string): CharClass {
  const bytes = iconv.encode(char, "cp932");
  // iconv-lite writes "?" for what CP932 lacks; a round trip also catches one-way mappings (¬ → ￢).
  if ((bytes.length === 1 && bytes[0] === QUESTION && char !== "?") || iconv.decode(bytes, "cp932") !== char)
    return "unencodable";
  if (bytes.length === 1) return "jis0208"; // ASCII and half-width katakana (JIS X 0201)
  const lead = bytes[0] ?? 0;
  // 0x87 = NEC row 13 (①, Ⅰ, ㈱); 0xED–0xEE = NEC-selected IBM; 0xFA–0xFC = IBM extensions (髙, 﨑).
  if (lead === 0x87 || lead === 0xed || lead === 0xee || lead >= 0xfa) return "cp932_extension";
  return "jis0208";
}

export function accepts(charset: Charset, char: string): boolean {
  const c = charClass(char);
  return c === "jis0208" || (charset === "cp932" && c === "cp932_extension");
}

/**
 * Common variants merchants' buyers type, and the form the label software accepts. Only applied when
 * the carrier refuses the original (e飛伝 prints 髙 as is; B2 gets 高). Anything else outside the
 * carrier's set is refused, so a name is never silently mangled.
 */
export const SUBSTITUTIONS: Readonly<Record<string, string>> = {
  𠮷: "吉",
  髙: "高",
  﨑: "崎",
  德: "徳",
  瀨: "瀬",
  "〜": "～", // WAVE DASH: macOS/Unicode form of CP932's ～
  "−": "－", // MINUS SIGN typed in addresses (1−2−3)
  "—": "―",
  "‖": "∥",
  "¢": "￠",
  "£": "￡",
  "¬": "￢",
  "\u00a0": " ",
  "㈱": "(株)",
  "㈲": "(有)",
  "№": "No.",
  "℡": "TEL",
  ...numbered("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳", (n) => `(${n})`),
  ...numbered(
    "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ",
    (n) => ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][n - 1] ?? "",
  ),
  ...numbered(
    "ⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹ",
    (n) => ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"][n - 1] ?? "",
  ),
};

function numbered(chars: string, to: (n: number) => string): Record<string, string> {
  return Object.fromEntries([...chars].map((c, i) => [c, to(i + 1)]));
}

/** The text with substitutions applied where needed, and the characters still refused (each once). */
export function fitCharset(text: string, charset: Charset): { text: string; refused: string[] } {
  const refused = new Set<string>();
  let out = "";
  // NFC first: macOS and iOS send が as か + U+3099, which CP932 only has composed.
  for (const char of text.normalize("NFC")) {
    if (accepts(charset, char)) {
      out += char;
      continue;
    }
    const sub = SUBSTITUTIONS[char];
    if (sub !== undefined && [...sub].every((c) => accepts(charset, c))) out += sub;
    else {
      refused.add(char);
      out += char;
    }
  }
  return { text: out, refused: [...refused] };
}

/** Length in CP932 bytes: 2 for full-width, 1 for ASCII and half-width katakana. */
export function sjisBytes(text: string): number {
  let n = 0;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    n += cp < 0x80 || (cp >= 0xff61 && cp <= 0xff9f) ? 1 : 2;
  }
  return n;
}

/** Half-width ASCII and katakana as their full-width forms, so "16文字" means 16 of anything. */
export function toFullWidth(text: string): string {
  return text
    .replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    .replace(/ /g, "\u3000")
    .replace(/[\uff61-\uff9f]+/g, (kana) => kana.normalize("NFKC")); // ｶﾞ → ガ, voiced marks folded in
}

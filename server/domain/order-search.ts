/**
 * The order search (「電話の注文を探す」): what an order is found by, and what a typed query looks for.
 * Both sides go through the same folding, so a name typed without its space, in full- or half-width,
 * in katakana or hiragana, and a phone or number typed with or without hyphens meet what is stored.
 */

/** Hyphens and dashes people type between digits, the IME's long-vowel mark included (090ー1234…). */
const HYPHENS = /[-‐‑‒–—―−ーｰ]/g;

/**
 * NFKC (全角英数・半角カナ → one width), lower case, no white space (a full-width space too), katakana
 * folded to hiragana. The SQL backfill of the search migration does exactly this.
 */
export function foldText(value: string): string {
  return value
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/[\u30a1-\u30f6]/g, (k) => String.fromCharCode(k.charCodeAt(0) - 0x60));
}

/** A phone, postcode, slip or tracking number: folded, hyphens and a phone's brackets gone. */
export function foldCode(value: string): string {
  return foldText(value).replace(HYPHENS, "").replace(/[()+]/g, "");
}

/** A query of digits and hyphens only (phone, postcode, order number) is matched without its hyphens. */
const CODE_QUERY = /^[0-9()+\-‐‑‒–—―−ーｰ]+$/;

export type SearchFields = {
  mallOrderNumber: string;
  /** Buyer and recipients, each once (the buyer is usually the recipient). */
  names: string[];
  /** Their カナ where the mall gives it. */
  kana: string[];
  emails: string[];
  phones: string[];
  postalCodes: string[];
  addresses: string[];
  itemNames: string[];
};

const unique = (values: string[]) => [...new Set(values.filter((v) => v !== ""))];

/**
 * What the text search reads (`like '%…%'` over trigrams): every field folded; numbers (order, phone,
 * postcode) also without hyphens, so either form of the query meets one of them.
 */
export function searchTextOf(f: SearchFields): string {
  return unique([
    foldText(f.mallOrderNumber),
    foldCode(f.mallOrderNumber),
    ...f.names.map(foldText),
    ...f.kana.map(foldText),
    ...f.emails.map(foldText),
    ...f.phones.map(foldCode),
    ...f.postalCodes.map(foldCode),
    ...f.addresses.map(foldText),
    ...f.itemNames.map(foldText),
  ]).join("\n");
}

/**
 * Whole words, each found by one index lookup: for a query too short for trigrams (two kanji of a
 * surname) each name and kana, its parts (姓, 名) and every two characters of it — so 鈴木 finds 鈴木一郎
 * whether or not it was written with a space; and the whole e-mail, phones and order number, which a
 * caller reads out entire and whose common trigrams ("exa", "090") would make a substring search slow.
 */
export function searchKeysOf(f: SearchFields): string[] {
  const keys: string[] = [foldCode(f.mallOrderNumber), ...f.emails.map(foldText), ...f.phones.map(foldCode)];
  for (const name of [...f.names, ...f.kana]) {
    const whole = foldText(name);
    keys.push(whole, ...name.split(/[\s　]+/).map(foldText));
    // By characters, not UTF-16 units: half of 𠮷 is no character, and PostgreSQL refuses it in jsonb.
    const chars = [...whole];
    for (let i = 0; i + 2 <= chars.length; i++) keys.push(chars[i] + (chars[i + 1] ?? ""));
  }
  return unique(keys);
}

/** How an order's tracking numbers are matched: one folded key per parcel. */
export function trackingKeysOf(parcels: readonly { trackingNumber: string }[]): string[] {
  return unique(parcels.map((p) => foldCode(p.trackingNumber)));
}

/** An address with its domain: what a person reads out whole (a part of one is a substring search). */
const WHOLE_EMAIL = /^[^@]+@[^@]+\.[a-z]{2,}$/;

/** Below this many characters, pg_trgm has no trigram to look up: the query goes to the keys instead. */
export const TRIGRAM_MIN = 3;

export type SearchQuery = {
  /** Folded query: a substring of the search text (≥ TRIGRAM_MIN characters) or a whole key. */
  text: string;
  /** A whole e-mail, phone or order number: looked up as a key, not as a substring. */
  whole: boolean;
  /** Also a 出荷番号 or 伝票番号 (letters, digits, hyphens): the folded code. */
  code: string | null;
};

/** What a typed query looks for; null when nothing is left after folding (only spaces or hyphens). */
export function searchQueryOf(typed: string): SearchQuery | null {
  const folded = foldText(typed);
  const text = CODE_QUERY.test(folded) ? foldCode(folded) : folded;
  if (text === "") return null;
  const code = foldCode(folded);
  const whole = WHOLE_EMAIL.test(text) || /^[0-9]{10,}$/.test(text);
  return { text, whole, code: /^[0-9a-z]{4,}$/.test(code) && /[0-9]/.test(code) ? code : null };
}

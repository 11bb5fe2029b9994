import { tokyoDate, toTokyoIso } from "#server/domain/tokyo-time.ts";

// Not toLocaleString: a mail must read the same whatever ICU data the runtime carries.
const withCommas = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** ¥1,234; an amount the mall has not settled yet reads 未確定 rather than a misleading ¥0. */
export function yen(amount: number | null): string {
  if (amount === null) return "未確定";
  return `${amount < 0 ? "-" : ""}¥${withCommas(Math.abs(Math.round(amount)))}`;
}

/** 2026年12月1日 from a YYYY-MM-DD calendar day; anything else (a mall's free text) as given. */
export function japaneseDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : day;
}

/** The Tokyo calendar date of a moment, as 2026年12月1日. */
export const japaneseDate = (date: Date): string => japaneseDay(tokyoDate(date));

/** 2026年12月1日 09:05, Tokyo time. */
export const japaneseDateTime = (date: Date): string =>
  `${japaneseDate(date)} ${toTokyoIso(date).slice(11, 16)}`;

/**
 * Columns a character takes in a monospaced Japanese font: kanji, kana and full-width forms take two.
 * Ambiguous symbols (■, ※, ○) count as two as well, since Japanese fonts draw them wide.
 */
function charWidth(code: number): number {
  if (code < 0x1100) return code === 0xd7 || code === 0xf7 ? 2 : 1; // × ÷
  if (code <= 0x115f) return 2;
  if (code >= 0x2010 && code <= 0x27ff) return 2; // punctuation, arrows, box drawing, ■○※
  if (code >= 0x2e80 && code <= 0xa4cf) return 2; // CJK, kana, 全角記号
  if (code >= 0xac00 && code <= 0xd7a3) return 2;
  if (code >= 0xf900 && code <= 0xfaff) return 2;
  if (code >= 0xfe30 && code <= 0xfe4f) return 2;
  if (code >= 0xff01 && code <= 0xff60) return 2; // 全角英数 (半角カナ FF61– stays narrow)
  if (code >= 0xffe0 && code <= 0xffe6) return 2;
  if (code >= 0x1f300 && code <= 0x1faff) return 2; // emoji
  if (code >= 0x20000) return 2;
  return 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0) ?? 0);
  return width;
}

export const padEnd = (text: string, width: number): string =>
  text + " ".repeat(Math.max(0, width - displayWidth(text)));

export const padStart = (text: string, width: number): string =>
  " ".repeat(Math.max(0, width - displayWidth(text))) + text;

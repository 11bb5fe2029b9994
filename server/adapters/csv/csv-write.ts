import iconv from "iconv-lite";

export type CsvEncoding = "shift_jis" | "utf8";

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Quoted when the field would break the row, so Excel and every importer read it back as written. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as CSV lines, CRLF-terminated as Excel and Japanese business software expect. */
export const csvLines = (rows: readonly (readonly string[])[]) =>
  rows.map((row) => `${row.map(field).join(",")}\r\n`).join("");

const QUESTION = 0x3f;

/**
 * How many characters of `text` CP932 lacks: iconv-lite writes each as "?", and 0x3F is never the
 * second byte of a CP932 character, so the "?" bytes beyond the text's own question marks count them.
 */
export function cp932Replacements(text: string): number {
  let written = 0;
  for (const byte of iconv.encode(text, "cp932")) if (byte === QUESTION) written++;
  return written - (text.split("?").length - 1);
}

/**
 * The bytes of a piece of a CSV file: CP932 for Excel and older tools (a character CP932 lacks, such
 * as an emoji in a remark, becomes "?" — a download must not fail over one character), or UTF-8, with
 * a BOM before the first piece when asked so Excel opens it as UTF-8.
 */
export function encodeCsvPiece(text: string, encoding: CsvEncoding, bomFirst: boolean): Buffer {
  if (encoding === "shift_jis") return iconv.encode(text, "cp932");
  const bytes = Buffer.from(text, "utf8");
  return bomFirst ? Buffer.concat([UTF8_BOM, bytes]) : bytes;
}

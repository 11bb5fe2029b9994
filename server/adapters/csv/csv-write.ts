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

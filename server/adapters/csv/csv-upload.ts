import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";

export type CsvUpload = {
  header: string[];
  records: string[][];
  /** The file line (1-based, header = 1) each record starts on, for error messages */
  recordLines: number[];
  /** Rows whose field count differs from the header's; left out of records */
  invalidRows: { line: number; fields: number; expected: number }[];
  encoding: "utf-8" | "shift_jis";
};

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Merchants upload what the carrier's software or Excel saved: Shift_JIS (CP932) from B2/e飛伝/ゆうプリR
 * and Excel, UTF-8 (often with a BOM) from anything newer. Valid UTF-8 is taken as UTF-8 — CP932 text
 * with kana or kanji is almost never valid UTF-8 — and anything else as CP932.
 */
export function decodeCsvUpload(bytes: Uint8Array): CsvUpload {
  const hasBom = BOM.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  let text: string;
  let encoding: CsvUpload["encoding"];
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    encoding = "utf-8";
  } catch {
    text = iconv.decode(Buffer.from(body), "cp932");
    encoding = "shift_jis";
  }
  if (text.trim() === "") throw new Error("CSVファイルが空です。");

  // Column counts are checked here, not by csv-parse, so a bad row is reported with its line, not thrown.
  const parsed = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
  const lines = recordStartLines(text);
  const [header = [], ...rest] = parsed;
  const records: string[][] = [];
  const recordLines: number[] = [];
  const invalidRows: CsvUpload["invalidRows"] = [];
  rest.forEach((record, i) => {
    const line = lines[i + 1] ?? 0;
    if (record.length === header.length) {
      records.push(record);
      recordLines.push(line);
    } else invalidRows.push({ line, fields: record.length, expected: header.length });
  });
  return { header, records, recordLines, invalidRows, encoding };
}

/**
 * The line each non-empty record starts on. csv-parse's own line count runs ahead after a quoted CRLF,
 * so the lines are counted here: a line break outside quotes ends a record, an empty line is none.
 */
function recordStartLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    const lineBreak = c === "\n" || (c === "\r" && text[i + 1] !== "\n");
    if ((c === "\r" || c === "\n") && !quoted) {
      if (lineBreak) line++;
      atStart = true;
      continue;
    }
    if (atStart) {
      starts.push(line);
      atStart = false;
    }
    if (lineBreak) line++;
  }
  return starts;
}

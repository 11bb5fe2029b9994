import { Readable } from "node:stream";
import { parse } from "csv-parse";
import iconv from "iconv-lite";
import type { FileReadProgress } from "#server/ports/order-upload.ts";

/** One record of the file and the line it starts on (1-based, the header being line 1). */
export type CsvRecord = { record: string[]; line: number };

const SNIFF_BYTES = 64 * 1024;
const BOM = [0xef, 0xbb, 0xbf];

/**
 * Excel and carts save Shift_JIS (CP932); newer tools UTF-8, often with a BOM. The first 64 KiB
 * decide: a BOM or valid UTF-8 is UTF-8 (CP932 kana or kanji is almost never valid UTF-8), the rest CP932.
 */
export function sniffEncoding(head: Uint8Array): "utf-8" | "shift_jis" {
  if (BOM.every((b, i) => head[i] === b)) return "utf-8";
  try {
    // stream: a character cut at the end of the sample is not an error.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return "utf-8";
  } catch {
    return "shift_jis";
  }
}

/**
 * The file's records as they stream in: the bytes are decoded and parsed piece by piece, so a file of
 * any size takes the memory of a few chunks. `progress` learns the encoding and the bytes taken so far.
 */
export async function* readCsvRecords(
  chunks: AsyncIterable<Uint8Array>,
  /** auto: sniffed from the first 64 KiB (sniffEncoding). */
  encoding: "auto" | "shift_jis" | "utf-8",
  progress: FileReadProgress,
): AsyncGenerator<CsvRecord> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let done = false;
  while (headBytes < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  const chosen = encoding === "auto" ? sniffEncoding(Buffer.concat(head)) : encoding;
  progress.encoding = chosen;
  const decoder = iconv.getDecoder(chosen === "utf-8" ? "utf8" : "cp932");

  async function* text(): AsyncGenerator<string> {
    for (const chunk of head) {
      progress.bytes += chunk.length;
      yield decoder.write(Buffer.from(chunk));
    }
    while (!done) {
      const next = await iterator.next();
      if (next.done) break;
      progress.bytes += next.value.length;
      yield decoder.write(Buffer.from(next.value));
    }
    const rest = decoder.end();
    if (rest) yield rest;
  }

  const parser = Readable.from(text()).pipe(
    parse({ info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }),
  );
  // csv-parse counts a CRLF inside quotes as two lines and never takes it back: the surplus is
  // tracked here, and a record's start line is its end line less the line breaks inside it.
  let surplus = 0;
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    let inside = 0;
    for (const field of record) {
      surplus += field.match(/\r\n/g)?.length ?? 0;
      inside += field.match(/\r\n|\r|\n/g)?.length ?? 0;
    }
    yield { record, line: info.lines - surplus - inside };
  }
}

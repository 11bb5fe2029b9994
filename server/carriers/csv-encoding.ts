import iconv from "iconv-lite";

/** Only fields that would break the row are quoted; the carriers' importers read bare fields fine. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The bytes of a carrier import file: CP932 (what B2クラウド, e飛伝 and ゆうプリR read), CRLF line ends,
 * the header row first and a CRLF after the last row. The domain has already refused characters CP932
 * lacks; one slipping through would be written as "?", so that throws instead.
 */
export function encodeCarrierCsv(header: readonly string[], rows: readonly (readonly string[])[]): Buffer {
  const text = [header, ...rows].map((row) => `${row.map(field).join(",")}\r\n`).join("");
  const bytes = iconv.encode(text, "cp932");
  if (iconv.decode(bytes, "cp932") !== text) {
    const bad = [...text].find((c) => iconv.decode(iconv.encode(c, "cp932"), "cp932") !== c);
    throw new Error(
      `carrier CSV: "${bad}" (U+${bad?.codePointAt(0)?.toString(16).toUpperCase()}) is not in CP932`,
    );
  }
  return bytes;
}

import assert from "node:assert/strict";
import { test } from "node:test";
import iconv from "iconv-lite";
import { TRACKING_IMPORT_PROFILES } from "#server/carriers/registry.ts";
import { readTrackingRows } from "#server/carriers/tracking-import.ts";
import { decodeCsvUpload } from "./csv-upload.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);

test("UTF-8 with a BOM: BOM trimmed, empty lines skipped, lines counted from the header", () => {
  const upload = decodeCsvUpload(utf8("\uFEFFお客様管理番号,伝票番号\r\nJ1,123\r\n\r\nJ2,456\r\n"));
  assert.equal(upload.encoding, "utf-8");
  assert.deepEqual(upload.header, ["お客様管理番号", "伝票番号"]);
  assert.deepEqual(upload.records, [
    ["J1", "123"],
    ["J2", "456"],
  ]);
  assert.deepEqual(upload.recordLines, [2, 4]);
});

test("UTF-8 without a BOM, and a quoted field across lines", () => {
  const upload = decodeCsvUpload(utf8('a,b\n"x\r\ny",1\n2,3'));
  assert.equal(upload.encoding, "utf-8");
  assert.deepEqual(upload.records, [
    ["x\r\ny", "1"],
    ["2", "3"],
  ]);
  assert.deepEqual(upload.recordLines, [2, 4]);
});

test("a row with the wrong number of fields is reported by its line, not thrown", () => {
  const upload = decodeCsvUpload(utf8("a,b\n1,2\n3\n4,5,6\n7,8\n"));
  assert.deepEqual(upload.records, [
    ["1", "2"],
    ["7", "8"],
  ]);
  assert.deepEqual(upload.recordLines, [2, 5]);
  assert.deepEqual(upload.invalidRows, [
    { line: 3, fields: 1, expected: 2 },
    { line: 4, fields: 3, expected: 2 },
  ]);
});

test("an empty file is a clear error", () => {
  assert.throws(() => decodeCsvUpload(new Uint8Array()), /CSVファイルが空です/);
  assert.throws(() => decodeCsvUpload(utf8("\uFEFF\r\n")), /CSVファイルが空です/);
});

test("a Shift_JIS ゆうプリR export is detected and read into tracking rows", () => {
  const file = iconv.encode(
    "お客様側管理番号,お問い合わせ番号,仮引受確定作業年月日\r\nJ0000000123,1234-5678-9012,20260301\r\nJ0000000124,999,20260301\r\n",
    "cp932",
  );
  const upload = decodeCsvUpload(file);
  assert.equal(upload.encoding, "shift_jis");
  const profile = TRACKING_IMPORT_PROFILES.find((p) => p.id === "japanpost_yupri");
  assert.ok(profile);
  const { headerErrors, rows } = readTrackingRows(profile, upload, "2026-03-02");
  assert.deepEqual(headerErrors, []);
  assert.deepEqual(rows[0], {
    line: 2,
    slipNumber: "J0000000123",
    trackingNumber: "123456789012",
    carrier: "japanpost",
    shippedOn: "2026-03-01",
  });
  assert.equal(rows[1]?.line, 3);
  assert.ok(rows[1] && "error" in rows[1]);
});

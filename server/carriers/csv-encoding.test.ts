import assert from "node:assert/strict";
import { test } from "node:test";
import iconv from "iconv-lite";
import { carrierCsv } from "./carrier-csv.ts";
import { encodeCarrierCsv } from "./csv-encoding.ts";
import { CarrierCsvRefusal } from "./slip.ts";
import { slip } from "./test-slips.ts";

test("CP932 bytes, CRLF after every row, quotes only where a field needs them", () => {
  const bytes = encodeCarrierCsv(
    ["番号", "品名"],
    [
      ["1", "雑貨, 小物"],
      ["2", 'say "hi"'],
      ["3", "a\nb"],
    ],
  );
  assert.equal(iconv.decode(bytes, "cp932"), '番号,品名\r\n1,"雑貨, 小物"\r\n2,"say ""hi"""\r\n3,"a\nb"\r\n');
  // 番 is 0x94D4 and 号 0x8D86 in Shift_JIS.
  assert.deepEqual([...bytes.subarray(0, 4)], [0x94, 0xd4, 0x8d, 0x86]);
});

test("a whole B2 file round-trips through Shift_JIS", () => {
  const result = carrierCsv("yamato_b2", [slip({ recipient: { ...slip().recipient, name: "髙橋 ｱｷﾗ" } })], {
    yamatoBillingCustomerCode: "031234567801",
  });
  assert.ok(!(result instanceof CarrierCsvRefusal));
  const bytes = encodeCarrierCsv(result.header, result.rows);
  const text = iconv.decode(bytes, "cp932");
  const lines = text.split("\r\n");
  assert.equal(lines.length, 3, "header, one row, and the trailing CRLF");
  assert.equal(lines[2], "");
  assert.equal(lines[1]?.split(",").length, 95);
  assert.equal(lines[1]?.split(",")[15], "高橋 ｱｷﾗ");
  assert.ok(!text.includes("\n\n") && !/[^\r]\n/.test(text), "no bare LF");
});

test("a character CP932 lacks is an error, never a silent ?", () => {
  assert.throws(() => encodeCarrierCsv(["名"], [["𠮷"]]), /U\+20BB7/);
});

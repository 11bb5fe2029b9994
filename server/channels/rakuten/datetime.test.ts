import assert from "node:assert/strict";
import { test } from "node:test";
import { parseRakutenDate, parseRakutenDatetime } from "./datetime.ts";

test("RMS datetimes are read with +0900 (responses), +09:00 (the doc), Z or no offset (Tokyo)", () => {
  const cases: [string, string][] = [
    ["2019-04-06T22:20:28+0900", "2019-04-06T13:20:28.000Z"],
    ["2019-04-06T22:20:28+09:00", "2019-04-06T13:20:28.000Z"],
    ["2019-04-06T22:20:28", "2019-04-06T13:20:28.000Z"],
    ["2019-04-06T13:20:28Z", "2019-04-06T13:20:28.000Z"],
    ["2025-01-01T00:00:00+0900", "2024-12-31T15:00:00.000Z"],
    [" 2023-04-17T13:01:20+0900 ", "2023-04-17T04:01:20.000Z"],
  ];
  for (const [text, iso] of cases) assert.equal(parseRakutenDatetime(text)?.toISOString(), iso, text);
});

test("anything else is not an RMS datetime", () => {
  for (const text of [
    "",
    "2019/04/06 22:20:28",
    "2019-04-06",
    "2019-02-30T00:00:00+0900",
    "2019-04-06T24:00:00+0900",
    "2019-04-06T22:20:28+9",
  ]) {
    assert.equal(parseRakutenDatetime(text), null, text);
  }
});

test("RMS dates are kept as YYYY-MM-DD when they name a real day", () => {
  assert.equal(parseRakutenDate("2019-04-08"), "2019-04-08");
  assert.equal(parseRakutenDate("2024-02-29"), "2024-02-29");
  assert.equal(parseRakutenDate("2023-02-29"), null);
  assert.equal(parseRakutenDate("2019/04/08"), null);
});

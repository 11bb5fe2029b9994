import assert from "node:assert/strict";
import { test } from "node:test";
import { japaneseDate, japaneseDateTime, yen } from "./format.ts";

test("dates print as the Tokyo calendar date, without zero padding", () => {
  assert.equal(japaneseDate(new Date("2026-11-30T15:00:00Z")), "2026年12月1日");
  assert.equal(japaneseDate(new Date("2026-11-30T14:59:59Z")), "2026年11月30日");
  assert.equal(japaneseDateTime(new Date("2026-11-30T15:05:00Z")), "2026年12月1日 00:05");
});

test("yen print as whole numbers with thousands separators, and unknown amounts as 未確定", () => {
  assert.equal(yen(1234), "¥1,234");
  assert.equal(yen(0), "¥0");
  assert.equal(yen(-500), "-¥500");
  assert.equal(yen(1234567), "¥1,234,567");
  assert.equal(yen(null), "未確定");
});

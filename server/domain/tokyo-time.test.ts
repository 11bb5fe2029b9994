import assert from "node:assert/strict";
import { test } from "node:test";
import { tokyoDate, toTokyoIso } from "./tokyo-time.ts";

test("times are shown in Asia/Tokyo with the +09:00 offset", () => {
  assert.equal(toTokyoIso(new Date("2026-11-22T15:30:00Z")), "2026-11-23T00:30:00.000+09:00");
  assert.equal(Date.parse(toTokyoIso(new Date("2026-01-01T00:00:00Z"))), Date.parse("2026-01-01T00:00:00Z"));
});

test("the Tokyo date rolls over at 15:00 UTC", () => {
  assert.equal(tokyoDate(new Date("2026-11-22T14:59:59Z")), "2026-11-22");
  assert.equal(tokyoDate(new Date("2026-11-22T15:00:00Z")), "2026-11-23");
});

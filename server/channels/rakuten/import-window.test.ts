import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_IMPORT_SCHEDULE, importWindow, MAX_WINDOW_MS } from "./import-window.ts";

const now = new Date("2026-12-01T10:00:00+09:00");
const minutes = (n: number) => n * 60_000;

test("the first poll of a shop looks back a day", () => {
  const w = importWindow(null, now);
  assert.equal(w.to.getTime(), now.getTime());
  assert.equal(now.getTime() - w.from.getTime(), 24 * 3_600_000);
});

test("each later window starts before the cursor, so consecutive windows overlap", () => {
  const cursor = new Date(now.getTime() - minutes(3));
  const w = importWindow(cursor, now);
  assert.equal(w.from.getTime(), cursor.getTime() - minutes(DEFAULT_IMPORT_SCHEDULE.overlapMinutes));
  assert.ok(w.from < cursor, "the window reaches back before the last committed point");
  assert.equal(w.to.getTime(), now.getTime());
});

test("a shop that was off for months catches up 63 days per poll, never a longer window", () => {
  const cursor = new Date(now.getTime() - 200 * 24 * 3_600_000);
  const w = importWindow(cursor, now);
  assert.equal(w.to.getTime() - w.from.getTime(), MAX_WINDOW_MS);
  assert.ok(w.to < now);
});

test("a window never starts more than 730 days back (RMS refuses it)", () => {
  const cursor = new Date(now.getTime() - 1000 * 24 * 3_600_000);
  const w = importWindow(cursor, now);
  assert.ok(now.getTime() - w.from.getTime() < 730 * 24 * 3_600_000);
});

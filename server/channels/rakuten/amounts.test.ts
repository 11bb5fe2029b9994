import assert from "node:assert/strict";
import { test } from "node:test";
import { rakutenAmount, sumAmounts } from "./amounts.ts";

test("-9999 is undetermined (null), absent is 0, and a sum with an undetermined part is null", () => {
  const amounts: [number | null | undefined, number | null][] = [
    [-9999, null],
    [undefined, 0],
    [null, 0],
    [0, 0],
    [880, 880],
  ];
  for (const [value, expected] of amounts) assert.equal(rakutenAmount(value), expected, String(value));
  assert.equal(sumAmounts([100, 200, 0]), 300);
  assert.equal(sumAmounts([100, null, 200]), null);
  assert.equal(sumAmounts([]), 0);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { Refusal } from "./refusal.ts";
import { MAX_ON_HAND, nextOnHand } from "./stock.ts";

const level = { onHand: 5, allocated: 3 };

test("a count sets the level and a delta moves it", () => {
  assert.equal(nextOnHand(level, { onHand: 10 }), 10);
  assert.equal(nextOnHand(level, { delta: 4 }), 9);
  assert.equal(nextOnHand(level, { delta: -2 }), 3);
});

test("stock may fall to exactly what is allocated, never below", () => {
  assert.equal(nextOnHand(level, { onHand: 3 }), 3);
  const refused = nextOnHand(level, { onHand: 2 });
  assert.ok(refused instanceof Refusal);
  assert.equal(refused.code, "stock.below_allocated");
  assert.match(refused.detail, /引当済みの3個/);
  assert.deepEqual(refused.errors?.[0]?.path, "onHand");
  const byDelta = nextOnHand(level, { delta: -3 });
  assert.ok(byDelta instanceof Refusal);
  assert.equal(byDelta.errors?.[0]?.path, "delta");
});

test("a negative or absurd result is invalid input, whatever is allocated", () => {
  for (const change of [{ delta: -6 }, { onHand: -1 }, { onHand: MAX_ON_HAND + 1 }]) {
    const refused = nextOnHand({ onHand: 5, allocated: 0 }, change);
    assert.ok(refused instanceof Refusal);
    assert.equal(refused.code, "stock.invalid_adjustment");
  }
});

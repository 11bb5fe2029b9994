import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { freshKey, shipment, startTestSandbox, type TestSandbox } from "./test-support.ts";

/** 出荷実績: pages behind a cursor, each result once, none before its moment. */

let t: TestSandbox;
before(async () => {
  t = await startTestSandbox({ start: "2025-06-10T08:00:00+09:00" });
});
after(() => t.close());

type Result = { resultId: string; requestId: string; status: string; recordedAt: string };

test("results appear once their moment passes, page behind the cursor and never repeat", async () => {
  const m = await t.newMerchant([{ sku: "MUG-1", stock: 4 }]);
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const res = await t.api("POST", "/api/v1/shipment-requests", {
      body: shipment(),
      key: freshKey(),
      apiKey: m.apiKey,
    });
    ids.push(res.body.requestId);
    t.clock.advanceMinutes(10);
  }
  const page = (after: string | null, limit?: number) =>
    t.api(
      "GET",
      `/api/v1/shipment-results?${new URLSearchParams({
        ...(after ? { after } : {}),
        ...(limit ? { limit: String(limit) } : {}),
      })}`,
      { apiKey: m.apiKey },
    );

  // 08:50: nothing picked yet.
  const none = await page(null);
  assert.deepEqual(none.body, { results: [], nextCursor: null, hasMore: false });
  // 10:00: the fifth request (08:40) meets an empty shelf at 09:40 — 出荷不可 is a result at once.
  t.clock.set("2025-06-10T10:00:00+09:00");
  const early = await page(null);
  assert.deepEqual(
    early.body.results.map((r: Result) => [r.requestId, r.status, r.recordedAt]),
    [[ids[4], "unshippable", "2025-06-10T09:40:00+09:00"]],
  );
  assert.deepEqual(early.body.results[0].unshippable, {
    code: "E3001",
    reason: "欠品(SKU MUG-1 が 1 個不足)",
  });
  const cursor = early.body.nextCursor;
  assert.equal(cursor, early.body.results[0].resultId);
  assert.deepEqual((await page(cursor)).body, { results: [], nextCursor: cursor, hasMore: false });

  // 11:15: the first two shipped (at 11:00 and 11:10), two pages of one.
  t.clock.set("2025-06-10T11:15:00+09:00");
  const p1 = await page(cursor, 1);
  assert.deepEqual([p1.body.results.map((r: Result) => r.requestId), p1.body.hasMore], [[ids[0]], true]);
  assert.equal(p1.body.results[0].shippedOn, "2025-06-10");
  assert.equal(p1.body.results[0].parcels.length, 1);
  const p2 = await page(p1.body.nextCursor, 1);
  assert.deepEqual([p2.body.results.map((r: Result) => r.requestId), p2.body.hasMore], [[ids[1]], false]);

  t.clock.set("2025-06-10T12:00:00+09:00");
  const rest = await page(p2.body.nextCursor);
  assert.deepEqual(
    rest.body.results.map((r: Result) => r.requestId),
    [ids[2], ids[3]],
  );
  const all = (await page(null)).body.results.map((r: Result) => r.resultId);
  assert.equal(new Set(all).size, 5);
  assert.deepEqual(all, [...all].sort());
});

test("a bad limit or an unknown cursor is 400 E1003 naming the parameter", async () => {
  for (const query of ["limit=0", "limit=501", "limit=abc", "limit=1.5", "after=nope"]) {
    const res = await t.api("GET", `/api/v1/shipment-results?${query}`);
    assert.equal(res.status, 400, query);
    assert.equal(res.body.errors[0].code, "E1003");
    assert.equal(res.body.errors[0].field, query.split("=")[0]);
  }
  assert.equal((await t.api("GET", "/api/v1/shipment-results?limit=500")).status, 200);
});

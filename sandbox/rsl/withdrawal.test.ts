import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { freshKey, shipment, startTestSandbox, type TestSandbox } from "./test-support.ts";

/** 出荷依頼取下げ: allowed only before picking starts, harmless to repeat, refused with a reason after. */

let t: TestSandbox;
before(async () => {
  t = await startTestSandbox();
});
after(() => t.close());

const withdraw = (requestId: string, key = freshKey()) =>
  t.api("POST", `/api/v1/shipment-requests/${requestId}/withdrawal`, { key });

test("a request is withdrawn before picking, again is the same 200, and it never ships", async () => {
  const id = (await t.request(shipment())).body.requestId;
  const first = await withdraw(id);
  assert.deepEqual([first.status, first.body], [200, { requestId: id, status: "withdrawn" }]);
  const again = await withdraw(id);
  assert.deepEqual([again.status, again.body], [200, first.body]);
  t.clock.advanceMinutes(600);
  assert.equal((await t.api("GET", `/api/v1/shipment-requests/${id}`)).body.status, "withdrawn");
  const results = await t.api("GET", "/api/v1/shipment-results");
  assert.ok(!results.body.results.some((r: { requestId: string }) => r.requestId === id));
});

test("once picking started, shipped or unshippable the withdrawal is refused with E4001/E4002/E4003", async () => {
  const picking = (await t.request(shipment())).body.requestId;
  t.clock.advanceMinutes(60);
  assert.deepEqual((await withdraw(picking)).body, {
    errors: [{ code: "E4001", message: "ピッキング開始後のため取下げできません" }],
  });
  t.clock.advanceMinutes(120);
  const shipped = await withdraw(picking);
  assert.deepEqual([shipped.status, shipped.body.errors[0].code], [409, "E4002"]);
  assert.equal(shipped.body.errors[0].message, "出荷済みのため取下げできません");

  const blocked = (await t.request(shipment())).body.requestId;
  await t.control("POST", `/_sandbox/requests/${blocked}/unshippable`, { reason: "住所不備", code: "E3003" });
  const unshippable = await withdraw(blocked);
  assert.deepEqual(
    [unshippable.status, unshippable.body.errors[0]],
    [409, { code: "E4003", message: "出荷不可のため取下げは不要です" }],
  );
});

test("a withdrawal needs an Idempotency-Key and a request of this merchant", async () => {
  const id = (await t.request(shipment())).body.requestId;
  const noKey = await t.api("POST", `/api/v1/shipment-requests/${id}/withdrawal`);
  assert.deepEqual([noKey.status, noKey.body.errors[0].code], [400, "E1001"]);
  assert.equal((await withdraw("RSL-20250610-999999")).status, 404);
  // A key already used for a request is not a withdrawal's.
  const key = freshKey();
  await t.request(shipment(), key);
  assert.equal((await withdraw(id, key)).body.errors[0].code, "E1009");
});

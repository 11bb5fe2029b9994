import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { freshKey, shipment, startTestSandbox, type TestSandbox } from "./test-support.ts";

/** 出荷依頼: acceptance and the 15:30 cut-off, validation, business rejections, Idempotency-Key, auth. */

let t: TestSandbox;
before(async () => {
  t = await startTestSandbox();
});
after(() => t.close());

test("an accepted request gets an RSL number, JST times and the same day's ship date before 15:30", async () => {
  t.clock.set("2025-06-10T15:29:59+09:00");
  const res = await t.request(shipment());
  assert.equal(res.status, 201);
  assert.equal(res.headers.get("content-type"), "application/json; charset=utf-8");
  assert.match(res.body.requestId, /^RSL-20250610-\d{6}$/);
  assert.deepEqual(
    { ...res.body, requestId: undefined },
    {
      requestId: undefined,
      status: "accepted",
      receivedAt: "2025-06-10T15:29:59+09:00",
      sameDay: true,
      plannedShipDate: "2025-06-10",
      deliveryDateCleared: false,
    },
  );
  const shown = await t.api("GET", `/api/v1/shipment-requests/${res.body.requestId}`);
  assert.equal(shown.status, 200);
  assert.equal(shown.body.status, "accepted");
  assert.deepEqual(shown.body.orderNumbers, ["365811-20250610-0000000001"]);
});

test("from 15:30:00 JST the request ships the next day, also across midnight UTC", async () => {
  t.clock.set("2025-06-10T15:30:00+09:00");
  const late = await t.request(shipment());
  assert.deepEqual([late.body.sameDay, late.body.plannedShipDate], [false, "2025-06-11"]);
  t.clock.set("2025-06-10T23:59:59+09:00");
  const night = await t.request(shipment());
  assert.match(night.body.requestId, /^RSL-20250610-/);
  assert.equal(night.body.plannedShipDate, "2025-06-11");
  t.clock.set("2025-06-11T00:00:00+09:00");
  const early = await t.request(shipment());
  assert.match(early.body.requestId, /^RSL-20250611-/);
  assert.deepEqual([early.body.sameDay, early.body.plannedShipDate], [true, "2025-06-11"]);
});

test("the merchant's 出荷希望日 is kept, shown back, and a later one becomes the planned day", async () => {
  t.clock.set("2025-06-10T10:00:00+09:00");
  const later = await t.request(shipment({ requestedShipDate: "2025-06-13", deliveryDate: "2025-06-13" }));
  assert.equal(later.status, 201);
  assert.deepEqual(
    [later.body.plannedShipDate, later.body.sameDay, later.body.deliveryDateCleared],
    ["2025-06-13", false, true],
  );
  const shown = await t.api("GET", `/api/v1/shipment-requests/${later.body.requestId}`);
  assert.equal(shown.body.requestedShipDate, "2025-06-13");
  const earlier = await t.request(shipment({ requestedShipDate: "2025-06-09" }));
  assert.deepEqual([earlier.body.plannedShipDate, earlier.body.sameDay], ["2025-06-10", true]);
  const bad = await t.request(shipment({ requestedShipDate: "2025-02-30" }));
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.body.errors, [
    { code: "E1003", field: "requestedShipDate", message: "形式が正しくありません" },
  ]);
});

test("a delivery date RSL cannot meet is cleared and the request kept; a reachable one stays", async () => {
  t.clock.set("2025-06-10T16:00:00+09:00");
  const tooSoon = await t.request(shipment({ deliveryDate: "2025-06-11", deliveryTimeSlot: "1416" }));
  assert.equal(tooSoon.status, 201);
  assert.deepEqual([tooSoon.body.plannedShipDate, tooSoon.body.deliveryDateCleared], ["2025-06-11", true]);
  const held = await t.control("GET", `/_sandbox/requests/${tooSoon.body.requestId}`);
  assert.deepEqual([held.body.deliveryDate, held.body.deliveryTimeSlot], [null, "1416"]);

  const reachable = await t.request(shipment({ deliveryDate: "2025-06-12" }));
  assert.equal(reachable.body.deliveryDateCleared, false);
  const kept = await t.control("GET", `/_sandbox/requests/${reachable.body.requestId}`);
  assert.equal(kept.body.deliveryDate, "2025-06-12");
});

test("validation lists every problem at once with its field path", async () => {
  const res = await t.request({
    clientShipmentId: "S_1",
    orderNumbers: [],
    recipient: {
      name: "",
      postalCode: "1500001x",
      prefecture: "東京都",
      address1: "渋谷区",
      phone: "03-123",
    },
    deliveryDate: "2025-02-30",
    deliveryTimeSlot: "1214",
    lines: [{ sku: "MUG-1", quantity: 0 }, { quantity: 1.5 }, { sku: "MUG-1", quantity: 10_000 }],
  });
  assert.equal(res.status, 400);
  assert.deepEqual(
    res.body.errors.map((e: { code: string; field: string }) => `${e.code} ${e.field}`),
    [
      "E1003 clientShipmentId",
      "E1002 orderNumbers",
      "E1002 recipient.name",
      "E1003 recipient.postalCode",
      "E1003 recipient.phone",
      "E1003 deliveryDate",
      "E1003 deliveryTimeSlot",
      "E1004 lines[0].quantity",
      "E1002 lines[1].sku",
      "E1003 lines[1].quantity",
      "E1004 lines[2].quantity",
    ],
  );
  const messages = new Set(res.body.errors.map((e: { message: string }) => e.message));
  assert.deepEqual(
    [...messages].sort(),
    ["形式が正しくありません", "必須項目がありません", "数量が範囲外です"].sort(),
  );
  assert.equal((await t.request("not an object")).body.errors[0].code, "E1003");
  const missing = await t.request({});
  assert.deepEqual(
    missing.body.errors.map((e: { field: string }) => e.field),
    ["clientShipmentId", "orderNumbers", "recipient", "lines"],
  );
});

test("business rejections are 422: unknown SKU, bad prefecture, the same 出荷番号 still active", async () => {
  const res = await t.request(
    shipment({
      recipient: { ...shipment().recipient, prefecture: "東京" },
      lines: [
        { sku: "MUG-1", quantity: 1 },
        { sku: "NOPE-9", quantity: 1 },
      ],
    }),
  );
  assert.equal(res.status, 422);
  assert.deepEqual(res.body.errors, [
    { code: "E2002", field: "recipient.prefecture", message: "都道府県が正しくありません" },
    { code: "E2001", field: "lines[1].sku", message: "未登録の商品コードです" },
  ]);
  const first = await t.request(shipment({ clientShipmentId: "SLIP-1" }));
  assert.equal(first.status, 201);
  const again = await t.request(shipment({ clientShipmentId: "SLIP-1" }));
  assert.equal(again.status, 422);
  assert.equal(again.body.errors[0].code, "E2003");
  await t.api("POST", `/api/v1/shipment-requests/${first.body.requestId}/withdrawal`, { key: freshKey() });
  assert.equal((await t.request(shipment({ clientShipmentId: "SLIP-1" }))).status, 201);
});

test("the same key and body replay the first answer, a 422 included; a different body is 409 E1009", async () => {
  const key = freshKey();
  const body = shipment();
  const first = await t.request(body, key);
  t.clock.advanceMinutes(1);
  // Key order does not make it another request.
  const replay = await t.request(Object.fromEntries(Object.entries(body).reverse()), key);
  assert.deepEqual([replay.status, replay.body], [first.status, first.body]);
  const conflict = await t.request({ ...body, orderNumbers: ["other"] }, key);
  assert.deepEqual(
    [conflict.status, conflict.body],
    [409, { errors: [{ code: "E1009", message: "Idempotency-Key が別の内容で使われています" }] }],
  );

  const rejectedKey = freshKey();
  const unknownSku = shipment({ lines: [{ sku: "NOPE-1", quantity: 1 }] });
  const rejected = await t.request(unknownSku, rejectedKey);
  await t.control("PUT", `/_sandbox/merchants/${t.merchant.merchantId}/products`, [
    { sku: "NOPE-1", stock: 5 },
  ]);
  const replayed = await t.request(unknownSku, rejectedKey);
  assert.deepEqual([replayed.status, replayed.body], [422, rejected.body]);

  // A malformed call is not kept: fixed, it goes through under the same key.
  const fixKey = freshKey();
  assert.equal((await t.request({ ...body, lines: [] }, fixKey)).status, 400);
  assert.equal((await t.request(shipment(), fixKey)).status, 201);
});

test("a write without Idempotency-Key is 400 E1001", async () => {
  const res = await t.api("POST", "/api/v1/shipment-requests", { body: shipment() });
  assert.equal(res.status, 400);
  assert.equal(res.body.errors[0].code, "E1001");
});

test("a missing or unknown API key is 401 E0001; another merchant's request is 404", async () => {
  const unauthorised = { errors: [{ code: "E0001", message: "認証に失敗しました" }] };
  for (const apiKey of [null, "rsl_wrong"]) {
    const res = await t.api("POST", "/api/v1/shipment-requests", {
      body: shipment(),
      key: freshKey(),
      apiKey,
    });
    assert.deepEqual([res.status, res.body], [401, unauthorised]);
    assert.equal((await t.api("GET", "/api/v1/shipment-results", { apiKey })).status, 401);
  }
  const mine = await t.request(shipment());
  const other = await t.newMerchant();
  const theirs = await t.api("GET", `/api/v1/shipment-requests/${mine.body.requestId}`, {
    apiKey: other.apiKey,
  });
  assert.deepEqual([theirs.status, theirs.body.errors[0].code], [404, "E1404"]);
});

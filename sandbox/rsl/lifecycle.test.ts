import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { freshKey, shipment, startTestSandbox, type TestSandbox } from "./test-support.ts";

/** The warehouse's work on the sandbox clock: picking, 引当 and 欠品, shipping in boxes, forced steps. */

let t: TestSandbox;
before(async () => {
  t = await startTestSandbox();
});
after(() => t.close());
beforeEach(async () => {
  await t.control("PUT", "/_sandbox/config", {
    pickingAfterMinutes: 60,
    shipAfterMinutes: 120,
    parcelCapacity: 10,
    carrier: "japanpost",
  });
});

const status = async (requestId: string, apiKey?: string) =>
  (await t.api("GET", `/api/v1/shipment-requests/${requestId}`, apiKey ? { apiKey } : {})).body;

test("accepted → picking after 60 minutes → shipped 120 minutes later, in boxes of 10 units", async () => {
  t.clock.set("2025-06-10T13:00:00+09:00");
  const m = await t.newMerchant([{ sku: "TEE-M", stock: 30 }]);
  const created = await t.api("POST", "/api/v1/shipment-requests", {
    body: shipment({
      lines: [
        { sku: "TEE-M", quantity: 12 },
        { sku: "TEE-M", quantity: 9 },
      ],
    }),
    key: freshKey(),
    apiKey: m.apiKey,
  });
  const id = created.body.requestId;
  t.clock.advanceMinutes(59);
  assert.equal((await status(id, m.apiKey)).status, "accepted");
  t.clock.advanceMinutes(1);
  assert.equal((await status(id, m.apiKey)).status, "picking");
  const products = await t.control("GET", `/_sandbox/merchants/${m.merchantId}/products`);
  assert.deepEqual(products.body, [{ sku: "TEE-M", stock: 9 }]);
  t.clock.advanceMinutes(119);
  assert.equal((await status(id, m.apiKey)).status, "picking");
  t.clock.advanceMinutes(1);
  const shipped = await status(id, m.apiKey);
  assert.equal(shipped.status, "shipped");
  assert.equal(shipped.shippedOn, "2025-06-10");
  assert.equal(shipped.parcels.length, 3);
  for (const p of shipped.parcels) {
    assert.deepEqual([p.carrier, p.carrierName], ["japanpost", "日本郵便"]);
    assert.match(p.trackingNumber, /^\d{12}$/);
  }
  assert.equal(new Set(shipped.parcels.map((p: { trackingNumber: string }) => p.trackingNumber)).size, 3);
});

test("shipping that runs past midnight JST is shipped on the next day; config sets the carrier", async () => {
  await t.control("PUT", "/_sandbox/config", { carrier: "yamato", parcelCapacity: 100 });
  t.clock.set("2025-06-10T21:30:00+09:00");
  const created = await t.request(shipment());
  t.clock.advanceMinutes(180);
  const shipped = await status(created.body.requestId);
  assert.deepEqual([shipped.shippedOn, shipped.parcels.length], ["2025-06-11", 1]);
  assert.equal(shipped.parcels[0].carrierName, "ヤマト運輸");
});

test("欠品: the request whose picking starts first gets the units, whichever is asked about first", async () => {
  t.clock.set("2025-06-10T09:00:00+09:00");
  const m = await t.newMerchant([{ sku: "ABC-1", stock: 3 }]);
  const send = (quantity: number) =>
    t.api("POST", "/api/v1/shipment-requests", {
      body: shipment({ lines: [{ sku: "ABC-1", quantity }] }),
      key: freshKey(),
      apiKey: m.apiKey,
    });
  const first = (await send(2)).body.requestId;
  t.clock.advanceMinutes(5);
  const second = (await send(3)).body.requestId;
  t.clock.advanceMinutes(5);
  const third = (await send(1)).body.requestId;
  // Nobody looks until all three are due; then the last one is asked about first.
  t.clock.advanceMinutes(120);
  assert.equal((await status(third, m.apiKey)).status, "picking");
  const short = await status(second, m.apiKey);
  assert.deepEqual(
    [short.status, short.unshippable],
    ["unshippable", { code: "E3001", reason: "欠品(SKU ABC-1 が 2 個不足)" }],
  );
  assert.equal((await status(first, m.apiKey)).status, "picking");
  const products = await t.control("GET", `/_sandbox/merchants/${m.merchantId}/products`);
  assert.deepEqual(products.body, [{ sku: "ABC-1", stock: 0 }]);
});

test("an auto-registering merchant ships any SKU from unlimited stock", async () => {
  const m = await t.newMerchant([], { autoRegisterProducts: true });
  const created = await t.api("POST", "/api/v1/shipment-requests", {
    body: shipment({ lines: [{ sku: "ANY-THING", quantity: 9999 }] }),
    key: freshKey(),
    apiKey: m.apiKey,
  });
  assert.equal(created.status, 201);
  t.clock.advanceMinutes(180);
  assert.equal((await status(created.body.requestId, m.apiKey)).status, "shipped");
});

test("the control API picks or ships a request now, and reports 出荷不可 with stock put back", async () => {
  const m = await t.newMerchant([{ sku: "MUG-1", stock: 6 }]);
  const send = () =>
    t.api("POST", "/api/v1/shipment-requests", {
      body: shipment({ lines: [{ sku: "MUG-1", quantity: 2 }] }),
      key: freshKey(),
      apiKey: m.apiKey,
    });
  const a = (await send()).body.requestId;
  const picked = await t.control("POST", `/_sandbox/requests/${a}/advance`, { to: "picking" });
  assert.deepEqual([picked.status, picked.body.status], [200, "picking"]);
  assert.equal((await t.control("POST", `/_sandbox/requests/${a}/advance`, { to: "picking" })).status, 409);
  const shipped = await t.control("POST", `/_sandbox/requests/${a}/advance`, { to: "shipped" });
  assert.equal(shipped.body.status, "shipped");

  const b = (await send()).body.requestId;
  assert.equal(
    (await t.control("POST", `/_sandbox/requests/${b}/advance`, { to: "shipped" })).body.status,
    "shipped",
  );

  const c = (await send()).body.requestId;
  await t.control("POST", `/_sandbox/requests/${c}/advance`, { to: "picking" });
  const broken = await t.control("POST", `/_sandbox/requests/${c}/unshippable`, { reason: "商品破損" });
  assert.deepEqual(broken.body.unshippable, { code: "E3002", reason: "商品破損" });
  assert.deepEqual((await t.control("GET", `/_sandbox/merchants/${m.merchantId}/products`)).body, [
    { sku: "MUG-1", stock: 2 },
  ]);
  assert.equal((await t.control("POST", `/_sandbox/requests/${c}/unshippable`, { reason: "x" })).status, 409);
  // The steps scheduled for them find them moved on and change nothing.
  t.clock.advanceMinutes(600);
  assert.equal((await status(c, m.apiKey)).status, "unshippable");
  const listed = await t.control("GET", `/_sandbox/requests?merchantId=${m.merchantId}`);
  assert.deepEqual(
    listed.body.items.map((r: { status: string }) => r.status),
    ["shipped", "shipped", "unshippable"],
  );
});

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type WarehouseClient, WarehouseError } from "#server/ports/warehouse.ts";
import {
  type RslTestMerchant,
  type RslWarehouseSandbox,
  rslShipmentRequest as shipmentRequest,
  startRslWarehouseSandbox,
} from "#test/warehouses/rsl.ts";

/**
 * What only RSL does, beyond the warehouse contract (contract.test.ts): its fields, codes and
 * messages, checked at the sandbox's side (what it holds) rather than only by what the client says.
 */

let t: RslWarehouseSandbox;
let merchant: RslTestMerchant;
let client: WarehouseClient;
before(async () => {
  t = await startRslWarehouseSandbox();
  merchant = await t.newMerchant();
  client = t.client(merchant.apiKey);
});
after(() => t.close());

// biome-ignore lint/suspicious/noExplicitAny: tests read whatever the sandbox holds.
const held = async (): Promise<any[]> => (await t.control.requests(merchant.merchantId)).items;

async function failure(promise: Promise<unknown>): Promise<WarehouseError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof WarehouseError, `a WarehouseError, not ${String(error)}`);
    return error;
  }
  assert.fail("expected the call to fail");
}

test("an accepted request maps to RSL's number and ship date, with the slip, orders and slot sent", async () => {
  t.clock.set("2025-06-10T16:00:00+09:00");
  const request = shipmentRequest({ desiredDeliveryDate: "2025-06-14", desiredTimeSlot: "14:00-16:00" });
  const answer = await client.requestShipment(request);
  assert.equal(answer.outcome, "accepted");
  assert.ok(answer.outcome === "accepted");
  assert.match(answer.warehouseReference, /^RSL-20250610-\d{6}$/);
  assert.equal(answer.plannedShipDate, "2025-06-11");
  const record = (await held()).find((r: { requestId: string }) => r.requestId === answer.warehouseReference);
  assert.equal(record.clientShipmentId, request.slipNumber);
  assert.equal(record.idempotencyKey, request.idempotencyKey);
  assert.deepEqual(record.orderNumbers, request.mallOrderNumbers);
  assert.equal("address2" in record.recipient, false);
  assert.deepEqual([record.deliveryDate, record.deliveryTimeSlot], ["2025-06-14", "1416"]);

  const afternoon = await client.requestShipment(shipmentRequest({ desiredTimeSlot: "午後" }));
  assert.ok(afternoon.outcome === "accepted");
  const plain = (await held()).find(
    (r: { requestId: string }) => r.requestId === afternoon.warehouseReference,
  );
  assert.equal(plain.deliveryTimeSlot, null);
});

test("Juchu's 出荷予定日 goes to RSL as requestedShipDate and RSL plans that day", async () => {
  t.clock.set("2025-06-10T10:00:00+09:00");
  const answer = await client.requestShipment(shipmentRequest({ plannedShipDate: "2025-06-12" }));
  assert.ok(answer.outcome === "accepted");
  assert.equal(answer.plannedShipDate, "2025-06-12");
  const record = (await held()).find((r: { requestId: string }) => r.requestId === answer.warehouseReference);
  assert.equal(record.requestedShipDate, "2025-06-12");
  const none = await client.requestShipment(shipmentRequest());
  assert.ok(none.outcome === "accepted");
  const plain = (await held()).find((r: { requestId: string }) => r.requestId === none.warehouseReference);
  assert.equal("requestedShipDate" in plain, false);
});

test("400 and 422 are rejections with RSL's first code and every message with its field", async () => {
  const business = await client.requestShipment(
    shipmentRequest({
      shipTo: { ...shipmentRequest().shipTo, prefecture: "東京" },
      lines: [{ sku: "NOPE-1", quantity: 1 }],
    }),
  );
  assert.deepEqual(business, {
    outcome: "rejected",
    code: "E2002",
    message: "recipient.prefecture: 都道府県が正しくありません / lines[0].sku: 未登録の商品コードです",
  });
  const invalid = await client.requestShipment(
    shipmentRequest({
      shipTo: { ...shipmentRequest().shipTo, phone: "03-12" },
      lines: [{ sku: "MUG-1", quantity: 0 }],
    }),
  );
  assert.deepEqual(invalid, {
    outcome: "rejected",
    code: "E1003",
    message: "recipient.phone: 形式が正しくありません / lines[0].quantity: 数量が範囲外です",
  });
});

test("a late answer, a dropped connection and a 429 are retryable; a reused key is not", async () => {
  const quick = t.client(merchant.apiKey, 100);
  await t.control.fault({ path: "/api/v1/shipment-requests", delayMs: 400 });
  const late = await failure(quick.requestShipment(shipmentRequest()));
  assert.deepEqual([late.code, late.retryable], ["rsl.timeout", true]);

  // One dropped connection is tried again at once (an idle socket the server closed); two fail the call.
  await t.control.fault({ path: "/api/v1/shipment-results", dropConnection: true });
  assert.deepEqual((await client.fetchResults(null)).results, []);
  await t.control.fault({ path: "/api/v1/shipment-results", dropConnection: true, times: 2 });
  const dropped = await failure(client.fetchResults(null));
  assert.deepEqual([dropped.code, dropped.retryable], ["rsl.unreachable", true]);

  await t.control.fault({ path: "/api/v1/shipment-results", status: 429 });
  const limited = await failure(client.fetchResults(null));
  assert.deepEqual([limited.code, limited.retryable], ["rsl.rate_limited", true]);

  const request = shipmentRequest();
  await client.requestShipment(request);
  const reused = await failure(client.requestShipment({ ...request, slipNumber: "J-OTHER" }));
  assert.deepEqual([reused.code, reused.retryable], ["rsl.idempotency_conflict", false]);
  assert.match(reused.message, /Idempotency-Key が別の内容で使われています/);
});

test("a wrong API key is rsl.auth_failed, not retryable, and tells the merchant to check it", async () => {
  const wrong = t.client("rsl_not_a_key");
  for (const call of [
    wrong.requestShipment(shipmentRequest()),
    wrong.withdrawShipment({ idempotencyKey: "w-auth", warehouseReference: "RSL-20250610-000001" }),
    wrong.fetchResults(null),
  ]) {
    const error = await failure(call);
    assert.deepEqual([error.code, error.retryable], ["rsl.auth_failed", false]);
    assert.match(error.message, /RSL APIキー/);
  }
});

test("a withdrawal once picking started is refused with RSL's E4001 and its message", async () => {
  const late = await client.requestShipment(shipmentRequest());
  assert.ok(late.outcome === "accepted");
  await t.control.advance(late.warehouseReference, "picking");
  const refused = await client.withdrawShipment({
    idempotencyKey: `withdraw-${late.warehouseReference}`,
    warehouseReference: late.warehouseReference,
  });
  assert.deepEqual(refused, {
    outcome: "refused",
    code: "E4001",
    message: "ピッキング開始後のため取下げできません",
  });
});

test("an unshippable result carries RSL's code and reason; a shipped one RSL's carrier as Juchu's", async () => {
  t.clock.set("2025-06-11T09:00:00+09:00");
  const other = await t.newMerchant([
    { sku: "MUG-1", stock: 5 },
    { sku: "RARE-1", stock: 0 },
  ]);
  const own = t.client(other.apiKey);
  const shortRequest = shipmentRequest({ lines: [{ sku: "RARE-1", quantity: 2 }] });
  const short = await own.requestShipment(shortRequest);
  assert.ok(short.outcome === "accepted");
  const fine = await own.requestShipment(shipmentRequest());
  assert.ok(fine.outcome === "accepted");
  t.clock.advanceMinutes(180);
  const { results } = await own.fetchResults(null);
  assert.deepEqual(results[0], {
    warehouseReference: short.warehouseReference,
    slipNumber: shortRequest.slipNumber,
    outcome: "unshippable",
    code: "E3001",
    reason: "欠品(SKU RARE-1 が 2 個不足)",
  });
  const shipped = results[1];
  assert.ok(shipped?.outcome === "shipped");
  assert.equal(shipped.shippedOn, "2025-06-11");
  assert.equal(shipped.parcels[0]?.carrier, "japanpost");
  assert.match(shipped.parcels[0]?.trackingNumber ?? "", /^\d{12}$/);
});

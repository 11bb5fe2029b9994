import assert from "node:assert/strict";
import { type TestContext, test } from "node:test";
import { CARRIER_CODES } from "#server/domain/carrier.ts";
import {
  type ShipmentRequest,
  type WarehouseClient,
  WarehouseError,
  type WarehouseResult,
} from "#server/ports/warehouse.ts";

/**
 * What a warehouse's test file hands the suite: its client, and the levers a person at the warehouse
 * (or its sandbox's control API) would pull. A lever the warehouse has none of is left out, and the
 * cases that need it are skipped — the way Drizzle runs one suite over every driver.
 */
export type WarehouseDriver = {
  client: WarehouseClient;
  /** A valid request with a fresh idempotency key and slip number; `extra` varies it. */
  newRequest(extra?: Partial<ShipmentRequest>): ShipmentRequest;
  /** How many parcels the warehouse itself holds for the slip number. */
  booked?(slipNumber: string): Promise<number>;
  /** The warehouse's staff start picking the request. */
  startPicking?(warehouseReference: string): Promise<void>;
  /** The warehouse ships every request it has accepted, with tracking numbers. */
  shipAll?(): Promise<void>;
  /** Results per page of the warehouse's API: the suite books a page and a bit to cross pages. */
  resultsPageSize?: number;
  /**
   * The next call of this kind fails this way; answers the client that sees it (one with a short timeout
   * for "timeout"). "lost_answer" does the work and then answers 5xx.
   */
  fault?(
    call: "request" | "results",
    kind: "server_error" | "lost_answer" | "timeout",
  ): Promise<WarehouseClient>;
  /** A client holding credentials the warehouse does not know. */
  wrongCredentials?(): WarehouseClient;
};

/** The parts of a driver a case needs; absent ones skip the case with the reason given. */
function needs<K extends keyof WarehouseDriver>(
  t: TestContext,
  driver: WarehouseDriver,
  keys: K[],
): driver is WarehouseDriver & Required<Pick<WarehouseDriver, K>> {
  const missing = keys.filter((k) => driver[k] === undefined);
  if (missing.length > 0) t.skip(`the warehouse has no ${missing.join(", ")}`);
  return missing.length === 0;
}

async function failure(promise: Promise<unknown>): Promise<WarehouseError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof WarehouseError, `a WarehouseError, not ${String(error)}`);
    return error;
  }
  assert.fail("expected the call to fail");
}

async function accepted(client: WarehouseClient, request: ShipmentRequest): Promise<string> {
  const answer = await client.requestShipment(request);
  assert.equal(answer.outcome, "accepted", JSON.stringify(answer));
  return answer.outcome === "accepted" ? answer.warehouseReference : "";
}

function assertShipped(result: WarehouseResult | undefined, request: ShipmentRequest): void {
  assert.ok(result, `a result for ${request.slipNumber}`);
  assert.equal(result.slipNumber, request.slipNumber);
  assert.equal(result.outcome, "shipped", JSON.stringify(result));
  if (result.outcome !== "shipped") return;
  assert.match(result.shippedOn, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(result.parcels.length > 0, "at least one parcel");
  for (const parcel of result.parcels) {
    assert.ok(CARRIER_CODES.includes(parcel.carrier), parcel.carrier);
    assert.ok(parcel.trackingNumber.length > 0, "a tracking number");
  }
}

/**
 * The warehouse port's contract (ports/warehouse.ts), run by every warehouse kind against its
 * sandbox over HTTP. `setUp` is called per case and gives a driver on a fresh account, so no case
 * sees another's parcels.
 */
export function warehouseContract(name: string, setUp: () => Promise<WarehouseDriver>): void {
  const it = (title: string, fn: (t: TestContext, driver: WarehouseDriver) => Promise<void>) =>
    test(`${name}: ${title}`, async (t) => fn(t, await setUp()));

  it("the same idempotency key books one parcel", async (_t, driver) => {
    const request = driver.newRequest();
    const first = await accepted(driver.client, request);
    const again = await accepted(driver.client, request);
    assert.equal(again, first, "the retry answers the first booking");
    if (driver.booked) assert.equal(await driver.booked(request.slipNumber), 1);
  });

  it("an answer lost after the work, retried under the same key, books one parcel", async (t, driver) => {
    if (!needs(t, driver, ["fault", "booked"])) return;
    const request = driver.newRequest();
    const lossy = await driver.fault("request", "lost_answer");
    const lost = await failure(lossy.requestShipment(request));
    assert.equal(lost.retryable, true, lost.code);
    await accepted(driver.client, request);
    assert.equal(await driver.booked(request.slipNumber), 1);
  });

  it("a request, then its results: shipped, with each parcel's carrier and tracking number", async (t, driver) => {
    if (!needs(t, driver, ["shipAll"])) return;
    const request = driver.newRequest();
    const reference = await accepted(driver.client, request);
    await driver.shipAll();
    const { results } = await driver.client.fetchResults(null);
    const mine = results.filter((r) => r.warehouseReference === reference);
    assert.equal(mine.length, 1, "its result once");
    assertShipped(mine[0], request);
  });

  it("withdrawn before picking; the same withdrawal again is still withdrawn", async (_t, driver) => {
    const reference = await accepted(driver.client, driver.newRequest());
    const withdrawal = { idempotencyKey: `withdraw-${reference}`, warehouseReference: reference };
    assert.deepEqual(await driver.client.withdrawShipment(withdrawal), { outcome: "withdrawn" });
    assert.deepEqual(await driver.client.withdrawShipment(withdrawal), { outcome: "withdrawn" });
  });

  it("once picking started, a withdrawal is refused with the warehouse's code and message", async (t, driver) => {
    if (!needs(t, driver, ["startPicking"])) return;
    const reference = await accepted(driver.client, driver.newRequest());
    await driver.startPicking(reference);
    const refused = await driver.client.withdrawShipment({
      idempotencyKey: `withdraw-${reference}`,
      warehouseReference: reference,
    });
    assert.equal(refused.outcome, "refused");
    if (refused.outcome !== "refused") return;
    assert.ok(refused.code.length > 0 && refused.message.length > 0, JSON.stringify(refused));
  });

  it("a 5xx and a timeout are retryable WarehouseErrors", async (t, driver) => {
    if (!needs(t, driver, ["fault"])) return;
    for (const [call, kind] of [
      ["request", "server_error"],
      ["request", "timeout"],
      ["results", "server_error"],
      ["results", "timeout"],
    ] as const) {
      const client = await driver.fault(call, kind);
      const error = await failure(
        call === "request" ? client.requestShipment(driver.newRequest()) : client.fetchResults(null),
      );
      assert.equal(error.retryable, true, `${call} ${kind}: ${error.code}`);
    }
  });

  it("wrong credentials are a WarehouseError that trying again cannot help", async (t, driver) => {
    if (!needs(t, driver, ["wrongCredentials"])) return;
    const wrong = driver.wrongCredentials();
    for (const call of [
      wrong.requestShipment(driver.newRequest()),
      wrong.withdrawShipment({ idempotencyKey: "withdraw-auth", warehouseReference: "unknown" }),
      wrong.fetchResults(null),
    ]) {
      const error = await failure(call);
      assert.equal(error.retryable, false, error.code);
    }
  });

  it("with nothing new, fetchResults answers no results and the cursor it was given", async (_t, driver) => {
    const first = await driver.client.fetchResults(null);
    assert.deepEqual(first.results, []);
    assert.deepEqual(await driver.client.fetchResults(first.cursor), { results: [], cursor: first.cursor });
  });

  it("fetchResults hands each result back once across pages, behind its opaque cursor", async (t, driver) => {
    if (!needs(t, driver, ["shipAll", "resultsPageSize"])) return;
    const book = async (n: number) => {
      const booked = new Map<string, ShipmentRequest>();
      for (let i = 0; i < n; i++) {
        const request = driver.newRequest();
        booked.set(await accepted(driver.client, request), request);
      }
      await driver.shipAll();
      return booked;
    };
    const firstBatch = await book(driver.resultsPageSize + 2);
    const first = await driver.client.fetchResults(null);
    assert.deepEqual(first.results.map((r) => r.warehouseReference).sort(), [...firstBatch.keys()].sort());
    for (const result of first.results)
      assertShipped(result, firstBatch.get(result.warehouseReference) as ShipmentRequest);

    const secondBatch = await book(2);
    const second = await driver.client.fetchResults(first.cursor);
    assert.deepEqual(second.results.map((r) => r.warehouseReference).sort(), [...secondBatch.keys()].sort());
    assert.deepEqual(await driver.client.fetchResults(second.cursor), { results: [], cursor: second.cursor });
  });
}

import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { runMain } from "../kit/test-support.ts";
import { startRslSandbox } from "./server.ts";
import { freshKey, shipment, startTestSandbox, type TestSandbox } from "./test-support.ts";

/** The line and the sandbox itself: faults, the call log, the clock, reset and the CLI. */

let t: TestSandbox;
before(async () => {
  t = await startTestSandbox();
});
after(() => t.close());
beforeEach(async () => {
  await t.control("DELETE", "/_sandbox/faults");
  await t.control("DELETE", "/_sandbox/calls");
});

const held = async () =>
  (await t.control("GET", `/_sandbox/requests?merchantId=${t.merchant.merchantId}`)).body.count;

test("a 503 fault answers in RSL's shape and RSL never saw the request", async () => {
  await t.control("POST", "/_sandbox/faults", { path: "/api/v1/shipment-requests", status: 503, times: 2 });
  const before = await held();
  const key = freshKey();
  for (let i = 0; i < 2; i++) {
    const res = await t.request(shipment({ clientShipmentId: "FAULT-1" }), key);
    assert.equal(res.status, 503);
    assert.equal(res.body.errors[0].code, "E9503");
  }
  assert.equal(await held(), before);
  assert.equal((await t.request(shipment({ clientShipmentId: "FAULT-1" }), key)).status, 201);
});

test("processed: true does the work and loses the answer; the retry under the same key gets it", async () => {
  await t.control("POST", "/_sandbox/faults", {
    path: "/api/v1/shipment-requests",
    method: "POST",
    status: 500,
    processed: true,
  });
  const before = await held();
  const key = freshKey();
  const body = shipment();
  const lost = await t.request(body, key);
  assert.deepEqual([lost.status, lost.body.errors[0].code], [500, "E9500"]);
  assert.equal(await held(), before + 1);
  const retry = await t.request(body, key);
  assert.equal(retry.status, 201);
  assert.equal(await held(), before + 1);
  const calls = (await t.control("GET", "/_sandbox/calls?path=/api/v1/shipment-requests")).body;
  assert.deepEqual(
    calls.items.map((c: { status: number; idempotencyKey: string; merchantId: string }) => [
      c.status,
      c.idempotencyKey,
      c.merchantId,
    ]),
    [
      [500, key, t.merchant.merchantId],
      [201, key, t.merchant.merchantId],
    ],
  );
  assert.match(calls.items[0].at, /\+09:00$/);
});

test("a method filter, 429 with Retry-After, a delay and a dropped connection", async () => {
  await t.control("POST", "/_sandbox/faults", {
    path: "/api/v1/shipment-results",
    method: "POST",
    status: 500,
  });
  assert.equal((await t.api("GET", "/api/v1/shipment-results")).status, 200);
  await t.control("DELETE", "/_sandbox/faults");

  await t.control("POST", "/_sandbox/faults", { path: "/api/v1/shipment-results", status: 429 });
  const limited = await t.api("GET", "/api/v1/shipment-results");
  assert.deepEqual([limited.status, limited.headers.get("retry-after")], [429, "1"]);

  await t.control("POST", "/_sandbox/faults", { path: "/api/v1/shipment-results", delayMs: 150 });
  const started = Date.now();
  assert.equal((await t.api("GET", "/api/v1/shipment-results")).status, 200);
  assert.ok(Date.now() - started >= 140);

  await t.control("POST", "/_sandbox/faults", {
    path: "/api/v1/shipment-requests",
    dropConnection: true,
    processed: true,
  });
  const before = await held();
  await assert.rejects(t.request(shipment()), TypeError);
  assert.equal(await held(), before + 1);

  const bad = await t.control("POST", "/_sandbox/faults", { path: "/api" });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.errors[0].code, "sandbox.invalid_input");
});

test("without an injected clock the sandbox runs on real time moved by /_sandbox/clock/advance", async () => {
  const sandbox = await startRslSandbox();
  try {
    const control = async (method: string, path: string, body?: unknown) =>
      (
        await fetch(`${sandbox.url}${path}`, {
          method,
          body: body === undefined ? undefined : JSON.stringify(body),
        })
      ).json();
    const { apiKey } = await control("POST", "/_sandbox/merchants", {
      merchantId: "demo",
      autoRegisterProducts: true,
    });
    const headers = { Authorization: `Bearer ${apiKey}`, "Idempotency-Key": "k1" };
    const created = await (
      await fetch(`${sandbox.url}/api/v1/shipment-requests`, {
        method: "POST",
        headers,
        body: JSON.stringify(shipment()),
      })
    ).json();
    const moved = await control("POST", "/_sandbox/clock/advance", { minutes: 180 });
    assert.equal(moved.offsetMinutes, 180);
    const shown = await (
      await fetch(`${sandbox.url}/api/v1/shipment-requests/${created.requestId}`, { headers })
    ).json();
    assert.equal(shown.status, "shipped");
  } finally {
    await sandbox.close();
  }
});

test("reset empties the warehouse; unknown control paths are 404", async () => {
  const sandbox = await startRslSandbox();
  try {
    const url = sandbox.url;
    await fetch(`${url}/_sandbox/merchants`, { method: "POST", body: "{}" });
    assert.equal(sandbox.state.merchants.size, 1);
    assert.equal((await fetch(`${url}/_sandbox/reset`, { method: "POST" })).status, 204);
    assert.equal(sandbox.state.merchants.size, 0);
    assert.equal((await fetch(`${url}/_sandbox/nothing`)).status, 404);
    const api = await fetch(`${url}/api/v1/nothing`);
    assert.equal(api.status, 404);
  } finally {
    await sandbox.close();
  }
});

test("main.ts starts a sandbox on the given port and says where", async () => {
  const { url, firstLine, child } = await runMain("sandbox/rsl/main.ts", ["--port", "0"]);
  try {
    assert.match(firstLine, /^RSL sandbox listening on http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal((await fetch(`${url}/_sandbox/merchants`, { method: "POST", body: "{}" })).status, 201);
  } finally {
    child.kill("SIGTERM");
  }
});

import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { runMain } from "../kit/test-support.ts";
import { esa, item, startTestSandbox, type TestSandbox } from "./test-support.ts";

let t: TestSandbox;
before(async () => {
  t = await startTestSandbox();
});
after(() => t.close());
beforeEach(async () => {
  await t.control("DELETE", "/_sandbox/faults");
  await t.control("DELETE", "/_sandbox/calls");
});

const search = {
  dateType: 1,
  startDatetime: "2025-06-01T00:00:00+0900",
  endDatetime: "2025-06-30T23:59:59+0900",
};
const UNAUTHORISED = { Results: { errorCode: "ES01-01", message: "Un-Authorised" } };

test("the gateway refuses a missing, malformed or unknown ESA header with 401 ES01-01", async () => {
  const cases: Record<string, string>[] = [
    {},
    { Authorization: "Bearer abc" },
    { Authorization: "ESA not base64!" },
    { Authorization: `ESA ${Buffer.from("no-colon").toString("base64")}` },
    { Authorization: esa({ serviceSecret: t.shop.serviceSecret, licenseKey: "SL365811_wrong" }) },
  ];
  for (const headers of cases) {
    const res = await fetch(`${t.sandbox.url}/es/2.0/order/searchOrder/`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify(search),
    });
    assert.equal(res.status, 401, JSON.stringify(headers));
    assert.equal(res.headers.get("content-type"), "application/json;charset=utf-8");
    assert.deepEqual(await res.json(), UNAUTHORISED);
  }
});

test("an expired licenseKey gets the same 401, and a renewed one works while the old one stops", async () => {
  const shop = (await t.control("POST", "/_sandbox/shops", { licenseExpiresAt: "2025-06-10T10:00:05+09:00" }))
    .body;
  assert.match(shop.shopId, /^\d+$/);
  assert.equal((await t.rms("/es/2.0/order/searchOrder/", search, { shop })).status, 200);
  t.clock.advance(5_000);
  const expired = await t.rms("/es/2.0/order/searchOrder/", search, { shop });
  assert.equal(expired.status, 401);
  assert.deepEqual(expired.body, UNAUTHORISED);

  const renewed = (await t.control("POST", `/_sandbox/shops/${shop.shopId}/license`, {})).body;
  assert.notEqual(renewed.licenseKey, shop.licenseKey);
  assert.equal(Date.parse(renewed.licenseExpiresAt), t.clock.now().getTime() + 90 * 24 * 3600 * 1000);
  assert.equal((await t.rms("/es/2.0/order/searchOrder/", search, { shop: renewed })).status, 200);
  t.clock.advance(-5_000);
  assert.equal((await t.rms("/es/2.0/order/searchOrder/", search, { shop })).status, 401);
});

test("gateway errors: unknown path 404, GET 405, not JSON or JSON without charset 415, broken JSON 400 ES04-01", async () => {
  const unknown = await t.rms("/es/2.0/order/noSuchFunction/", {});
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.Results.errorCode, "ES02-01");
  const get = await fetch(`${t.sandbox.url}/es/2.0/order/searchOrder/`, {
    headers: { Authorization: esa(t.shop) },
  });
  assert.equal(get.status, 405);
  const form = await t.rms("/es/2.0/order/searchOrder/", "dateType=1", {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  assert.equal(form.status, 415);
  const broken = await t.rms("/es/2.0/order/searchOrder/", '{"dateType":1,');
  assert.deepEqual(
    [broken.status, broken.body],
    [400, { Results: { errorCode: "ES04-01", message: "Bad Request" } }],
  );
  for (const contentType of ["application/json;charset=utf-8", "application/json; charset=UTF-8"]) {
    const ok = await t.rms("/es/2.0/order/searchOrder", search, { headers: { "Content-Type": contentType } });
    assert.equal(ok.status, 200, contentType);
  }
  // Live RMS answers JSON without its charset with 415, on the order and the inventory API alike.
  for (const path of ["/es/2.0/order/searchOrder/", "/es/2.0/inventories/bulk-get"]) {
    const bare = await t.rms(path, search, { headers: { "Content-Type": "application/json" } });
    assert.deepEqual(
      [bare.status, bare.body.Results?.errorCode],
      [415, "ES04-02"],
      `${path} application/json without charset`,
    );
  }
});

test("fault status500 and status503 answer instead of the mall, `times` times, for the path prefix only", async () => {
  await t.control("POST", "/_sandbox/faults", {
    path: "/es/2.0/order/searchOrder/",
    kind: "status500",
    times: 2,
  });
  await t.control("POST", "/_sandbox/faults", { path: "/es/2.0/order/getOrder/", kind: "status503" });
  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await t.rms("/es/2.0/order/searchOrder/", search)).status);
  assert.deepEqual(statuses, [500, 500, 200]);
  const unavailable = await t.rms("/es/2.0/order/getOrder/", { orderNumberList: ["x"], version: 10 });
  assert.equal(unavailable.status, 503);
  assert.equal(unavailable.body.Results.message, "Service Unavailable");
  assert.equal((await t.rms("/es/2.0/order/getOrder/", { orderNumberList: ["x"], version: 10 })).status, 200);
  assert.deepEqual((await t.control("GET", "/_sandbox/faults")).body.items, []);
});

test("fault malformed_json answers 200 with a JSON body cut off mid-way", async () => {
  await t.control("POST", "/_sandbox/faults", { kind: "malformed_json" });
  const res = await t.rms("/es/2.0/order/searchOrder/", search);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "application/json;charset=utf-8");
  assert.equal(res.body, undefined, "the body must not parse");
  assert.throws(() => JSON.parse(res.text));
});

test("fault slow answers normally after delayMs; timeout accepts and never answers", async () => {
  await t.control("POST", "/_sandbox/faults", { kind: "slow", delayMs: 300 });
  const started = performance.now();
  assert.equal((await t.rms("/es/2.0/order/searchOrder/", search)).status, 200);
  assert.ok(performance.now() - started >= 290);

  await t.control("POST", "/_sandbox/faults", { kind: "timeout" });
  await assert.rejects(
    fetch(`${t.sandbox.url}/es/2.0/order/searchOrder/`, {
      method: "POST",
      headers: { Authorization: esa(t.shop), "Content-Type": "application/json" },
      body: JSON.stringify(search),
      signal: AbortSignal.timeout(300),
    }),
    (e: Error) => e.name === "TimeoutError",
  );
  const calls = (await t.control("GET", "/_sandbox/calls")).body.items;
  assert.deepEqual(
    calls.map((c: { fault: string; status: number | null }) => [c.fault, c.status]),
    [
      ["slow", 200],
      ["timeout", null],
    ],
  );
});

test("a processed fault lets the mall do the work and only loses the answer", async () => {
  const placed = await t.placeOrder();
  await t.control("POST", "/_sandbox/faults", {
    path: "/es/2.0/order/confirmOrder/",
    kind: "status500",
    processed: true,
  });
  const lost = await t.rms("/es/2.0/order/confirmOrder/", { orderNumberList: [placed.orderNumber] });
  assert.equal(lost.status, 500);
  const retried = await t.rms("/es/2.0/order/confirmOrder/", { orderNumberList: [placed.orderNumber] });
  assert.equal(retried.body.MessageModelList[0].messageCode, "ORDER_EXT_API_CONFIRM_ORDER_ERROR_103");
});

test("the call log counts RMS calls by path prefix and summarises bodies", async () => {
  await t.rms("/es/2.0/order/searchOrder/", search);
  await t.rms("/es/2.0/order/getOrder/", { orderNumberList: ["a", "b"], version: 10 });
  await t.control("GET", "/_sandbox/settings");
  const all = (await t.control("GET", "/_sandbox/calls")).body;
  assert.equal(all.count, 2, "control calls are not logged");
  const gets = (await t.control("GET", "/_sandbox/calls?path=/es/2.0/order/getOrder")).body;
  assert.equal(gets.count, 1);
  assert.deepEqual(gets.items[0], {
    method: "POST",
    path: "/es/2.0/order/getOrder/",
    at: "2025-06-10T01:00:00.000Z",
    shopId: "365811",
    summary: "orderNumberList[2] version=10",
    status: 200,
    fault: null,
  });
  assert.equal((await t.control("DELETE", "/_sandbox/calls")).status, 204);
  assert.equal((await t.control("GET", "/_sandbox/calls")).body.count, 0);
});

test("control API refusals are 400 naming the field, 404 for what does not exist, 409 for conflicts", async () => {
  const badShop = await t.control("POST", "/_sandbox/shops", { shopId: "shop-a" });
  assert.equal(badShop.status, 400);
  assert.deepEqual(
    badShop.body.fields.map((f: { field: string }) => f.field),
    ["shopId"],
  );
  assert.equal((await t.control("POST", "/_sandbox/shops", { shopId: "365811" })).status, 409);

  const order = await t.control("POST", "/_sandbox/shops/365811/orders", {
    settlement: "bitcoin",
    packages: [{ items: [{ ...item("tea", 500), price: "500" }], postagePrice: -1 }],
    colour: "red",
  });
  assert.equal(order.status, 400);
  assert.equal(order.body.error, "invalid_input");
  assert.deepEqual(order.body.fields.map((f: { field: string }) => f.field).sort(), [
    "colour",
    "packages.0.items.0.price",
    "packages.0.postagePrice",
    "settlement",
  ]);
  assert.match(order.body.detail, /packages\.0\.items\.0\.price/);

  const fault = await t.control("POST", "/_sandbox/faults", { kind: "explode" });
  assert.deepEqual([fault.status, fault.body.fields[0].field], [400, "kind"]);
  assert.equal((await t.control("POST", "/_sandbox/shops/999/orders", {})).status, 404);
  assert.equal((await t.control("GET", "/_sandbox/orders/365811-20250610-0000009999")).status, 404);
  assert.equal((await t.control("POST", "/_sandbox/nothing", {})).status, 404);
  assert.equal((await t.control("POST", "/_sandbox/shops", "{oops")).status, 400);
});

test("reset empties the mall; settings and the clock are adjustable through the control API", async () => {
  const other = await startTestSandbox({ orderFixDelayMs: 1000 });
  try {
    assert.equal((await other.control("GET", "/_sandbox/settings")).body.orderFixDelayMs, 1000);
    const changed = await other.control("PATCH", "/_sandbox/settings", { inventoryUpsertsPerSecond: 0 });
    assert.deepEqual(changed.body, {
      orderFixDelayMs: 1000,
      cancelFixDelayMs: 0,
      inventoryUpsertsPerSecond: 0,
    });
    const moved = await other.control("POST", "/_sandbox/clock", { advanceMs: 60_000 });
    assert.equal(moved.body.now, "2025-06-10T01:01:00.000Z");
    await other.placeOrder();
    assert.equal((await other.control("POST", "/_sandbox/reset")).status, 204);
    assert.equal((await other.control("GET", "/_sandbox/shops/365811")).status, 404);
    assert.equal((await other.control("GET", "/_sandbox/settings")).body.inventoryUpsertsPerSecond, 1);
    assert.equal((await other.control("GET", "/_sandbox/clock")).body.now, "2025-06-10T01:00:00.000Z");
  } finally {
    await other.close();
  }
});

test("main.ts runs the sandbox on its own and prints its URL", async () => {
  const { url, child } = await runMain("sandbox/rakuten/main.ts", ["--port", "0"]);
  try {
    const shop = await fetch(`${url}/_sandbox/shops`, { method: "POST", body: "{}" });
    assert.equal(shop.status, 201);
  } finally {
    child.kill("SIGTERM");
  }
});

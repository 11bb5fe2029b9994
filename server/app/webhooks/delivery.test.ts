import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { RETRY_DELAYS_MS } from "#server/domain/webhooks.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { runWebhookJobs, startWebhookReceiver } from "#test/webhook-receiver.ts";

let t: TestApp;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
const secrets: string[] = [];

before(async () => {
  t = await startTestApp();
  receiver = await startWebhookReceiver({ now: () => t.clock.now(), secrets: () => secrets });
});
after(async () => {
  await receiver.close();
  await t.close();
});

const deliver = () => runWebhookJobs(t);

async function newEndpoint(url = receiver.url, token?: string) {
  const res = await t.api("POST", "/api/webhooks", { url, events: ["mail.failed"] }, token);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  secrets.push(res.body.secret);
  return { id: res.body.endpoint.id as string, secret: res.body.secret as string };
}

async function testSend(endpointId: string) {
  const res = await t.api("POST", `/api/webhooks/${endpointId}/test`);
  assert.equal(res.status, 202, JSON.stringify(res.body));
}

async function deliveries(endpointId: string) {
  return (await t.api("GET", `/api/webhooks/${endpointId}/deliveries?limit=200`)).body.items;
}

const detail = async (endpointId: string, id: string) =>
  (await t.api("GET", `/api/webhooks/${endpointId}/deliveries/${id}`)).body;

/** A URL nothing listens on. */
async function closedPort() {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return `http://127.0.0.1:${port}/gone`;
}

test("a receiver answering 500, then down for minutes, then up: tried on the backoff's schedule, delivered once with the same webhook-id", async () => {
  const endpoint = await newEndpoint();
  receiver.answer(500);
  const from = receiver.received.length;
  await testSend(endpoint.id);
  assert.equal(await deliver(), 1, "the first try goes at once");
  await receiver.down();
  const [first] = await deliveries(endpoint.id);
  assert.equal(first.status, "pending");
  assert.equal(first.lastStatusCode, 500);
  // Down for 30 s + 2 min + 10 min of the test's clock: each retry comes when the backoff says, not before.
  for (const delay of RETRY_DELAYS_MS.slice(0, 3)) {
    t.clock.advance(delay - 1000);
    assert.equal(await deliver(), 0, `not before ${delay / 1000} s`);
    t.clock.advance(1000);
    assert.equal(await deliver(), 1, `a try after ${delay / 1000} s`);
  }
  await receiver.up();
  receiver.answer(200);
  t.clock.advance(RETRY_DELAYS_MS[3]);
  assert.equal(await deliver(), 1);
  assert.equal(await deliver(), 0, "delivered: no more tries");

  const got = receiver.received.slice(from);
  assert.equal(got.length, 2, "the 500 and the delivery; the tries while down never arrived");
  assert.equal(got[0]?.id, got[1]?.id, "the same webhook-id on every try");
  assert.ok(got.every((r) => r.verifiedWith.includes(endpoint.secret) && r.fresh));
  assert.notEqual(got[0]?.timestamp, got[1]?.timestamp, "each try signs its own timestamp");
  const done = await detail(endpoint.id, first.id);
  assert.equal(done.status, "succeeded");
  assert.equal(done.attempts, 5);
  assert.equal(done.eventId, got[0]?.id);
  assert.equal(done.payload.type, "webhook.test");
  assert.deepEqual(
    done.attemptLog.map((a: { statusCode: number | null }) => a.statusCode),
    [500, null, null, null, 200],
  );
  assert.match(done.attemptLog[1].error, /接続できませんでした/);
  const gaps = done.attemptLog
    .slice(1)
    .map((a: { at: string }, i: number) => Date.parse(a.at) - Date.parse(done.attemptLog[i].at));
  assert.deepEqual(gaps, RETRY_DELAYS_MS.slice(0, 4), "tries spaced as the backoff says");
  await t.api("PATCH", `/api/webhooks/${endpoint.id}`, { enabled: false });
});

test("secret rotation: both signatures verify during the overlap, only the new one after 24 h", async () => {
  const endpoint = await newEndpoint();
  const rotated = await t.api("POST", `/api/webhooks/${endpoint.id}/secret-rotation`);
  assert.equal(rotated.status, 201, JSON.stringify(rotated.body));
  const fresh: string = rotated.body.secret;
  assert.notEqual(fresh, endpoint.secret);
  secrets.push(fresh);
  const from = receiver.received.length;
  await testSend(endpoint.id);
  await deliver();
  const during = receiver.received[from];
  assert.equal(during?.signatures.length, 2);
  assert.deepEqual(new Set(during?.verifiedWith), new Set([endpoint.secret, fresh]));

  t.clock.advance(24 * 3_600_000 + 1000);
  await testSend(endpoint.id);
  await deliver();
  const later = receiver.received[from + 1];
  assert.equal(later?.signatures.length, 1);
  assert.deepEqual(later?.verifiedWith, [fresh]);
  const listed = (await t.api("GET", "/api/webhooks")).body.items.find(
    (e: { id: string }) => e.id === endpoint.id,
  );
  assert.ok(listed.secretRotatedAt);
  assert.ok(!JSON.stringify(listed).includes("whsec_"), "a secret is shown once, never listed");
  await t.api("PATCH", `/api/webhooks/${endpoint.id}`, { enabled: false });
});

/** Every try of every pending delivery, through the whole backoff. */
async function exhaust() {
  await deliver();
  for (const delay of RETRY_DELAYS_MS) {
    t.clock.advance(delay);
    await deliver();
  }
}

test("an endpoint whose deliveries fail 5 in a row is switched off with its reason; redelivery starts one over", async () => {
  const endpoint = await newEndpoint(await closedPort());
  for (let i = 0; i < 4; i++) await testSend(endpoint.id);
  await exhaust();
  const four = await deliveries(endpoint.id);
  assert.deepEqual(
    four.map((d: { status: string; attempts: number }) => [d.status, d.attempts]),
    Array(4).fill(["failed", 8]),
  );
  const still = (await t.api("GET", "/api/webhooks")).body.items.find(
    (e: { id: string }) => e.id === endpoint.id,
  );
  assert.equal(still.enabled, true, "four in a row is not yet enough");
  await testSend(endpoint.id);
  await exhaust();
  const off = (await t.api("GET", "/api/webhooks")).body.items.find(
    (e: { id: string }) => e.id === endpoint.id,
  );
  assert.equal(off.enabled, false);
  assert.match(off.disabledReason, /5件続けて失敗/);
  assert.deepEqual(off.deliveries, { succeeded: 0, failed: 5, pending: 0 });
  const refused = await t.api("POST", `/api/webhooks/${endpoint.id}/test`);
  assert.equal(refused.status, 409);
  assert.equal(refused.body.code, "webhook.disabled");

  // Fixed by a person: the receiver's right URL, switched on again, one failed delivery sent again.
  const on = await t.api("PATCH", `/api/webhooks/${endpoint.id}`, { url: receiver.url, enabled: true });
  assert.equal(on.status, 200, JSON.stringify(on.body));
  assert.equal(on.body.disabledReason, null);
  const failed = four[0];
  const from = receiver.received.length;
  const again = await t.api("POST", `/api/webhooks/${endpoint.id}/deliveries/${failed.id}/redelivery`);
  assert.equal(again.status, 202, JSON.stringify(again.body));
  assert.equal(await deliver(), 1);
  assert.equal(receiver.received[from]?.id, failed.eventId, "the same webhook-id as before");
  const redone = await detail(endpoint.id, failed.id);
  assert.equal(redone.status, "succeeded");
  assert.equal(redone.attempts, 1, "tries counted from the redelivery");
  assert.equal(redone.attemptLog.length, 9, "the earlier tries stay in the log");

  receiver.answer(500);
  await testSend(endpoint.id);
  await deliver();
  const [waiting] = await deliveries(endpoint.id);
  assert.equal(waiting.status, "pending");
  const early = await t.api("POST", `/api/webhooks/${endpoint.id}/deliveries/${waiting.id}/redelivery`);
  assert.equal(early.status, 409);
  assert.equal(early.body.code, "webhook_delivery.pending");
  receiver.answer(200);
  await t.api("PATCH", `/api/webhooks/${endpoint.id}`, { enabled: false });
});

test("another account's endpoint and deliveries are not found, by every route", async () => {
  const endpoint = await newEndpoint();
  await testSend(endpoint.id);
  await deliver();
  const [delivery] = await deliveries(endpoint.id);
  const other = (await t.newAccount()).apiToken;
  const own = await newEndpoint(receiver.url, other);
  const base = `/api/webhooks/${endpoint.id}`;
  for (const [method, path, body] of [
    ["PATCH", base, { enabled: false }],
    ["POST", `${base}/secret-rotation`],
    ["POST", `${base}/test`],
    ["GET", `${base}/deliveries`],
    ["GET", `${base}/deliveries/${delivery.id}`],
    ["POST", `${base}/deliveries/${delivery.id}/redelivery`],
    ["GET", `/api/webhooks/${own.id}/deliveries/${delivery.id}`],
    ["POST", `/api/webhooks/${own.id}/deliveries/${delivery.id}/redelivery`],
    ["DELETE", base],
  ] as const) {
    const res = await t.api(method, path, body, other);
    assert.equal(res.status, 404, `${method} ${path} → ${res.status}`);
    assert.match(res.contentType, /problem\+json/);
  }
  const listed = (await t.api("GET", "/api/webhooks", undefined, other)).body.items;
  assert.deepEqual(
    listed.map((e: { id: string }) => e.id),
    [own.id],
  );
  assert.equal((await detail(endpoint.id, delivery.id)).status, "succeeded", "A's delivery is intact");
  assert.equal((await t.api("DELETE", base)).status, 204);
  assert.equal((await t.api("GET", `${base}/deliveries`)).status, 404);
});

test("bad input names the field: http(s) URLs only, known events, at least one", async () => {
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ url: "ftp://example.com/hook", events: ["mail.failed"] }, "url", /http:\/\/ か https:\/\//],
    [{ url: "example.com/hook", events: ["mail.failed"] }, "url", /形式/],
    [{ url: "https://user:pw@example.com/", events: ["mail.failed"] }, "url", /パスワード/],
    [{ url: "https://example.com/", events: [] }, "events", /1つ以上/],
    [{ url: "https://example.com/", events: ["order.unknown"] }, "events.0", /いずれか/],
    [
      { url: "https://example.com/", events: ["mail.failed"], description: "あ".repeat(201) },
      "description",
      /200文字/,
    ],
  ];
  for (const [body, field, message] of cases) {
    const res = await t.api("POST", "/api/webhooks", body);
    assert.equal(res.status, 422, JSON.stringify(body));
    const named = res.body.errors.find((e: { path: string }) => e.path === field);
    assert.ok(named, `${field} named: ${JSON.stringify(res.body)}`);
    assert.match(named.message, message);
  }
  const types = (await t.api("GET", "/api/webhooks/event-types")).body.items;
  assert.ok(types.some((x: { type: string; label: string }) => x.type === "order.cancelled" && x.label));
});

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, test } from "node:test";
import { exited } from "#test/lifecycle-processes.ts";
import { bootServer, callApi, childDatabase, createAccountToken } from "#test/process.ts";
import { startWebhookReceiver } from "#test/webhook-receiver.ts";

const secrets: string[] = [];
const receiver = await startWebhookReceiver({ now: () => new Date(), secrets: () => secrets });
const database = await childDatabase();
after(async () => {
  await receiver.close();
  await database.close();
});

/** Resolves once `count` requests came, or fails after `ms`. */
async function arrivals(count: number, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${receiver.received.length} of ${count} requests in ${ms} ms`)),
      ms,
    );
  });
  try {
    await Promise.race([receiver.until(count), late]);
  } finally {
    clearTimeout(timer);
  }
}

test("the crash window: a server killed (kill -9) after the receiver answered, before the delivery was recorded, sends it again with the same webhook-id", async () => {
  const env = { ...database.env, JUCHU_SECRET_KEY: randomBytes(32).toString("base64") };
  const token = await createAccountToken(env, { name: "通知商店", email: "hooks@example.com" });
  const call = (url: string, method: string, path: string, body?: unknown) =>
    callApi(url, token, method, path, body);

  const first = await bootServer({ ...env, JUCHU_ROLE: "all" });
  const created = await call(first.url, "POST", "/api/webhooks", {
    url: receiver.url,
    events: ["mail.failed"],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  secrets.push(created.body.secret);
  const endpointId: string = created.body.endpoint.id;
  // The receiver takes the event and answers 200, but the answer's body never ends: the sender is
  // still reading it when the process dies, so nothing of this try is recorded.
  receiver.answer("hold");
  assert.equal((await call(first.url, "POST", `/api/webhooks/${endpointId}/test`)).status, 202);
  await arrivals(1, 20_000);
  first.child.kill("SIGKILL");
  await exited(first.child);
  receiver.answer(200);

  // The job's heartbeat stops; the next process's queue gives it back and it is sent again.
  const next = await bootServer({ ...env, JUCHU_ROLE: "all" });
  try {
    await arrivals(2, 90_000);
    const [before, again] = receiver.received;
    assert.equal(again?.id, before?.id, "the same webhook-id: a receiver that keeps ids sees the event once");
    assert.ok(before?.verifiedWith.length && again?.verifiedWith.length, "both tries signed");
    let delivery: { status: string; attempts: number; id: string } | undefined;
    for (let i = 0; i < 100 && delivery?.status !== "succeeded"; i++) {
      [delivery] = (await call(next.url, "GET", `/api/webhooks/${endpointId}/deliveries`)).body.items;
      if (delivery?.status !== "succeeded") await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(delivery?.status, "succeeded");
    const detail = (await call(next.url, "GET", `/api/webhooks/${endpointId}/deliveries/${delivery?.id}`))
      .body;
    assert.equal(
      detail.attemptLog.length,
      1,
      "the killed try left no record: only the one that was recorded",
    );
    assert.equal(receiver.received.length, 2, "and not a third time");
  } finally {
    next.child.kill("SIGKILL");
    await exited(next.child);
  }
});

import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { serve } from "@hono/node-server";
import { createAccount } from "#server/app/account/create-account.ts";
import { createHttpApp } from "#server/http/app.ts";
import { startTestApp, type TestApp } from "#test/app.ts";

let t: TestApp;
/** A second server process's worth of HTTP app over the same database. */
let secondUrl: string;
let closeSecond: () => void;
const PASSWORD = "correct horse battery";

before(async () => {
  t = await startTestApp();
  const server = serve({
    fetch: createHttpApp(t.ctx, { database: t.database.kind, version: "test" }).fetch,
    port: 0,
    hostname: "127.0.0.1",
  });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  secondUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeSecond = () => server.close();
});
after(async () => {
  closeSecond();
  await t.close();
});

let seq = 0;
async function owner() {
  const email = `throttle${++seq}@example.com`;
  await createAccount(t.ctx, { name: `商店${seq}`, email, password: PASSWORD });
  return email;
}

/** A log-in from `client`, as the reverse proxy in front of Juchu would name it. */
async function logIn(email: string, password: string, client: string, url = t.url) {
  const res = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": client },
    body: JSON.stringify({ email, password }),
  });
  const body = await res.json();
  return { status: res.status, code: body.code as string | undefined };
}

function tally(statuses: number[]) {
  const counts: Record<number, number> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}

test("60 wrong passwords at once from one client: ten are checked, fifty refused before the check", async () => {
  const email = await owner();
  const results = await Promise.all(
    Array.from({ length: 60 }, (_, i) =>
      logIn(email, `wrong-${i}`, "203.0.113.9", i % 2 ? secondUrl : t.url),
    ),
  );
  assert.deepEqual(tally(results.map((r) => r.status)), { 401: 10, 429: 50 });
  assert.equal(results.find((r) => r.status === 429)?.code, "auth.too_many_attempts");
  assert.equal((await logIn(email, PASSWORD, "203.0.113.9")).status, 429, "that client is paused");
});

test("a stranger guessing cannot lock the owner out; it is the stranger who is paused", async () => {
  const email = await owner();
  await Promise.all(Array.from({ length: 60 }, (_, i) => logIn(email, `wrong-${i}`, "203.0.113.10")));
  // Another client guessing too is paused after three tries while the e-mail is under attack.
  const others = await Promise.all(
    Array.from({ length: 5 }, (_, i) => logIn(email, `again-${i}`, "198.51.100.10")),
  );
  assert.deepEqual(tally(others.map((r) => r.status)), { 401: 3, 429: 2 });

  const owners = await logIn(email.toUpperCase(), PASSWORD, "192.0.2.1");
  assert.equal(owners.status, 200, "the owner, who has not failed, logs in");
  const typo = await logIn(email, "typo", "192.0.2.2");
  assert.equal(typo.status, 401);
  assert.equal((await logIn(email, PASSWORD, "192.0.2.2")).status, 200, "a typo first is fine");
});

test("one client trying many e-mails is paused after thirty failures, whichever e-mail comes next", async () => {
  const emails = await Promise.all(Array.from({ length: 31 }, () => owner()));
  const statuses: number[] = [];
  for (const email of emails) statuses.push((await logIn(email, "Spring2030!", "203.0.113.20")).status);
  assert.deepEqual(tally(statuses), { 401: 30, 429: 1 });
  assert.equal((await logIn(emails[0] ?? "", PASSWORD, "192.0.2.30")).status, 200, "from elsewhere it works");
});

test("the pause ends with its fifteen minutes; a right password from another client never waits", async () => {
  const email = await owner();
  for (let i = 0; i < 11; i++) await logIn(email, `guess ${i}`, "203.0.113.30");
  assert.equal((await logIn(email, PASSWORD, "203.0.113.30")).status, 429);
  t.clock.advance(16 * 60 * 1000);
  assert.equal((await logIn(email, PASSWORD, "203.0.113.30")).status, 200);
});

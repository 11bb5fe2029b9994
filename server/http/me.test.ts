import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "#test/app.ts";
import { logInAs, PERSON_PASSWORD, personWith } from "#test/people.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const HOUR = 60 * 60 * 1000;

test("changing one's password checks the current one, keeps this session and ends the others", async () => {
  const person = await personWith(t, "viewer");
  const phone = await logInAs(t, person.email, PERSON_PASSWORD, "Phone/1.0");

  const wrong = await person.call("PUT", "/api/me/password", {
    currentPassword: "not it",
    newPassword: "a new password",
  });
  assert.equal(wrong.status, 422);
  assert.equal(wrong.body.code, "user.wrong_password");
  assert.deepEqual(
    wrong.body.errors.map((e: { path: string }) => e.path),
    ["currentPassword"],
  );
  const short = await person.call("PUT", "/api/me/password", {
    currentPassword: PERSON_PASSWORD,
    newPassword: "short",
  });
  assert.equal(short.status, 422);
  assert.deepEqual(
    short.body.errors.map((e: { path: string }) => e.path),
    ["newPassword"],
  );
  assert.equal((await phone.call("GET", "/api/orders")).status, 200, "a refused change ends nothing");

  const changed = await person.call("PUT", "/api/me/password", {
    currentPassword: PERSON_PASSWORD,
    newPassword: "a new password",
  });
  assert.equal(changed.status, 204, JSON.stringify(changed.body));
  assert.equal((await person.call("GET", "/api/orders")).status, 200, "this session stays");
  assert.equal((await phone.call("GET", "/api/orders")).status, 401, "the other one ended");
  assert.equal((await logInAs(t, person.email, PERSON_PASSWORD)).status, 401);
  assert.equal((await logInAs(t, person.email, "a new password")).status, 200);
});

test("guessing the current password is counted like log-ins: paused after ten", async () => {
  const person = await personWith(t, "staff");
  for (let i = 0; i < 10; i++)
    await person.call("PUT", "/api/me/password", {
      currentPassword: `guess ${i}`,
      newPassword: "whatever long",
    });
  const paused = await person.call("PUT", "/api/me/password", {
    currentPassword: PERSON_PASSWORD,
    newPassword: "whatever long",
  });
  assert.equal(paused.status, 429);
  assert.equal(paused.body.code, "auth.too_many_attempts");
});

test("one's sessions: device, address and last use (hourly); one's own may be ended, anyone else's is 404", async () => {
  const person = await personWith(t, "staff");
  t.clock.advance(60_000);
  const laptop = await logInAs(t, person.email, PERSON_PASSWORD, "Laptop/3.0");
  const opened = t.clock.now().getTime();
  const listed = await person.call("GET", "/api/me/sessions");
  assert.equal(listed.status, 200);
  assert.equal(listed.body.items.length, 2);
  const [newest, first] = listed.body.items;
  assert.equal(first.current, true);
  assert.equal(first.userAgent, "InvitedBrowser/2.0");
  assert.equal(newest.current, false);
  assert.equal(newest.userAgent, "Laptop/3.0");
  assert.equal(newest.address, "127.0.0.1");
  assert.equal(Date.parse(newest.lastSeenAt), opened);

  t.clock.advance(30 * 60 * 1000);
  await laptop.call("GET", "/api/orders");
  const halfHour = (await laptop.call("GET", "/api/me/sessions")).body.items[0];
  assert.equal(Date.parse(halfHour.lastSeenAt), opened, "not written again within the hour");
  t.clock.advance(HOUR);
  await laptop.call("GET", "/api/orders");
  const later = (await laptop.call("GET", "/api/me/sessions")).body.items[0];
  assert.equal(Date.parse(later.lastSeenAt), t.clock.now().getTime(), "marked seen after an hour");
  assert.equal(later.current, true);

  const someoneElse = await personWith(t, "staff");
  const theirs = (await someoneElse.call("GET", "/api/me/sessions")).body.items[0].id;
  const refused = await person.call("DELETE", `/api/me/sessions/${theirs}`);
  assert.equal(refused.status, 404);
  assert.equal(refused.body.code, "session.not_found");
  assert.equal((await someoneElse.call("GET", "/api/orders")).status, 200);

  assert.equal((await person.call("DELETE", `/api/me/sessions/${newest.id}`)).status, 204);
  assert.equal((await laptop.call("GET", "/api/orders")).status, 401, "the laptop is logged out");
  assert.equal((await person.call("GET", "/api/me/sessions")).body.items.length, 1);
});

test("an API token has no password or sessions of its own", async () => {
  for (const [method, path, body] of [
    ["GET", "/api/me/sessions", undefined],
    ["PUT", "/api/me/password", { currentPassword: "x", newPassword: "long enough" }],
  ] as const) {
    const res = await t.api(method, path, body);
    assert.equal(res.status, 403, path);
    assert.equal(res.body.code, "auth.session_only");
  }
});

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createAccount } from "#server/app/account/create-account.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { orderBody } from "#test/catalog-api.ts";

let t: TestApp;
const PASSWORD = "correct horse battery";

before(async () => {
  t = await startTestApp();
});
after(() => t.close());

/** A browser's view of the API: the cookie it was given, and the CSRF token the page read. */
async function logIn(email: string, password = PASSWORD) {
  const res = await fetch(`${t.url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const body = await res.json();
  const setCookie = res.headers.get("set-cookie") ?? "";
  return { status: res.status, body, setCookie, cookie: setCookie.split(";")[0] ?? "" };
}

async function call(cookie: string, method: string, path: string, body?: unknown, csrf?: string) {
  const headers: Record<string, string> = { cookie };
  if (csrf) headers["x-csrf-token"] = csrf;
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(t.url + path, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

let seq = 0;
async function userOf(name: string) {
  const email = `user${++seq}-${Date.now()}@example.com`;
  const created = await createAccount(t.ctx, { name, email, password: PASSWORD });
  return { ...created, email };
}

test("log in sets an httpOnly SameSite=Strict cookie; GET works with it, changes need the CSRF header", async () => {
  const user = await userOf("クッキー商店");
  const session = await logIn(user.email.toUpperCase());
  assert.equal(session.status, 200, JSON.stringify(session.body));
  assert.match(session.setCookie, /^juchu_session=jcs_[\w-]+;/);
  assert.match(session.setCookie, /HttpOnly/);
  assert.match(session.setCookie, /SameSite=Strict/);
  assert.match(session.setCookie, /Path=\//);
  assert.equal(session.body.account.name, "クッキー商店");
  assert.equal(session.body.user.email, user.email);

  const me = await call(session.cookie, "GET", "/api/session");
  assert.equal(me.status, 200);
  assert.equal(me.body.csrfToken, session.body.csrfToken);
  assert.equal((await call(session.cookie, "GET", "/api/orders")).status, 200);

  const shop = { channel: "manual", name: "電話注文" };
  const refused = await call(session.cookie, "POST", "/api/shops", shop);
  assert.equal(refused.status, 403);
  assert.equal(refused.body.code, "auth.csrf_failed");
  const wrong = await call(session.cookie, "POST", "/api/shops", shop, "not-the-token");
  assert.equal(wrong.status, 403);
  const created = await call(session.cookie, "POST", "/api/shops", shop, session.body.csrfToken);
  assert.equal(created.status, 201, JSON.stringify(created.body));

  // What the person did is on the order's timeline under their user id.
  const order = await call(
    session.cookie,
    "POST",
    "/api/orders",
    orderBody(created.body.id, "S-1", [{ mallItemCode: "x", quantity: 1 }]),
    session.body.csrfToken,
  );
  assert.equal(order.status, 201);
  assert.equal(order.body.events[0].actor, `user:${user.userId}`);
});

test("a session sees only its own account: another account's ids are 404", async () => {
  const a = await userOf("A商店");
  const b = await userOf("B商店");
  const shop = await t.api("POST", "/api/shops", { channel: "manual", name: "A" }, a.apiToken);
  const order = await t.api(
    "POST",
    "/api/orders",
    orderBody(shop.body.id, "A-1", [{ mallItemCode: "x", quantity: 1 }]),
    a.apiToken,
  );
  const session = await logIn(b.email);
  assert.equal((await call(session.cookie, "GET", `/api/orders/${order.body.id}`)).status, 404);
  assert.equal((await call(session.cookie, "GET", "/api/orders")).body.total, 0);
  const cancel = await call(
    session.cookie,
    "POST",
    `/api/orders/${order.body.id}/cancel`,
    {},
    session.body.csrfToken,
  );
  assert.equal(cancel.status, 404);
});

test("wrong password and unknown email are the same 401; a form post cannot log in", async () => {
  const user = await userOf("パスワード商店");
  const wrong = await logIn(user.email, "not the password");
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.code, "auth.invalid_credentials");
  assert.equal(wrong.setCookie, "");
  const unknown = await logIn("nobody@example.com");
  assert.equal(unknown.status, 401);
  assert.equal(unknown.body.code, "auth.invalid_credentials");

  const form = await fetch(`${t.url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: `email=${encodeURIComponent(user.email)}&password=${encodeURIComponent(PASSWORD)}`,
  });
  assert.equal(form.status, 400, "only JSON logs in, and a cross-site page cannot send JSON without CORS");
  assert.equal(form.headers.get("set-cookie"), null);
});

test("after ten failed log-ins an email is paused, even for the right password", async () => {
  const user = await userOf("総当たり商店");
  for (let i = 0; i < 10; i++) assert.equal((await logIn(user.email, `guess ${i}`)).status, 401);
  const paused = await logIn(user.email);
  assert.equal(paused.status, 429);
  assert.equal(paused.body.code, "auth.too_many_attempts");
  t.clock.advance(16 * 60 * 1000);
  assert.equal((await logIn(user.email)).status, 200);
});

test("log out ends the session; a session unused for 14 days has expired", async () => {
  const user = await userOf("期限商店");
  const first = await logIn(user.email);
  const noCsrf = await call(first.cookie, "DELETE", "/api/session");
  assert.equal(noCsrf.status, 403);
  assert.equal(
    (await call(first.cookie, "DELETE", "/api/session", undefined, first.body.csrfToken)).status,
    204,
  );
  const after = await call(first.cookie, "GET", "/api/orders");
  assert.equal(after.status, 401);
  assert.equal(after.body.code, "auth.session_expired");

  const second = await logIn(user.email);
  t.clock.advance(13 * 24 * 60 * 60 * 1000);
  assert.equal((await call(second.cookie, "GET", "/api/orders")).status, 200, "used on day 13: renewed");
  t.clock.advance(13 * 24 * 60 * 60 * 1000);
  assert.equal((await call(second.cookie, "GET", "/api/orders")).status, 200, "day 26, 13 days after use");
  t.clock.advance(15 * 24 * 60 * 60 * 1000);
  assert.equal((await call(second.cookie, "GET", "/api/orders")).status, 401);
});

test("set-up is refused once an account exists", async () => {
  const required = await call("", "GET", "/api/setup");
  assert.deepEqual(required.body, { required: false });
  const res = await call("", "POST", "/api/setup", {
    accountName: "乗っ取り",
    email: "intruder@example.com",
    password: "long enough password",
  });
  assert.equal(res.status, 409);
  assert.equal(res.body.code, "setup.already_done");
});

test("the admin starts with one call: the session and the reference lists of its own account only", async () => {
  const user = await userOf("一度で開く商店");
  const session = await logIn(user.email);
  const created = await call(
    session.cookie,
    "POST",
    "/api/shops",
    { channel: "manual", name: "電話注文" },
    session.body.csrfToken,
  );
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const other = await userOf("よその商店");
  const otherSession = await logIn(other.email);

  const plain = await call(session.cookie, "GET", "/api/session");
  assert.equal(plain.body.reference, undefined, "without include the answer stays the session alone");

  const start = await call(session.cookie, "GET", "/api/session?include=reference");
  assert.equal(start.status, 200);
  assert.equal(start.body.account.name, "一度で開く商店");
  const { vocabulary, shops, tags, warehouses } = start.body.reference;
  assert.deepEqual(
    shops.map((s: { name: string }) => s.name),
    ["電話注文"],
  );
  assert.ok(
    tags.some((tag: { kind: string }) => tag.kind === "system"),
    "system tags are listed",
  );
  assert.ok(Array.isArray(warehouses));
  // The same lists as the routes of their own, so a screen never sees two versions of one thing.
  for (const [path, items] of [
    ["/api/shops", shops],
    ["/api/tags", tags],
    ["/api/warehouses", warehouses],
  ] as const) {
    assert.deepEqual((await call(session.cookie, "GET", path)).body.items, items, path);
  }
  assert.deepEqual((await call(session.cookie, "GET", "/api/vocabulary")).body, vocabulary);

  const theirs = await call(otherSession.cookie, "GET", "/api/session?include=reference");
  assert.deepEqual(theirs.body.reference.shops, [], "another account never sees this one's shops");

  const bad = await call(session.cookie, "GET", "/api/session?include=everything");
  assert.equal(bad.status, 422);
  assert.ok(
    bad.body.errors.some((e: { path: string }) => e.path === "include"),
    JSON.stringify(bad.body),
  );
});

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ALL_PERMISSIONS } from "#server/domain/access.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { orderBody } from "#test/catalog-api.ts";
import { personWith } from "#test/people.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

test("the CLI's first token is listed as 初期APIトークン with every permission, made by the first user", async () => {
  const items = (await t.api("GET", "/api/api-tokens")).body.items;
  assert.equal(items.length, 1);
  const [first] = items;
  assert.equal(first.name, "初期APIトークン");
  assert.deepEqual([...first.scopes].sort(), [...ALL_PERMISSIONS].sort());
  assert.equal(first.createdBy.id, t.owner.userId);
  assert.equal(first.revokedAt, null);
  assert.equal(first.lastUsedAt, toTokyoIso(t.clock.now()), "this very call used it");
});

test("a token is shown once, works within its scopes, lists its maker and last use, and stops when revoked", async () => {
  const admin = await personWith(t, "admin");
  const made = await admin.call("POST", "/api/api-tokens", {
    name: "受注取込スクリプト",
    scopes: ["orders:write", "shops:read", "orders:read"],
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  assert.match(made.body.token, /^jct_[\w-]{43}$/);
  const { apiToken } = made.body;
  assert.deepEqual(apiToken.scopes, ["orders:write", "shops:read", "orders:read"]);
  assert.deepEqual(apiToken.createdBy, {
    id: admin.userId,
    name: admin.session.user.name,
    email: admin.email,
  });
  assert.equal(apiToken.lastUsedAt, null);
  const listed = (await t.api("GET", "/api/api-tokens")).body.items;
  assert.ok(!JSON.stringify(listed).includes(made.body.token), "never shown again");

  const as = (method: string, path: string, body?: unknown) => t.api(method, path, body, made.body.token);
  assert.equal((await as("GET", "/api/orders")).status, 200);
  const refused = await as("POST", "/api/shops", { channel: "manual", name: "x" });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.rule, "shops:write");
  const used = (await t.api("GET", "/api/api-tokens")).body.items.find(
    (x: { id: string }) => x.id === apiToken.id,
  );
  assert.equal(used.lastUsedAt, toTokyoIso(t.clock.now()));

  t.clock.advance(60_000);
  assert.equal((await admin.call("DELETE", `/api/api-tokens/${apiToken.id}`)).status, 204);
  const revoked = await as("GET", "/api/orders");
  assert.equal(revoked.status, 401);
  assert.equal(revoked.body.code, "auth.invalid_token");
  const after = (await t.api("GET", "/api/api-tokens")).body.items.find(
    (x: { id: string }) => x.id === apiToken.id,
  );
  assert.equal(after.revokedAt, toTokyoIso(t.clock.now()), "still listed, with when");
  assert.equal(
    (await admin.call("DELETE", `/api/api-tokens/${apiToken.id}`)).status,
    204,
    "twice is no error",
  );
});

test("a scope beyond the maker's own permissions is refused, naming it; a token cannot widen itself", async () => {
  const admin = await personWith(t, "admin");
  const refused = await admin.call("POST", "/api/api-tokens", {
    name: "広すぎる",
    scopes: ["orders:read", "users:write"],
  });
  assert.equal(refused.status, 422);
  assert.equal(refused.body.code, "token.scope_not_held");
  assert.equal(refused.body.rule, "users:write");
  assert.match(refused.body.detail, /ユーザーの変更/);
  assert.deepEqual(
    refused.body.errors.map((e: { path: string }) => e.path),
    ["scopes.1"],
  );

  const narrow = await t.api("POST", "/api/api-tokens", {
    name: "狭い",
    scopes: ["tokens:write", "orders:read"],
  });
  const widened = await t.api(
    "POST",
    "/api/api-tokens",
    { name: "広げる", scopes: ["orders:write"] },
    narrow.body.token,
  );
  assert.equal(widened.status, 422);
  assert.equal(widened.body.rule, "orders:write");
  const child = await t.api(
    "POST",
    "/api/api-tokens",
    { name: "子", scopes: ["orders:read"] },
    narrow.body.token,
  );
  assert.equal(child.status, 201);
  assert.equal(child.body.apiToken.createdBy, null, "no person behind a token's token");

  const bad = await t.api("POST", "/api/api-tokens", { name: "", scopes: ["orders:admin"] });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), ["name", "scopes.0"]);
  assert.equal((await t.api("POST", "/api/api-tokens", { name: "空", scopes: [] })).status, 422);

  const staff = await personWith(t, "staff");
  const forbidden = await staff.call("POST", "/api/api-tokens", { name: "x", scopes: ["orders:read"] });
  assert.equal(forbidden.status, 403);
  assert.equal(forbidden.body.rule, "tokens:write");
  const picker = await staff.call("GET", "/api/permissions");
  assert.equal(picker.body.items.length, ALL_PERMISSIONS.length);
  assert.deepEqual(picker.body.items[1], { code: "orders:write", label: "受注の変更" });
  assert.deepEqual(picker.body.areas[0], { code: "orders", label: "受注" });
});

test("another account's token is 404 and keeps working", async () => {
  const other = await t.newAccount("B商店");
  const theirs = (await t.api("GET", "/api/api-tokens", undefined, other.apiToken)).body.items[0].id;
  const res = await t.api("DELETE", `/api/api-tokens/${theirs}`);
  assert.equal(res.status, 404);
  assert.equal(res.body.code, "api_token.not_found");
  assert.equal((await t.api("GET", "/api/orders", undefined, other.apiToken)).status, 200);
});

test("the order's timeline names who acted: the user's name, the token's name, the system", async () => {
  const staff = await personWith(t, "staff");
  const shop = await t.api("POST", "/api/shops", {
    channel: "manual",
    name: `電話注文${Date.now()}`,
    settings: { gracePeriodMinutes: 5 },
  });
  const order = await staff.call(
    "POST",
    "/api/orders",
    orderBody(shop.body.id, `TL-${Date.now()}`, [{ mallItemCode: "x", quantity: 1 }]),
  );
  assert.equal(order.status, 201, JSON.stringify(order.body));
  const tagged = await t.api("POST", "/api/tags", {
    name: `確認${Date.now()}`,
    color: "#cc0000",
    hold: false,
  });
  assert.equal(
    (await t.api("POST", `/api/orders/${order.body.id}/tags`, { tagId: tagged.body.id })).status,
    200,
  );
  t.clock.advance(6 * 60 * 1000);
  assert.equal(await t.runDueJobs("grace-period-over"), 1, "the grace period ends by the system");

  const events = (await t.api("GET", `/api/orders/${order.body.id}`)).body.events;
  const by = (prefix: string) => events.find((e: { actor: string }) => e.actor.startsWith(prefix));
  assert.deepEqual(by("user:").actedBy, { kind: "user", id: staff.userId, label: staff.session.user.name });
  assert.equal(by("user:").actor, `user:${staff.userId}`, "the raw actor stays for older clients");
  assert.deepEqual(by("token:").actedBy.label, "APIトークン「初期APIトークン」");
  assert.deepEqual(by("system").actedBy, { kind: "system", id: null, label: "システム" });

  await t.api("DELETE", `/api/users/${staff.userId}`);
  const later = (await t.api("GET", `/api/orders/${order.body.id}`)).body.events;
  assert.equal(
    later.find((e: { actor: string }) => e.actor.startsWith("user:")).actedBy.label,
    staff.session.user.name,
    "a removed user is still named",
  );
});

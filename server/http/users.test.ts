import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { acceptInvitationAt, logInAs, PERSON_PASSWORD, personWith } from "#test/people.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const DAY = 24 * 60 * 60 * 1000;
let seq = 0;
const fresh = (what: string) => `${what}${++seq}-${Date.now()}@example.com`;

test("invite without SMTP: the link is shown (mailed false), works once, signs in with the role's permissions", async () => {
  const email = fresh("staff");
  const invited = await t.api("POST", "/api/users/invitations", { email, name: "出荷 花子", role: "staff" });
  assert.equal(invited.status, 201, JSON.stringify(invited.body));
  const { user, invitation } = invited.body;
  assert.equal(invitation.mailed, false);
  assert.equal(invitation.mailError, null);
  assert.match(invitation.url, new RegExp(`^${t.url}/invitations/jci_[\\w-]{43}$`));
  assert.equal(user.status, "invited");
  assert.equal(user.roleLabel, "スタッフ");
  assert.equal(user.invitationExpiresAt, invitation.expiresAt);
  assert.equal(Date.parse(invitation.expiresAt) - t.clock.now().getTime(), 7 * DAY);

  const token = invitation.url.split("/").at(-1);
  const shown = await t.api("GET", `/api/invitations/${token}`, undefined, null);
  assert.equal(shown.status, 200);
  assert.deepEqual(shown.body, {
    email,
    name: "出荷 花子",
    accountName: "テスト商店",
    expiresAt: invitation.expiresAt,
  });

  const short = await acceptInvitationAt(t, invitation.url, "short");
  assert.equal(short.status, 422);
  assert.deepEqual(
    short.session.errors.map((e: { path: string }) => e.path),
    ["password"],
  );

  const browser = await acceptInvitationAt(t, invitation.url, PERSON_PASSWORD, "出荷 花子(倉庫)");
  assert.equal(browser.status, 201, JSON.stringify(browser.session));
  assert.deepEqual(browser.session.user, {
    id: user.id,
    email,
    name: "出荷 花子(倉庫)",
    role: "staff",
    roleLabel: "スタッフ",
  });
  assert.ok(browser.session.permissions.includes("orders:write"));
  assert.ok(browser.session.permissions.includes("settings:read"));
  assert.ok(!browser.session.permissions.includes("settings:write"));
  assert.ok(!browser.session.permissions.includes("users:read"));
  assert.deepEqual(browser.session.plan, {
    code: "self_hosted",
    label: "セルフホスト(すべての機能)",
    features: ["mail_automation", "inquiry_linkage", "warehouse_linkage", "b2b_desk"],
    shopLimit: null,
  });
  assert.equal((await browser.call("GET", "/api/orders")).status, 200);
  assert.equal((await browser.call("GET", "/api/users")).status, 403, "staff do not manage people");

  const again = await acceptInvitationAt(t, invitation.url, "another password");
  assert.equal(again.status, 404, "used once");
  assert.equal(again.session.code, "invitation.not_found");
  assert.equal((await t.api("GET", `/api/invitations/${token}`, undefined, null)).status, 404);

  const listed = (await t.api("GET", "/api/users")).body.items.find((u: { id: string }) => u.id === user.id);
  assert.equal(listed.status, "active");
  assert.equal(listed.invitationExpiresAt, null);
  assert.equal(listed.lastLoginAt, toTokyoIso(t.clock.now()), "accepting logged them in");
  assert.equal((await logInAs(t, email, PERSON_PASSWORD)).status, 200, "and the password logs in later");
});

test("an invitation expires after 7 days; re-issuing gives a new link and kills the old", async () => {
  const first = await t.api("POST", "/api/users/invitations", {
    email: fresh("late"),
    name: "遅い人",
    role: "viewer",
  });
  t.clock.advance(7 * DAY + 1000);
  const expired = await acceptInvitationAt(t, first.body.invitation.url, PERSON_PASSWORD);
  assert.equal(expired.status, 404);
  assert.equal(expired.session.code, "invitation.not_found");

  const second = await t.api("POST", `/api/users/${first.body.user.id}/invitation`);
  assert.equal(second.status, 201, JSON.stringify(second.body));
  assert.notEqual(second.body.invitation.url, first.body.invitation.url);
  const third = await t.api("POST", `/api/users/${first.body.user.id}/invitation`);
  assert.equal(
    (await acceptInvitationAt(t, second.body.invitation.url, PERSON_PASSWORD)).status,
    404,
    "re-issued",
  );
  assert.equal((await acceptInvitationAt(t, third.body.invitation.url, PERSON_PASSWORD)).status, 201);

  const active = await t.api("POST", `/api/users/${first.body.user.id}/invitation`);
  assert.equal(active.status, 409);
  assert.equal(active.body.code, "user.not_invited");
});

test("an e-mail already used in any account is refused; bad input names the field", async () => {
  const other = await t.newAccount("よその商店");
  const email = fresh("taken");
  assert.equal(
    (await t.api("POST", "/api/users/invitations", { email, name: "先", role: "staff" }, other.apiToken))
      .status,
    201,
  );
  const taken = await t.api("POST", "/api/users/invitations", {
    email: email.toUpperCase(),
    name: "後",
    role: "staff",
  });
  assert.equal(taken.status, 409);
  assert.equal(taken.body.code, "user.email_taken");
  assert.deepEqual(
    taken.body.errors.map((e: { path: string }) => e.path),
    ["email"],
  );

  const bad = await t.api("POST", "/api/users/invitations", { email: "not-mail", name: " ", role: "boss" });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), ["email", "name", "role"]);
});

test("the last active owner cannot be demoted, disabled or removed; with a second owner they can", async () => {
  const a = await t.newAccount("オーナー一人商店");
  const as = (method: string, path: string, body?: unknown) => t.api(method, path, body, a.apiToken);
  for (const [method, body] of [
    ["PATCH", { role: "admin" }],
    ["PATCH", { disabled: true }],
    ["DELETE", undefined],
  ] as const) {
    const refused = await as(method, `/api/users/${a.userId}`, body);
    assert.equal(refused.status, 409, `${method} ${JSON.stringify(body)}`);
    assert.equal(refused.body.code, "user.last_owner");
  }
  assert.equal((await as("PATCH", `/api/users/${a.userId}`, { name: "店主" })).body.name, "店主");

  const invitedOwner = await as("POST", "/api/users/invitations", {
    email: fresh("owner"),
    name: "次",
    role: "owner",
  });
  assert.equal(
    (await as("PATCH", `/api/users/${a.userId}`, { role: "admin" })).body.code,
    "user.last_owner",
    "an owner who has not accepted yet does not count",
  );
  await acceptInvitationAt(t, invitedOwner.body.invitation.url, PERSON_PASSWORD);
  const demoted = await as("PATCH", `/api/users/${a.userId}`, { role: "admin" });
  assert.equal(demoted.status, 200, JSON.stringify(demoted.body));
  assert.equal(demoted.body.roleLabel, "管理者");
  const lastNow = await as("DELETE", `/api/users/${invitedOwner.body.user.id}`);
  assert.equal(lastNow.body.code, "user.last_owner", "the new owner is the last one now");
});

test("disabling ends the user's sessions at once and stops log-in; enabling lets them in again", async () => {
  const person = await personWith(t, "staff");
  assert.equal((await person.call("GET", "/api/orders")).status, 200);
  const disabled = await t.api("PATCH", `/api/users/${person.userId}`, { disabled: true });
  assert.equal(disabled.status, 200);
  assert.equal(disabled.body.status, "disabled");
  const stopped = await person.call("GET", "/api/orders");
  assert.equal(stopped.status, 401);
  assert.equal(stopped.body.code, "auth.session_expired");
  assert.equal((await logInAs(t, person.email, PERSON_PASSWORD)).status, 401);

  await t.api("PATCH", `/api/users/${person.userId}`, { disabled: false });
  const back = await logInAs(t, person.email, PERSON_PASSWORD);
  assert.equal(back.status, 200);
  assert.equal((await person.call("GET", "/api/orders")).status, 401, "the old cookie stays dead");
});

test("removing a user ends their sessions, frees their e-mail and keeps the tokens they made", async () => {
  const admin = await personWith(t, "admin");
  const made = await admin.call("POST", "/api/api-tokens", {
    name: "商品スクリプト",
    scopes: ["catalog:read"],
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  assert.equal((await t.api("DELETE", `/api/users/${admin.userId}`)).status, 204);
  assert.equal((await admin.call("GET", "/api/orders")).status, 401);
  assert.equal((await logInAs(t, admin.email, PERSON_PASSWORD)).status, 401);
  const users = (await t.api("GET", "/api/users")).body.items;
  assert.ok(!users.some((u: { id: string }) => u.id === admin.userId), "removed users are not listed");
  assert.equal((await t.api("GET", "/api/products", undefined, made.body.token)).status, 200, "still works");
  assert.equal(
    (await t.api("GET", "/api/orders", undefined, made.body.token)).status,
    403,
    "within its scopes",
  );
  const tokens = (await t.api("GET", "/api/api-tokens")).body.items;
  const kept = tokens.find((x: { id: string }) => x.id === made.body.apiToken.id);
  assert.equal(kept.revokedAt, null);
  assert.equal(kept.createdBy.email, admin.email, "still names who made it");
  assert.equal((await t.api("DELETE", `/api/users/${admin.userId}`)).status, 404, "gone");
  const again = await t.api("POST", "/api/users/invitations", {
    email: admin.email,
    name: "再び",
    role: "viewer",
  });
  assert.equal(again.status, 201, "the e-mail may be invited again");
});

test("another account's user is 404 for every user route; only users:write may change people", async () => {
  const other = await t.newAccount("B商店");
  const theirs = other.userId;
  for (const [method, path, body] of [
    ["PATCH", `/api/users/${theirs}`, { role: "viewer" }],
    ["DELETE", `/api/users/${theirs}`, undefined],
    ["POST", `/api/users/${theirs}/invitation`, undefined],
  ] as const) {
    const res = await t.api(method, path, body);
    assert.equal(res.status, 404, `${method} ${path}`);
    assert.equal(res.body.code, "user.not_found");
  }
  const admin = await personWith(t, "admin");
  const refused = await admin.call("POST", "/api/users/invitations", {
    email: fresh("x"),
    name: "x",
    role: "owner",
  });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.code, "auth.forbidden");
  assert.equal(refused.body.rule, "users:write");
  const roles = await admin.call("GET", "/api/roles");
  assert.deepEqual(
    roles.body.items.map((r: { label: string }) => r.label),
    ["オーナー", "管理者", "スタッフ", "閲覧のみ"],
  );
});

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ROLE_CODES } from "#server/domain/access.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { type Operation, operationsOf } from "#test/openapi-samples.ts";
import { callAs, type Principal, tokenWithScopes, userWithRole } from "#test/principals.ts";
import { type RouteFixtures, routeFixtures } from "#test/route-fixtures.ts";

let t: TestApp;
let withIds: Operation[];
let fx: RouteFixtures;
/** Account B's every role, its first token (every scope) and a narrow one. */
let others: Principal[];
let owner: Principal;

before(async () => {
  t = await startTestApp();
  // Reads first, deletes last: a route that leaked would still find the record the next one asks for.
  const ORDER = ["GET", "POST", "PUT", "PATCH", "DELETE"];
  withIds = operationsOf((await t.api("GET", "/api/openapi.json")).body)
    .filter((op) => op.params.some((p) => p.in === "path" && p.schema.format === "uuid"))
    .sort((a, b) => ORDER.indexOf(a.method) - ORDER.indexOf(b.method));
  fx = await routeFixtures(t);
  owner = { label: "owner", headers: { authorization: `Bearer ${t.owner.apiToken}` } };
  const b = await t.newAccount("別の商店");
  others = [
    ...(await Promise.all(ROLE_CODES.map((role) => userWithRole(t, b.accountId, role)))),
    { label: "B's first token", headers: { authorization: `Bearer ${b.apiToken}` } },
    await tokenWithScopes(t, b.accountId, ["orders:read", "shipping:write"]),
  ];
});
after(() => t.close());

test("another account's users of every role and its tokens, on this account's ids, get 404 or 403 on every route, never data", async (tc) => {
  assert.ok(withIds.length > 40, `only ${withIds.length} routes with an id`);
  let seenByOwner = 0;
  const unreached = new Set<string>();
  for (const op of withIds) {
    const url = await fx.urlOf(op);
    const body = await fx.bodyOf(op);
    // What this account's own owner reads there is what B must not see.
    if (op.method === "GET" && (await callAs(owner, t.url + url, "GET", undefined)).status === 200)
      seenByOwner++;
    for (const who of others) {
      const res = await callAs(who, t.url + url, op.method, body);
      const what = `${op.method} ${url} as B's ${who.label} → ${res.status} ${res.text.slice(0, 200)}`;
      assert.match(res.contentType, /^application\/problem\+json/, what);
      // A sample body the schema refuses never reaches a record; every other answer must be a refusal.
      if (res.status === 422 && res.body.code === "validation.failed") {
        unreached.add(op.path);
        continue;
      }
      assert.ok([403, 404].includes(res.status), what);
      if (res.status === 404) assert.match(res.body.code, /\.not_found$/, what);
    }
  }
  assert.ok(unreached.size < withIds.length / 5, `samples refused on ${[...unreached].join(", ")}`);
  if (unreached.size > 0) tc.diagnostic(`sample body refused by the schema: ${[...unreached].join(", ")}`);
  assert.ok(seenByOwner >= 15, `only ${seenByOwner} reads found this account's record`);
  if (fx.guessed.size > 0) tc.diagnostic(`walked with a random id: ${[...fx.guessed].join(", ")}`);
});

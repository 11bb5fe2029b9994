import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { eq } from "drizzle-orm";
import { accounts } from "#server/db/schema.ts";
import {
  allows,
  isPermission,
  type Permission,
  permissionLabel,
  permissionsOfRole,
  ROLE_CODES,
} from "#server/domain/access.ts";
import { FEATURES, type Feature, PLAN_CODES, PLANS, planIncludes } from "#server/domain/plans.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { type JsonSchema, type Operation, operationsOf } from "#test/openapi-samples.ts";
import { callAs, type Principal, tokenWithScopes, userWithRole } from "#test/principals.ts";
import { type RouteFixtures, routeFixtures } from "#test/route-fixtures.ts";

/** A route as openapi.json declares it: what it needs and from which plan. */
type Route = Operation & { permission: string | undefined; feature: string | undefined; secured: boolean };

let t: TestApp;
let routes: Route[];
let fx: RouteFixtures;
/** Each caller with the permissions the walk expects them to have. */
let callers: { who: Principal; granted: ReadonlySet<Permission> }[];

const NARROW_SCOPES: Permission[][] = [[], ["orders:read"], ["orders:write", "shipping:read", "mail:write"]];

before(async () => {
  t = await startTestApp();
  const spec: JsonSchema = (await t.api("GET", "/api/openapi.json")).body;
  routes = operationsOf(spec).map((op) => {
    const declared = spec.paths[op.path][op.method.toLowerCase()];
    return {
      ...op,
      permission: declared["x-permission"],
      feature: declared["x-feature"],
      secured: (declared.security ?? spec.security ?? []).length > 0,
    };
  });
  fx = await routeFixtures(t);
  const accountId = t.owner.accountId;
  callers = [
    ...(await Promise.all(
      ROLE_CODES.map(async (role) => ({
        who: await userWithRole(t, accountId, role),
        granted: permissionsOfRole(role),
      })),
    )),
    ...(await Promise.all(
      NARROW_SCOPES.map(async (scopes) => ({
        who: await tokenWithScopes(t, accountId, scopes),
        granted: new Set(scopes),
      })),
    )),
  ];
});
after(() => t.close());

/**
 * Path ids are random: the check comes before the handler, and an allowed call on a random id ends in
 * a 404 instead of deleting the fixtures the next caller needs.
 */
async function request(route: Route, who: Principal) {
  const pathValues = Object.fromEntries(
    route.params.filter((p) => p.in === "path").map((p) => [p.name, randomUUID()]),
  );
  const url = await fx.urlOf(route, pathValues);
  const res = await callAs(who, t.url + url, route.method, await fx.bodyOf(route));
  return {
    ...res,
    what: `${route.method} ${route.path} as ${who.label} → ${res.status} ${res.text.slice(0, 200)}`,
  };
}

test("every route with security declares a permission, and only permissions and features that exist", () => {
  const secured = routes.filter((r) => r.secured);
  assert.ok(secured.length > 80, `only ${secured.length} secured routes`);
  const undeclared = secured.filter((r) => r.permission === undefined).map((r) => `${r.method} ${r.path}`);
  assert.deepEqual(undeclared, [], "routes with security but no x-permission");
  for (const r of secured) {
    assert.ok(r.permission === "signed_in" || isPermission(r.permission ?? ""), `${r.path}: ${r.permission}`);
    if (r.feature) assert.ok(r.feature in FEATURES, `${r.path}: ${r.feature}`);
  }
  const publicRoutes = routes.filter((r) => !r.secured).map((r) => `${r.method} ${r.path}`);
  for (const r of publicRoutes) assert.match(r, /\/api\/(session|setup|invitations|openapi|health)/, r);
});

test("every role and every narrow token is allowed exactly what its permissions allow, on every route", async () => {
  let refused = 0;
  let allowed = 0;
  // Reads first, deletes last, as a merchant's session would go.
  const ORDER = ["GET", "POST", "PUT", "PATCH", "DELETE"];
  const walked = routes
    .filter((r) => r.secured)
    .sort((a, b) => ORDER.indexOf(a.method) - ORDER.indexOf(b.method));
  for (const route of walked) {
    for (const { who, granted } of callers) {
      const res = await request(route, who);
      assert.ok(res.status < 500, res.what);
      if (route.permission === "signed_in") {
        assert.notEqual(res.body?.code, "auth.forbidden", res.what);
        continue;
      }
      const permission = route.permission as Permission;
      if (allows(granted, permission)) {
        assert.notEqual(res.status, 403, res.what);
        allowed++;
      } else {
        assert.equal(res.status, 403, res.what);
        assert.match(res.contentType, /^application\/problem\+json/, res.what);
        assert.equal(res.body.code, "auth.forbidden", res.what);
        assert.equal(res.body.rule, permission, res.what);
        assert.ok(res.body.detail.includes(permissionLabel(permission)), res.what);
        refused++;
      }
    }
  }
  assert.ok(refused > 200 && allowed > 200, `refused ${refused}, allowed ${allowed}`);
});

test("on the light plan every route of a feature answers plan.feature_not_included naming the plan that has it", async () => {
  await t.database.db.update(accounts).set({ plan: "light" }).where(eq(accounts.id, t.owner.accountId));
  const owner = await userWithRole(t, t.owner.accountId, "owner");
  const token: Principal = {
    label: "owner's token",
    headers: { authorization: `Bearer ${t.owner.apiToken}` },
  };
  const gated = routes.filter((r) => r.feature);
  assert.ok(gated.length >= 8, `only ${gated.length} routes carry a feature`);
  for (const route of gated) {
    const feature = route.feature as Feature;
    const smallest = PLAN_CODES.find((p) => p !== "self_hosted" && planIncludes(p, feature)) ?? "self_hosted";
    for (const who of [owner, token]) {
      const res = await request(route, who);
      assert.equal(res.status, 403, res.what);
      assert.equal(res.body.code, "plan.feature_not_included", res.what);
      assert.equal(res.body.rule, `plan.${feature}`, res.what);
      assert.ok(res.body.detail.includes(PLANS[smallest].label), res.what);
      assert.ok(res.body.detail.includes(PLANS.light.label), res.what);
    }
  }
  // Back on a plan with the feature, the same routes pass the check again.
  await t.database.db.update(accounts).set({ plan: "self_hosted" }).where(eq(accounts.id, t.owner.accountId));
  for (const route of gated) {
    const res = await request(route, owner);
    assert.notEqual(res.status, 403, res.what);
  }
});

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ALL_PERMISSIONS,
  allows,
  isPermission,
  type Permission,
  permissionsOfRole,
  type Role,
} from "./access.ts";

test("what each role may do, area by area (the issue's four roles)", () => {
  const cases: [Role, Permission, boolean][] = [
    ["owner", "users:write", true],
    ["owner", "plan:read", true],
    ["admin", "users:read", false],
    ["admin", "shops:write", true],
    ["admin", "warehouses:write", true],
    ["admin", "mail:write", true],
    ["admin", "settings:write", true],
    ["admin", "tokens:write", true],
    ["admin", "webhooks:write", true],
    ["admin", "orders:write", true],
    ["admin", "plan:read", true],
    ["staff", "orders:write", true],
    ["staff", "shipping:write", true],
    ["staff", "stock:write", true],
    ["staff", "catalog:write", true],
    ["staff", "inquiries:write", true],
    ["staff", "shops:read", true],
    ["staff", "shops:write", false],
    ["staff", "mail:write", false],
    ["staff", "settings:write", false],
    ["staff", "tokens:read", false],
    ["staff", "webhooks:read", false],
    ["staff", "users:read", false],
    ["viewer", "orders:read", true],
    ["viewer", "orders:write", false],
    ["viewer", "shipping:write", false],
    ["viewer", "stock:write", false],
    ["viewer", "plan:read", true],
    ["viewer", "tokens:read", false],
  ];
  for (const [role, permission, allowed] of cases) {
    assert.equal(allows(permissionsOfRole(role), permission), allowed, `${role} ${permission}`);
  }
});

test("a write permission includes reading the same area, never another", () => {
  const granted = new Set<Permission>(["orders:write"]);
  assert.equal(allows(granted, "orders:read"), true);
  assert.equal(allows(granted, "shipping:read"), false);
  assert.equal(allows(new Set<Permission>(["orders:read"]), "orders:write"), false);
});

test("only the owner holds every permission; each role's are a subset of the one above", () => {
  for (const p of ALL_PERMISSIONS) assert.ok(allows(permissionsOfRole("owner"), p), `owner lacks ${p}`);
  for (const role of ["admin", "staff", "viewer"] as const) {
    assert.ok(
      ALL_PERMISSIONS.some((p) => !allows(permissionsOfRole(role), p)),
      `${role} may do everything`,
    );
  }
  const chain: Role[] = ["viewer", "staff", "admin", "owner"];
  for (const [i, role] of chain.slice(0, -1).entries()) {
    const above = permissionsOfRole(chain[i + 1] as Role);
    for (const p of permissionsOfRole(role))
      assert.ok(allows(above, p), `${chain[i + 1]} lacks ${role}'s ${p}`);
  }
});

test("a scope is an area and read or write; anything else is not a permission", () => {
  assert.equal(isPermission("orders:read"), true);
  for (const bad of ["orders", "orders:delete", "billing:read", "", "ORDERS:READ"]) {
    assert.equal(isPermission(bad), false, bad);
  }
});

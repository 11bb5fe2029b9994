import assert from "node:assert/strict";
import { test } from "node:test";
import { permissionsOfRole } from "./access.ts";
import { scopeRefusal } from "./token-scopes.ts";
import { lastOwnerRefusal, userStatus } from "./users.ts";

test("status: disabled wins over invited; a password makes an invitee active", () => {
  const at = new Date();
  assert.equal(userStatus({ passwordHash: null, disabledAt: null }), "invited");
  assert.equal(userStatus({ passwordHash: "x", disabledAt: null }), "active");
  assert.equal(userStatus({ passwordHash: null, disabledAt: at }), "disabled");
  assert.equal(userStatus({ passwordHash: "x", disabledAt: at }), "disabled");
});

test("the last active owner cannot be demoted, disabled or removed; with another owner they can", () => {
  const owner = { role: "owner", status: "active" } as const;
  for (const after of [
    { role: "admin", status: "active" },
    { role: "owner", status: "disabled" },
    { role: "owner", status: "removed" },
  ] as const) {
    assert.equal(lastOwnerRefusal(owner, after, 0)?.code, "user.last_owner", JSON.stringify(after));
    assert.equal(lastOwnerRefusal(owner, after, 1), null, "another active owner remains");
  }
  assert.equal(lastOwnerRefusal(owner, { role: "owner", status: "active" }, 0), null, "a rename is fine");
  assert.equal(
    lastOwnerRefusal({ role: "owner", status: "invited" }, { role: "owner", status: "removed" }, 0),
    null,
    "an owner who never logged in is not what keeps the account open",
  );
  assert.equal(
    lastOwnerRefusal({ role: "staff", status: "active" }, { role: "staff", status: "removed" }, 0),
    null,
  );
});

test("a token's scopes stay within its maker's permissions; write covers read; each one held is named", () => {
  const admin = permissionsOfRole("admin");
  assert.equal(scopeRefusal(admin, ["orders:write", "tokens:read", "plan:read"]), null);
  const refused = scopeRefusal(admin, ["orders:read", "users:read", "plan:write"]);
  assert.equal(refused?.code, "token.scope_not_held");
  assert.equal(refused?.rule, "users:read");
  assert.match(refused?.detail ?? "", /ユーザーの閲覧/);
  assert.deepEqual(
    refused?.errors?.map((e) => e.path),
    ["scopes.1", "scopes.2"],
  );
  assert.equal(scopeRefusal(permissionsOfRole("viewer"), ["orders:read"]), null);
  assert.equal(scopeRefusal(permissionsOfRole("viewer"), ["orders:write"])?.rule, "orders:write");
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { type CredentialRule, checkCredentials, credentialWarning } from "./mall-credentials.ts";
import { Refusal } from "./refusal.ts";

const now = new Date("2026-12-01T10:00:00+09:00");
const day = 86_400_000;
// A channel's form as its definition gives it: two secrets, one of which expires, and its date.
const fields: CredentialRule[] = [
  { key: "id", label: "ID", type: "secret" },
  { key: "key", label: "キー", type: "secret", expiresDays: 30 },
  { key: "keyExpiresAt", label: "キーの有効期限", type: "expiresAt" },
];

test("every secret field is needed, each named on its path", () => {
  const refused = checkCredentials(fields, { id: " ", key: "" }, now);
  assert.ok(refused instanceof Refusal);
  assert.deepEqual(
    refused.errors?.map((e) => e.path),
    ["credentials.id", "credentials.key"],
  );
});

test("a channel without credentials takes none and never expires", () => {
  assert.deepEqual(checkCredentials([], {}, now), { values: {}, expiresAt: null });
});

test("an expiring key runs out expiresDays from now unless its date is given", () => {
  const ok = checkCredentials(fields, { id: "a", key: "b" }, now);
  assert.ok(!(ok instanceof Refusal));
  assert.equal(ok.expiresAt?.getTime(), now.getTime() + 30 * day);
  const dated = checkCredentials(
    fields,
    { id: "a", key: "b", keyExpiresAt: "2027-01-10T00:00:00+09:00" },
    now,
  );
  assert.ok(!(dated instanceof Refusal));
  assert.equal(dated.expiresAt?.toISOString(), "2027-01-09T15:00:00.000Z");
  assert.deepEqual(dated.values, { id: "a", key: "b" });
});

test("without a channel's own words the warning speaks of 認証情報", () => {
  assert.match(credentialWarning(new Date(now.getTime() + 3 * day), now)?.message ?? "", /あと3日/);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { checkCredentials, credentialWarning } from "#server/domain/mall-credentials.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { rakuten } from "./index.ts";

const now = new Date("2026-12-01T10:00:00+09:00");
const day = 86_400_000;

test("a Rakuten key needs both serviceSecret and licenseKey, each field named", () => {
  const refused = checkCredentials(rakuten.credentials, { serviceSecret: " ", licenseKey: "" }, now);
  assert.ok(refused instanceof Refusal);
  assert.equal(refused.code, "validation.failed");
  assert.deepEqual(
    refused.errors?.map((e) => e.path),
    ["credentials.serviceSecret", "credentials.licenseKey"],
  );
});

test("a Rakuten key entered today expires in 90 days unless its date is given", () => {
  const ok = checkCredentials(rakuten.credentials, { serviceSecret: "SP1_x", licenseKey: "SL1_y" }, now);
  assert.ok(!(ok instanceof Refusal));
  assert.equal(ok.expiresAt?.getTime(), now.getTime() + 90 * day);
  assert.deepEqual(ok.values, { serviceSecret: "SP1_x", licenseKey: "SL1_y" });
  const dated = checkCredentials(
    rakuten.credentials,
    { serviceSecret: "a", licenseKey: "b", licenseExpiresAt: "2027-01-10T00:00:00+09:00" },
    now,
  );
  assert.ok(!(dated instanceof Refusal));
  assert.equal(dated.expiresAt?.toISOString(), "2027-01-09T15:00:00.000Z");
});

test("an expiry date in the past or unreadable is refused on its field", () => {
  for (const licenseExpiresAt of ["2026-11-30T00:00:00+09:00", "来月"]) {
    const refused = checkCredentials(
      rakuten.credentials,
      { serviceSecret: "a", licenseKey: "b", licenseExpiresAt },
      now,
    );
    assert.ok(refused instanceof Refusal);
    assert.equal(refused.errors?.[0]?.path, "credentials.licenseExpiresAt");
  }
});

test("the expiry is warned from 14 days ahead, and once passed", () => {
  const cases: [number, string | null, number?][] = [
    [30, null],
    [15, null],
    [14, "expiring", 14],
    [1, "expiring", 1],
    [0, "expired", 0],
    [-3, "expired", 0],
  ];
  for (const [days, level, left] of cases) {
    const w = credentialWarning(new Date(now.getTime() + days * day), now, rakuten.credentialExpiry);
    assert.equal(w?.level ?? null, level, `${days} days`);
    if (left !== undefined) assert.equal(w?.daysLeft, left);
  }
  assert.equal(credentialWarning(null, now), null);
  assert.match(
    credentialWarning(now, now, rakuten.credentialExpiry)?.message ?? "",
    /RMSで新しいライセンスキー/,
  );
});

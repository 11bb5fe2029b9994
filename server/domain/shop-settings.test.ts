import assert from "node:assert/strict";
import { test } from "node:test";
import {
  checkSyncStart,
  defaultShopSettings,
  type ShopSettings,
  shopSettingsSchema,
} from "./shop-settings.ts";

// SPEC.md §2: the grace period is the channel's (a mall's buyer cancel window, 0 where the merchant
// enters the order); the shipment request delay defaults to 5 minutes.
const MALL = { gracePeriodMinutes: 30, takesCancels: true };
const ENTERED = { gracePeriodMinutes: 0, takesCancels: false };

test("defaultShopSettings: the channel's grace and cancel reflection, request delay 5 min; import, sync and stock return off", () => {
  for (const channel of [MALL, ENTERED]) {
    const s = defaultShopSettings(channel);
    assert.equal(s.gracePeriodMinutes, channel.gracePeriodMinutes);
    assert.equal(s.reflectCancelToMall, channel.takesCancels);
    assert.equal(s.shipmentRequestDelayMinutes, 5);
    assert.equal(s.syncEnabled, false, "sync starts off");
    assert.equal(s.importEnabled, false, "import starts off");
    assert.equal(s.returnStockOnCancel, false, "注文キャンセル時在庫戻し starts off");
    assert.equal(s.syncStartAt, null);
    const parsed = shopSettingsSchema.safeParse(s);
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
  }
});

const base = defaultShopSettings(MALL);

// biome-ignore format: a table, one row per line
const refusals: { name: string; patch: Record<string, unknown>; path: string }[] = [
  { name: "negative grace period", patch: { gracePeriodMinutes: -1 }, path: "gracePeriodMinutes" },
  { name: "non-integer grace period", patch: { gracePeriodMinutes: 1.5 }, path: "gracePeriodMinutes" },
  { name: "grace period as a string", patch: { gracePeriodMinutes: "30" }, path: "gracePeriodMinutes" },
  { name: "negative request delay", patch: { shipmentRequestDelayMinutes: -5 }, path: "shipmentRequestDelayMinutes" },
  { name: "non-integer request delay", patch: { shipmentRequestDelayMinutes: 0.5 }, path: "shipmentRequestDelayMinutes" },
  { name: "request delay over a day", patch: { shipmentRequestDelayMinutes: 24 * 60 + 1 }, path: "shipmentRequestDelayMinutes" },
  { name: "bad datetime", patch: { syncStartAt: "2025-13-01T10:00:00+09:00" }, path: "syncStartAt" },
  { name: "datetime that is not one", patch: { syncStartAt: "明日の朝" }, path: "syncStartAt" },
  { name: "datetime without time zone", patch: { syncStartAt: "2025-06-01T10:00:00" }, path: "syncStartAt" },
  { name: "date only", patch: { syncStartAt: "2025-06-01" }, path: "syncStartAt" },
  { name: "bad warehouse id", patch: { warehouseId: "rsl-1" }, path: "warehouseId" },
  { name: "missing boolean", patch: { importEnabled: undefined }, path: "importEnabled" },
];

for (const { name, patch, path } of refusals) {
  test(`shopSettingsSchema refuses ${name} at ${path}`, () => {
    const parsed = shopSettingsSchema.safeParse({ ...base, ...patch });
    assert.equal(parsed.success, false);
    assert.deepEqual(
      parsed.error?.issues.map((i) => i.path.join(".")),
      [path],
    );
    assert.ok(parsed.error?.issues.every((i) => i.message.length > 0));
  });
}

// biome-ignore format: a table, one row per line
const accepted: { name: string; patch: Partial<ShopSettings> }[] = [
  { name: "zero minutes", patch: { gracePeriodMinutes: 0, shipmentRequestDelayMinutes: 0 } },
  { name: "datetime with +09:00", patch: { syncStartAt: "2025-06-01T10:00:00+09:00" } },
  { name: "datetime in UTC", patch: { syncStartAt: "2025-06-01T01:00:00Z" } },
  { name: "a warehouse uuid", patch: { warehouseId: "0b6c8a44-6a3f-4c62-9d0e-2f0c3b1f7a10" } },
];

for (const { name, patch } of accepted) {
  test(`shopSettingsSchema accepts ${name}`, () => {
    const parsed = shopSettingsSchema.safeParse({ ...base, ...patch });
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
  });
}

// SPEC.md §6: sync may be switched on only from a start date-time that is not in the past.
const NOW = new Date("2025-06-01T12:00:00+09:00");
const PAST = "2025-06-01T11:59:00+09:00";
const FUTURE = "2025-06-02T00:00:00+09:00";
const LATER = "2025-06-03T00:00:00+09:00";
const on = (syncStartAt: string | null): ShopSettings => ({ ...base, syncEnabled: true, syncStartAt });
const off = (syncStartAt: string | null): ShopSettings => ({ ...base, syncEnabled: false, syncStartAt });

// biome-ignore format: a table, one row per line
const syncCases: { name: string; before: ShopSettings | null; after: ShopSettings; error: boolean }[] = [
  { name: "new shop, sync on from the past", before: null, after: on(PAST), error: true },
  { name: "new shop, sync on from the future", before: null, after: on(FUTURE), error: false },
  { name: "new shop, sync on without a start", before: null, after: on(null), error: true },
  { name: "new shop, sync off with a past start", before: null, after: off(PAST), error: false },
  { name: "turning sync on from the past", before: off(null), after: on(PAST), error: true },
  { name: "turning sync on from the future", before: off(null), after: on(FUTURE), error: false },
  { name: "turning sync on without a start", before: off(null), after: on(null), error: true },
  { name: "turning sync on with a start that has since passed", before: off(PAST), after: on(PAST), error: true },
  { name: "running sync, settings unchanged, start now in the past", before: on(PAST), after: on(PAST), error: false },
  { name: "running sync, other setting changed", before: on(PAST), after: { ...on(PAST), gracePeriodMinutes: 45 }, error: false },
  { name: "running sync, start moved into the past", before: on(FUTURE), after: on(PAST), error: true },
  { name: "running sync, start moved to a later future", before: on(FUTURE), after: on(LATER), error: false },
  { name: "turning sync off", before: on(PAST), after: off(PAST), error: false },
  { name: "start exactly now", before: off(null), after: on(NOW.toISOString()), error: false },
];

for (const { name, before, after, error } of syncCases) {
  test(`checkSyncStart: ${name} → ${error ? "error" : "ok"}`, () => {
    const got = checkSyncStart(before, after, NOW);
    if (!error) {
      assert.equal(got, null);
      return;
    }
    assert.equal(got?.path, "settings.syncStartAt");
    assert.ok((got?.message.length ?? 0) > 0);
  });
}

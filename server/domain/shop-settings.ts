import { z } from "zod";
import { instant, uuid } from "./fields.ts";
import { inquiryLinkageSchema } from "./inquiry-linkage.ts";
import { SHIP_FROM_DEFAULT, shipFromSchema } from "./ship-from.ts";

/** Japanese banks and convenience stores usually give a week to pay. */
export const DEFAULT_PAYMENT_OVERDUE_DAYS = 7;

const minutes = (max: number) =>
  z.int("分は整数で指定してください").min(0, "0以上で指定してください").max(max);

export const shopSettingsSchema = z.object({
  gracePeriodMinutes: minutes(7 * 24 * 60),
  shipmentRequestDelayMinutes: minutes(24 * 60),
  returnStockOnCancel: z.boolean(),
  reflectCancelToMall: z.boolean(),
  importEnabled: z.boolean(),
  /** How often the mall is polled (受注取込間隔). */
  importIntervalMinutes: z
    .int("分は整数で指定してください")
    .min(1, "1分以上で指定してください")
    .max(60)
    .default(3),
  /** テスト取込: orders are imported and checked, but no mail, warehouse request or mall update follows. */
  testImportMode: z.boolean().default(false),
  syncEnabled: z.boolean(),
  syncStartAt: instant("日時はISO 8601(タイムゾーン付き)で指定してください").nullable(),
  /** 入金確認待ち超過: days a prepaid order may stay unpaid before it is tagged. */
  paymentOverdueDays: z
    .int("日数は整数で指定してください")
    .min(1, "1日以上で指定してください")
    .max(90, "90日以内で指定してください")
    .default(DEFAULT_PAYMENT_OVERDUE_DAYS),
  /** The warehouse that ships this shop's orders; null means the account's first warehouse. */
  warehouseId: uuid().nullable(),
  /** R-Messe キャンセル連携: off until the merchant turns it on. */
  inquiryLinkage: inquiryLinkageSchema.default(inquiryLinkageSchema.parse({})),
  /** 送付元住所: the warehouse's ご依頼主 (default) or the shop's own (ship-from.ts). */
  shipFrom: shipFromSchema.default(SHIP_FROM_DEFAULT),
});

export type ShopSettings = z.infer<typeof shopSettingsSchema>;

/**
 * A new shop's settings from what its channel says: the buyer's cancel window there (キャンセル猶予,
 * 0 where orders come from the merchant) and whether it takes cancels back. 受注取込, 受注連動 and
 * 注文キャンセル時在庫戻し start off: the merchant turns each on once set-up is checked (seed E4).
 */
export function defaultShopSettings(channel: {
  gracePeriodMinutes: number;
  takesCancels: boolean;
}): ShopSettings {
  return {
    gracePeriodMinutes: channel.gracePeriodMinutes,
    shipmentRequestDelayMinutes: 5,
    returnStockOnCancel: false,
    reflectCancelToMall: channel.takesCancels,
    importEnabled: false,
    importIntervalMinutes: 3,
    testImportMode: false,
    paymentOverdueDays: DEFAULT_PAYMENT_OVERDUE_DAYS,
    syncEnabled: false,
    syncStartAt: null,
    warehouseId: null,
    inquiryLinkage: inquiryLinkageSchema.parse({}),
    shipFrom: SHIP_FROM_DEFAULT,
  };
}

/**
 * 受注連動: whether Juchu may tell the mall about an order now (注文確認, cancel, shipping) — only once
 * sync is on and its start time has come, and never for an order imported in test mode.
 */
export function mallSyncActive(settings: ShopSettings, now: Date, order: { testImport: boolean }): boolean {
  if (order.testImport || !settings.syncEnabled || !settings.syncStartAt) return false;
  return Date.parse(settings.syncStartAt) <= now.getTime();
}

/**
 * Sync may only be switched on from a start time that has not passed: orders before it were
 * handled elsewhere and must not be pushed to the mall again (SPEC.md §6).
 */
export function checkSyncStart(
  before: ShopSettings | null,
  after: ShopSettings,
  now: Date,
): { path: string; message: string } | null {
  const changed =
    !before || before.syncStartAt !== after.syncStartAt || before.syncEnabled !== after.syncEnabled;
  if (!changed || !after.syncEnabled) return null;
  if (!after.syncStartAt)
    return { path: "settings.syncStartAt", message: "受注連動を有効にするには開始日時が必要です" };
  if (before?.syncEnabled && before.syncStartAt === after.syncStartAt) return null;
  if (Date.parse(after.syncStartAt) < now.getTime()) {
    return { path: "settings.syncStartAt", message: "受注連動の開始日時に過去の日時は指定できません" };
  }
  return null;
}

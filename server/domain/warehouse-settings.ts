import { z } from "zod";
import { CARRIER_CODES } from "./carrier.ts";

/** ご依頼主 as a carrier slip prints it; the shop's own 送付元 (ship-from.ts) is checked the same way. */
export const senderSchema = z.object({
  name: z.string().trim().min(1, "ご依頼主名を入力してください").max(32),
  postalCode: z.string().regex(/^\d{3}-?\d{4}$/, "郵便番号は123-4567の形です"),
  prefecture: z.string().min(1, "都道府県を入力してください"),
  address1: z.string().trim().min(1, "住所を入力してください"),
  address2: z.string().trim().optional(),
  phone: z.string().regex(/^[\d-]{10,15}$/, "電話番号は数字とハイフンです"),
});

const profile = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  carrier: z.enum(CARRIER_CODES).nullable(),
  slipNumberColumn: z.string().min(1),
  trackingNumberColumn: z.string().min(1),
  shippedOnColumn: z.string().nullable(),
  carrierColumn: z.string().nullable(),
});

/**
 * A warehouse's own settings. ご依頼主 is what the carrier slips print as sender; the Yamato codes are
 * the merchant's B2クラウド contract; a polled 3PL's results are read every resultPollMinutes.
 */
export const warehouseSettingsSchema = z.object({
  resultPollMinutes: z.int().min(1).max(1440).default(15),
  /** 出荷締め時刻 (Asia/Tokyo): a request sent before it ships the same day (SPEC.md §2 出荷作業中). */
  shippingCutoff: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "出荷締め時刻は 14:00 のように24時間制で入力してください")
    .optional(),
  sender: senderSchema.optional(),
  yamatoBillingCustomerCode: z
    .string()
    .regex(/^\d{10,12}$/, "請求先顧客コードは10〜12桁の数字です")
    .optional(),
  yamatoFreightNumber: z
    .string()
    .regex(/^\d{2}$/, "運賃管理番号は2桁の数字です")
    .optional(),
  /** The merchant's own header mappings for tracking-number CSVs (checked by validateProfile). */
  trackingImportProfiles: z.array(profile).default([]),
});

export type WarehouseSettings = z.infer<typeof warehouseSettingsSchema>;
export type SlipSender = z.infer<typeof senderSchema>;

export function warehouseSettingsOf(stored: unknown): WarehouseSettings {
  return warehouseSettingsSchema.parse(stored ?? {});
}

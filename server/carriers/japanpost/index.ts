import type { TimeSlot } from "#server/domain/delivery-conditions.ts";
import type { CarrierDefinition } from "../carrier-definition.ts";
import { japanpostYupri, YUPRI_TIME_SLOTS } from "./yupri-layout.ts";

/**
 * 日本郵便: ゆうプリR prints the slips. Its 発送履歴 gives the date only once the post office has
 * accepted the parcel (仮引受確定作業年月日); a blank date ships the row today.
 */
export const japanpost: CarrierDefinition = {
  code: "japanpost",
  names: ["日本郵便", "郵便局", "ゆうパック", "ゆうパケット"],
  trackingUrl: (n) =>
    `https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=${encodeURIComponent(n)}&searchKind=S002&locale=ja`,
  // Domestic ゆうパック/ゆうパケット are 11–13 digits; international (EMS etc.) are UPU S10: EJ123456789JP.
  trackingNumber: {
    test: (n) => /^\d{11,13}$/.test(n) || /^[A-Z]{2}\d{9}[A-Z]{2}$/.test(n),
    rule: "11〜13桁の数字(国際郵便は EJ123456789JP の形)",
  },
  timeSlots: Object.keys(YUPRI_TIME_SLOTS) as TimeSlot[],
  slipFormats: { japanpost_yupri: { label: "日本郵便 ゆうパックプリントR", layout: japanpostYupri } },
  trackingProfiles: [
    {
      id: "japanpost_yupri",
      name: "日本郵便 ゆうパックプリントR 発送履歴",
      carrier: "japanpost",
      slipNumberColumn: "お客様側管理番号",
      trackingNumberColumn: "お問い合わせ番号",
      shippedOnColumn: "仮引受確定作業年月日",
      carrierColumn: null,
    },
  ],
};

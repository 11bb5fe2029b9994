import type { TimeSlot } from "#server/domain/delivery-conditions.ts";
import type { CarrierDefinition } from "../carrier-definition.ts";
import { B2_TIME_SLOTS, yamatoB2 } from "./b2-layout.ts";

/** ヤマト運輸: B2クラウド prints the slips and exports the issued numbers. */
export const yamato: CarrierDefinition = {
  code: "yamato",
  names: ["ヤマト", "ヤマト運輸", "クロネコヤマト", "宅急便"],
  trackingUrl: (n) =>
    `https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=${encodeURIComponent(n)}`,
  trackingNumber: { test: (n) => /^\d{12}$/.test(n), rule: "12桁の数字" },
  timeSlots: Object.keys(B2_TIME_SLOTS) as TimeSlot[],
  slipFormats: { yamato_b2: { label: "ヤマト運輸 B2クラウド(送り状発行データ)", layout: yamatoB2 } },
  trackingProfiles: [
    {
      id: "yamato_b2_issued",
      name: "ヤマト運輸 B2クラウド 発行済みデータ",
      carrier: "yamato",
      slipNumberColumn: "お客様管理番号",
      trackingNumberColumn: "伝票番号",
      shippedOnColumn: "出荷予定日",
      carrierColumn: null,
    },
  ],
};

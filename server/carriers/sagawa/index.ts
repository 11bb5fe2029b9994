import type { TimeSlot } from "#server/domain/delivery-conditions.ts";
import type { CarrierDefinition } from "../carrier-definition.ts";
import { EHIDEN_TIME_SLOTS, sagawaEhiden } from "./ehiden-layout.ts";

/**
 * 佐川急便: e飛伝 prints the slips. Its exports come in two shapes: the current one, and the older
 * 出荷実績 that starts with お問合せ送り状№ and 出荷日時.
 */
export const sagawa: CarrierDefinition = {
  code: "sagawa",
  names: ["佐川", "佐川急便"],
  trackingUrl: (n) =>
    `https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=${encodeURIComponent(n)}`,
  trackingNumber: { test: (n) => /^\d{12}$/.test(n), rule: "12桁の数字" },
  timeSlots: Object.keys(EHIDEN_TIME_SLOTS) as TimeSlot[],
  slipFormats: { sagawa_ehiden: { label: "佐川急便 e飛伝II(標準パターン)", layout: sagawaEhiden } },
  trackingProfiles: [
    {
      id: "sagawa_ehiden",
      name: "佐川急便 e飛伝II/III 出荷データ",
      carrier: "sagawa",
      slipNumberColumn: "お客様管理番号",
      trackingNumberColumn: "お問い合せ送り状No.",
      shippedOnColumn: "出荷日",
      carrierColumn: null,
    },
    {
      id: "sagawa_ehiden_results",
      name: "佐川急便 e飛伝II 出荷実績(お問合せ送り状№・出荷日時)",
      carrier: "sagawa",
      slipNumberColumn: "お客様管理ナンバー",
      trackingNumberColumn: "お問合せ送り状№",
      shippedOnColumn: "出荷日時",
      carrierColumn: null,
    },
  ],
};

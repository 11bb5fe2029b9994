import { type Carrier, isCarrier } from "#server/domain/carrier.ts";
import type { MasterRow } from "#server/domain/mall-masters.ts";
import type { ShippingService } from "#server/domain/shipping-service.ts";
import type { UnknownMallValue } from "#server/domain/unknown-mall-values.ts";
import type { MallChosenCarrier } from "#server/ports/mall.ts";

/**
 * RMS deliveryCompany codes (RakutenPayOrderAPI; sent as strings — a carrier's name is a format error).
 * 1029 since 2024-11-14 (CHANGELOG v7.8), 1030 and 1031 since 2025-06-23 (v7.9); 1005 and 1015 carry
 * their current names (v3.9, v6.2).
 */
export const RMS_DELIVERY_COMPANY_NAMES: Readonly<Record<string, string>> = {
  "1000": "その他",
  "1001": "ヤマト運輸",
  "1002": "佐川急便",
  "1003": "日本郵便",
  "1004": "西濃運輸",
  "1005": "セイノースーパーエクスプレス",
  "1006": "福山通運",
  "1007": "名鉄運輸",
  "1008": "トナミ運輸",
  "1009": "第一貨物",
  "1010": "新潟運輸",
  "1011": "中越運送",
  "1012": "岡山県貨物運送",
  "1013": "久留米運送",
  "1014": "山陽自動車運送",
  "1015": "NXトランスポート",
  "1016": "エコ配",
  "1017": "EMS",
  "1018": "DHL",
  "1019": "FedEx",
  "1020": "UPS",
  "1021": "日本通運",
  "1022": "TNT",
  "1023": "OCS",
  "1024": "USPS",
  "1025": "SFエクスプレス",
  "1026": "Aramex",
  "1027": "SGHグローバル・ジャパン",
  "1028": "Rakuten EXPRESS",
  "1029": "日本郵便 楽天倉庫出荷",
  "1030": "ヤマト運輸 クロネコゆうパケット",
  "1031": "名鉄NX運輸",
};

const OWN_CARRIER_ROWS: readonly MasterRow[] = [
  { code: "other", mallCode: "1000" },
  { code: "yamato", mallCode: "1001" },
  { code: "sagawa", mallCode: "1002" },
  { code: "japanpost", mallCode: "1003" },
  { code: "japanpost", mallCode: "1029" },
  { code: "yamato", mallCode: "1030" },
];

/**
 * The shop's 楽天配送設定 as it stands by default: Juchu carrier ↔ RMS code, the first row of a carrier
 * being what a shipping report says. Japan Post delivers both RSL's parcels from Rakuten's warehouse
 * (1029) and Yamato's クロネコゆうパケット (1030), which Rakuten tells apart from the plain carriers;
 * every other carrier RMS lists is one Juchu knows only as その他.
 */
export const RMS_DELIVERY_COMPANY_DEFAULTS: readonly MasterRow[] = [
  ...OWN_CARRIER_ROWS,
  ...Object.keys(RMS_DELIVERY_COMPANY_NAMES)
    .filter((code) => !OWN_CARRIER_ROWS.some((r) => r.mallCode === code))
    .map((mallCode) => ({ code: "other", mallCode })),
];

/**
 * Juchu carrier → the code a shipping report says, by the shop's table: its first row for the carrier.
 * A Japan Post parcel that left Rakuten's own warehouse (RSL) is 1029, and Yamato's post-box service
 * (クロネコゆうパケット, which replaced ネコポス) is 1030 so its number is looked up at Japan Post — each
 * while the shop's table still maps that code to the carrier.
 */
export function rmsDeliveryCompany(
  carrier: Carrier,
  options: { fromRakutenWarehouse?: boolean; service?: ShippingService | undefined } = {},
  table: readonly MasterRow[] = RMS_DELIVERY_COMPANY_DEFAULTS,
): string {
  const codes = table.filter((r) => r.code === carrier).map((r) => r.mallCode);
  if (carrier === "japanpost" && options.fromRakutenWarehouse && codes.includes("1029")) return "1029";
  if (carrier === "yamato" && options.service === "mailbox" && codes.includes("1030")) return "1030";
  const code = codes[0];
  if (code === undefined) throw new Error(`no RMS deliveryCompany for carrier ${carrier}`);
  return code;
}

/**
 * An RMS code → what Juchu shows and which of its carriers it is, by the shop's table. A code the
 * table lacks (one RMS adds later, or a carrier the shop has not mapped) is kept and shown as it
 * came, with no carrier, and reported as an unknown value rather than read as その他.
 */
export function rmsChosenCarrier(
  code: string | null | undefined,
  table: readonly MasterRow[] = RMS_DELIVERY_COMPANY_DEFAULTS,
): { chosen: MallChosenCarrier | null; unknown: UnknownMallValue | null } {
  const mallCode = code?.trim() ?? "";
  if (mallCode === "") return { chosen: null, unknown: null };
  const label = RMS_DELIVERY_COMPANY_NAMES[mallCode] ?? `不明な配送会社(楽天コード ${mallCode})`;
  const row = table.find((r) => r.mallCode === mallCode);
  if (row && isCarrier(row.code)) return { chosen: { mallCode, label, carrier: row.code }, unknown: null };
  return {
    chosen: { mallCode, label, carrier: null },
    unknown: { kind: "delivery_company", mallCode, label },
  };
}

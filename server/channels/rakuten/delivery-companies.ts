import type { Carrier } from "#server/domain/carrier.ts";
import type { ShippingService } from "#server/domain/shipping-service.ts";
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

/** The RMS codes of Juchu's carriers; every other code is a carrier Juchu knows only as その他. */
const JUCHU_CARRIERS: Readonly<Record<string, Carrier>> = {
  "1000": "other",
  "1001": "yamato",
  "1002": "sagawa",
  "1003": "japanpost",
  // Japan Post delivers both: RSL's parcels from Rakuten's warehouse, and Yamato's クロネコゆうパケット.
  "1029": "japanpost",
  "1030": "yamato",
};

/**
 * Juchu carrier → the code a shipping report says. A Japan Post parcel that left Rakuten's own
 * warehouse (RSL) is 1029, which Rakuten tells apart from a shop's own ゆうパック (1003); Yamato's
 * post-box service (クロネコゆうパケット, which replaced ネコポス) is 1030, so its number is looked up
 * at Japan Post.
 */
export function rmsDeliveryCompany(
  carrier: Carrier,
  options: { fromRakutenWarehouse?: boolean; service?: ShippingService | undefined } = {},
): string {
  if (carrier === "japanpost" && options.fromRakutenWarehouse) return "1029";
  if (carrier === "yamato" && options.service === "mailbox") return "1030";
  const code = Object.entries(JUCHU_CARRIERS).find(([, c]) => c === carrier)?.[0];
  if (code === undefined) throw new Error(`no RMS deliveryCompany for carrier ${carrier}`);
  return code;
}

/**
 * An RMS code → what Juchu shows and which of its carriers it is. A code RMS adds later is kept and
 * shown as it came, with no carrier, rather than dropped or read as その他.
 */
export function rmsChosenCarrier(code: string | null | undefined): MallChosenCarrier | null {
  const mallCode = code?.trim() ?? "";
  if (mallCode === "") return null;
  const name = RMS_DELIVERY_COMPANY_NAMES[mallCode];
  if (name === undefined) return { mallCode, label: `不明な配送会社(楽天コード ${mallCode})`, carrier: null };
  return { mallCode, label: name, carrier: JUCHU_CARRIERS[mallCode] ?? "other" };
}

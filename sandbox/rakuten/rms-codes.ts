/**
 * RMS code tables the sandbox needs, spelled as RakutenPayOrderAPI spells them. The settlement keys
 * are the sandbox's own (what a test asks for); the codes and names are Rakuten's.
 */

export const orderProgressNames = {
  100: "注文確認待ち",
  200: "楽天処理中",
  300: "発送待ち",
  400: "変更確定待ち",
  500: "発送済",
  600: "支払手続き中",
  700: "支払手続き済",
  800: "キャンセル確定待ち",
  900: "キャンセル確定",
} as const;

export type OrderProgress = keyof typeof orderProgressNames;

export const isOrderProgress = (value: number): value is OrderProgress => value in orderProgressNames;

/**
 * prepaid: the order waits at 200 楽天処理中 until the buyer pays (前払い).
 * rpaySettlementFlag: 1 = 楽天市場の共通決済, 0 = 選択制決済 (代金引換).
 */
export const settlementMethods = {
  card: { code: 1, name: "クレジットカード", rpaySettlementFlag: 1, prepaid: false },
  cod: { code: 2, name: "代金引換", rpaySettlementFlag: 0, prepaid: false },
  point: { code: 8, name: "ポイント", rpaySettlementFlag: 1, prepaid: false },
  bank_transfer: { code: 9, name: "銀行振込", rpaySettlementFlag: 1, prepaid: true },
  apple_pay: { code: 12, name: "Apple Pay", rpaySettlementFlag: 1, prepaid: false },
  seven_eleven: { code: 13, name: "セブンイレブン（前払）", rpaySettlementFlag: 1, prepaid: true },
  convenience_store: {
    code: 14,
    name: "ローソン、郵便局ATM等（前払）",
    rpaySettlementFlag: 1,
    prepaid: true,
  },
  paypal: { code: 17, name: "PayPal", rpaySettlementFlag: 1, prepaid: false },
  rakuten_pay_later: { code: 21, name: "後払い決済", rpaySettlementFlag: 1, prepaid: false },
  /**
   * A method RMS adds after a client's table was written (RMS has added codes before: 21, 27): how a
   * client meets a settlementMethodCode it does not know.
   */
  unlisted: { code: 99, name: "新しい決済方法", rpaySettlementFlag: 1, prepaid: false },
} as const;

export type SettlementKey = keyof typeof settlementMethods;
export const settlementKeys = Object.keys(settlementMethods) as [SettlementKey, ...SettlementKey[]];

/** deliveryCompany codes; updateOrderShipping takes the code as a string, never the name. */
export const deliveryCompanies: Record<string, string> = {
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

/** changeReasonDetailApply of cancelOrder: 1–6 お客様都合, 8/10/13–15 店舗都合. */
export const shopCancelReasons = [1, 2, 3, 4, 5, 6, 8, 10, 13, 14, 15] as const;
/** What the mall itself may record (16 受取情報入力期限切れ comes from Rakuten only). */
export const mallCancelReasons = [...shopCancelReasons, 16] as const;

/** changeReason of a ChangeReasonModel: 1 お客様都合 for reasons 1–6, else 0 店舗様都合. */
export const changeReasonOf = (reasonDetail: number): 0 | 1 => (reasonDetail <= 6 ? 1 : 0);

/** 置き配場所 as getOrder v9+ names them. */
export const dropOffLocations = [
  "宅配ボックス",
  "玄関前",
  "玄関前鍵付容器",
  "ポスト（郵便受箱）",
  "メーターボックス",
  "物置",
  "車庫",
] as const;

/** shippingTerm: 0 none, 1 午前, 2 午後, 9 その他, or h1h2 (e.g. 1416 = 14–16時, 708 = 7–8時). */
export function isShippingTerm(term: number): boolean {
  if (term === 0 || term === 1 || term === 2 || term === 9) return true;
  const from = Math.floor(term / 100);
  const to = term % 100;
  return Number.isInteger(term) && term >= 100 && from < to && to <= 24;
}

export function shippingTermLabel(term: number | null): string {
  if (term === null || term === 0) return "";
  if (term === 1) return "午前中";
  if (term === 2) return "午後";
  if (term === 9) return "その他";
  return `${Math.floor(term / 100)}:00～${term % 100}:00`;
}

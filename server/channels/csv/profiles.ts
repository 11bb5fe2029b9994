import { CSV_ORDER_FIELD_NAMES, CSV_ORDER_FIELDS, type CsvOrderProfile } from "./fields.ts";

/**
 * Juchu's own template: one line per item, the header is the fields' Japanese labels. Downloadable
 * from the upload screen, so a merchant with any other cart can fill it in from a spreadsheet.
 */
export const JUCHU_TEMPLATE_PROFILE: CsvOrderProfile = {
  id: "juchu",
  name: "Juchu標準テンプレート",
  builtIn: true,
  encoding: "auto",
  headerRow: true,
  dateFormat: "yyyy/MM/dd HH:mm:ss",
  columns: Object.fromEntries(CSV_ORDER_FIELD_NAMES.map((f) => [f, [CSV_ORDER_FIELDS[f].label]])),
};

/**
 * futureshop's 受注データ (FutureShop2形式), downloaded from 運用 > 受注管理 > 検索結果をダウンロード
 * after ticking the columns in 受注データ取得項目設定: Shift_JIS, a header row, one line per item with
 * the order's columns repeated. The names below are those of that settings page; columns are found by
 * name, so their order and any extra ticked column do not matter. 住所1+住所2 are the street address,
 * 住所3 the building. Assumed, not confirmed against a real export: the ship-to phone column's name
 * (お届け先電話番号) and that 入金フラグ reads 入金済 / 1 when paid.
 */
export const FUTURESHOP_PROFILE: CsvOrderProfile = {
  id: "futureshop",
  name: "futureshop 受注データ",
  builtIn: true,
  encoding: "auto",
  headerRow: true,
  dateFormat: "yyyy/MM/dd HH:mm:ss",
  columns: {
    orderNumber: ["受注コード"],
    orderedAt: ["注文日時"],
    buyerName: ["氏名(姓)", "氏名(名)"],
    buyerEmail: ["メールアドレス"],
    buyerPhone: ["電話番号(メイン)"],
    shipToName: ["お届け先氏名(姓)", "お届け先氏名(名)"],
    shipToPostalCode: ["お届け先郵便番号"],
    shipToPrefecture: ["お届け先都道府県区分"],
    shipToAddress1: ["お届け先住所1", "お届け先住所2"],
    shipToAddress2: ["お届け先住所3"],
    shipToPhone: ["お届け先電話番号"],
    paymentMethod: ["決済方法"],
    paid: ["入金フラグ"],
    shippingFee: ["送料"],
    remarks: ["通信欄"],
    itemCode: ["商品番号"],
    skuCode: ["枝番号"],
    itemName: ["商品名"],
    unitPrice: ["販売単価"],
    quantity: ["購入数量"],
  },
};

export const BUILT_IN_PROFILES: readonly CsvOrderProfile[] = [JUCHU_TEMPLATE_PROFILE, FUTURESHOP_PROFILE];

export function builtInProfile(id: string): CsvOrderProfile | undefined {
  return BUILT_IN_PROFILES.find((p) => p.id === id);
}

/** The template file's first line (UTF-8 with a BOM, so Excel opens it in Japanese). */
export function juchuTemplateCsv(): string {
  const header = CSV_ORDER_FIELD_NAMES.map((f) => CSV_ORDER_FIELDS[f].label).join(",");
  const example = [
    "1001",
    "2026/12/01 10:00:00",
    "山田 太郎",
    "taro@example.com",
    "03-1234-5678",
    "山田 太郎",
    "100-0001",
    "東京都",
    "千代田区千代田1-1",
    "",
    "03-1234-5678",
    "クレジットカード",
    "1",
    "600",
    "",
    "ITEM-001",
    "",
    "サンプル商品",
    "1200",
    "2",
  ].join(",");
  return `\uFEFF${header}\r\n${example}\r\n`;
}

import { SHIPPING_SERVICE_LABELS, type ShippingService } from "#server/domain/shipping-service.ts";
import {
  cashOnDeliveryTax,
  collectAmount,
  fieldChecker,
  type Limit,
  layoutRow,
  slotCode,
  spread,
  streetAddress,
} from "../fields.ts";
import type { CarrierCsvProblem, CarrierLayout, CarrierSlip } from "../slip.ts";

/**
 * ゆうパックプリントR 標準フォーマット (発送予定データ), 100 columns by position — the layout ゆうプリR
 * imports without a フィルタ of the merchant's own. Several independent exporters agree on every
 * position Juchu fills (1–71 word for word; 複数個口数 72, 記事名１ 73, 代引金額 99); a longer 118-column
 * variant adds a column at 72 and per-item 明細 columns and is not written here. Widths are CP932 bytes
 * (full-width 2, half-width 1); a long address is cut by bytes into 住所1–3, as ゆうプリR's own
 * exporters do ("バイト区切りで次の項目に出力"). The 品名 printed on the label is 記事名１.
 */
// biome-ignore format: grouped as in the carrier's manual, not one column a line
export const YUPRI_HEADER = [
  "お客様側管理番号", "発送予定日", "発送予定時間区分", "出荷期限日", "到着期限日", "郵便種別", "保冷種別",
  "元/着払/代引", "書留/セキュリティ/特定記録種別", "配達時間帯指定郵便種別", "送り状種別", "お届け先コード",
  "お届け先郵便番号", "お届け先住所1", "お届け先住所2", "お届け先住所3", "お届け先名称1", "お届け先名称2",
  "お届け先敬称区分", "お届け先電話番号", "お届け先メールアドレス1", "お届け先局留め区分", "お届け先局留め郵便局名",
  "お届け先局留めメール使用区分", "お届け先局留め郵便番号", "お届け先配達予告メール使用区分",
  "お届け先再配達予告メール使用区分", "ご依頼主コード", "ご依頼主集荷先と同一区分", "ご依頼主郵便番号",
  "ご依頼主住所1", "ご依頼主住所2", "ご依頼主住所3", "ご依頼主名称1", "ご依頼主名称2", "ご依頼主敬称",
  "ご依頼主電話番号", "ご依頼主メールアドレス1", "ご依頼主荷送人指図区分", "ご依頼主お届け通知メール使用区分",
  "ご依頼主お届け通知はがき使用区分", "集荷先コード", "集荷先連携可否区分", "集荷先会社コード",
  "集荷先依頼先店所コード", "集荷先郵便番号", "集荷先住所1", "集荷先住所2", "集荷先住所3", "集荷先名称1",
  "集荷先名称2", "集荷先敬称", "集荷先電話番号", "受注番号", "こわれもの区分", "なまもの区分", "ビン類区分",
  "逆さま厳禁区分", "下積み厳禁区分", "商品サイズ区分", "重量合計(g)", "25kg超重量物区分", "損害要償額",
  "速達・配達日指定種別", "配達指定日/希望日", "配達時間帯区分", "差出方法区分", "ゆうパック複数個割引",
  "ゆうパック同一割引", "セット商品コード", "セット品名ラベル印字区分", "複数個口数", "記事名1", "記事名2",
  "フリー項目01", "フリー項目02", "フリー項目03", "フリー項目04", "フリー項目05", "フリー項目06", "フリー項目07",
  "フリー項目08", "フリー項目09", "フリー項目10", "空港利用区分", "空港・局/支店名", "航空会社名", "利用便名",
  "レジャー区分", "プレー・搭乗日", "プレー・搭乗時間", "クラブ本数", "復路集貨日", "出荷先登録名", "集荷希望区分",
  "集荷日付", "集荷時間帯区分", "支店連携先選択用名称", "代引金額", "代引消費税金額",
] as const;

// biome-ignore format: grouped as in the carrier's manual, not one column a line
export const YUPRI_COLUMNS = {
  slipNumber: 1, shipDate: 2, mailType: 6, cool: 7, payment: 8, recipientPostalCode: 13, recipientAddress1: 14,
  recipientName1: 17, recipientPhone: 20, senderPostalCode: 30, senderAddress1: 31, senderName1: 34,
  senderPhone: 37, orderNumber: 54, deliveryDate: 65, timeSlot: 66, itemName: 73, codAmount: 99, codTax: 100,
} as const;

/**
 * 配達時間帯区分: 01 午前中, then the slot's start hour — as one exporter maps them; not confirmed in 日本郵便's
 * own spec, so a merchant using time slots should check the first label.
 */
export const YUPRI_TIME_SLOTS: Readonly<Record<string, string>> = {
  am: "01",
  "12-14": "12",
  "14-16": "14",
  "16-18": "16",
  "18-20": "18",
  "19-21": "19",
};

/** 郵便種別: 0 ゆうパック, 9 ゆうパケット (YUPRI-2014); Japan Post has no コンパクト or タイム here. */
const YUPRI_MAIL_TYPES: Partial<Record<ShippingService, string>> = {
  standard: "0",
  recipient_pays: "0",
  mailbox: "9",
};

/** 保冷種別: 0 保冷なし, 1 チルド, 2 冷凍 — ゆうパック only. */
const YUPRI_COOL = { ambient: "0", chilled: "1", frozen: "2" } as const;

const B50: Limit = { unit: "bytes", max: 50 };

function row(slip: CarrierSlip, _settings: unknown, report: (p: CarrierCsvProblem) => void) {
  const check = fieldChecker(slip.slipNumber, "cp932", report);
  const { out, put } = layoutRow(YUPRI_HEADER, YUPRI_COLUMNS);
  const { recipient: to, sender: from } = slip;
  const cod = slip.cashOnDelivery;

  put("slipNumber", [check.code("お客様側管理番号", slip.slipNumber, 15)]);
  put("shipDate", [check.date("発送予定日", slip.shipDate, "compact", { required: true })]);
  const label = SHIPPING_SERVICE_LABELS[slip.service];
  const mailType = YUPRI_MAIL_TYPES[slip.service];
  if (mailType === undefined)
    check.problem(
      "郵便種別",
      "not_offered",
      `ゆうパックプリントRでは ${label} を出せません`,
      label,
      "service",
    );
  put("mailType", [mailType ?? "0"]);
  if (slip.temperature !== "ambient" && mailType === "9")
    check.problem("保冷種別", "not_offered", "ゆうパケットはチルド・冷凍にできません", label, "service");
  put("cool", [YUPRI_COOL[slip.temperature]]);
  if (cod !== null && slip.service !== "standard")
    check.problem("元/着払/代引", "not_offered", `${label} では代金引換を使えません`, label, "service");
  if (mailType === "9" && slip.deliveryTimeSlot?.trim())
    check.problem(
      "配達時間帯区分",
      "not_offered",
      `ゆうパケットではお届け時間帯「${slip.deliveryTimeSlot}」を指定できません`,
      slip.deliveryTimeSlot,
      "service",
    );
  // 元/着払/代引: 0 元払, 1 着払, 2 代引
  put("payment", [cod !== null ? "2" : slip.service === "recipient_pays" ? "1" : "0"]);
  put("recipientPostalCode", [check.postalCode("お届け先郵便番号", to.postalCode)]);
  put(
    "recipientAddress1",
    spread(check, "お届け先住所1〜3", [streetAddress(to), to.address2], B50, 3, { required: true }),
  );
  put("recipientName1", spread(check, "お届け先名称1〜2", [to.name], B50, 2, { required: true }));
  put("recipientPhone", [check.phone("お届け先電話番号", to.phone, 20)]);
  put("senderPostalCode", [check.postalCode("ご依頼主郵便番号", from.postalCode)]);
  put(
    "senderAddress1",
    spread(check, "ご依頼主住所1〜3", [streetAddress(from), from.address2], B50, 3, { required: true }),
  );
  put("senderName1", spread(check, "ご依頼主名称1〜2", [from.name], B50, 2, { required: true }));
  put("senderPhone", [check.phone("ご依頼主電話番号", from.phone, 20)]);
  put("orderNumber", [check.text("受注番号", slip.orderNumber, B50)]);
  put("itemName", [check.text("記事名1", slip.itemName, B50, { required: true })]);
  put("deliveryDate", [check.date("配達指定日/希望日", slip.deliveryDate, "compact")]);
  if (mailType !== "9")
    put("timeSlot", [slotCode(check, "配達時間帯区分", slip.deliveryTimeSlot, YUPRI_TIME_SLOTS, "日本郵便")]);
  if (cod !== null) {
    put("codAmount", [collectAmount(check, "代引金額", "代引金額", cod, 500_000)]);
    put("codTax", [cashOnDeliveryTax(slip, cod)]);
  }
  return out;
}

export const japanpostYupri: CarrierLayout = {
  header: YUPRI_HEADER,
  slipNumberField: "お客様側管理番号",
  row,
};

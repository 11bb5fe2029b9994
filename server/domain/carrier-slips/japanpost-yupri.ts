import { fieldChecker, type Limit, layoutRow, slotCode, spread, streetAddress } from "./fields.ts";
import type { CarrierCsvProblem, CarrierLayout, CarrierSlip } from "./slip.ts";

/**
 * ゆうパックプリントR 発送予定データ. ゆうプリR reads a CSV through a フィルタ registered in it, so the
 * layout is what the filter says; Juchu follows the 速販 layout (2014 PDF) for columns 1–17 and their
 * byte widths, and places the rest itself (18–33, ⚠ a matching フィルタ must be registered in ゆうプリR).
 * Widths are CP932 bytes (full-width 2, half-width 1); a long address is cut by bytes into 住所1–3,
 * as the 速販 layout does ("バイト区切りで次の項目に出力").
 */
// biome-ignore format: grouped as in the carrier's manual, not one column a line
export const YUPRI_HEADER = [
  "お客様側管理番号", "発送予定日", "発送予定時間区分", "出荷期限日", "到着期限日", "郵便種別", "保冷種別",
  "元/着払/代引", "書留/セキュリティ/特定記録種別", "配達時間帯指定郵便種別", "送り状種別", "お届け先コード",
  "お届け先郵便番号", "お届け先住所1", "お届け先住所2", "お届け先住所3", "お届け先名称1",
  // 18– ⚠ Juchu's own order, read through the フィルタ
  "お届け先名称2", "お届け先敬称", "お届け先電話番号", "お届け先メールアドレス", "ご依頼主郵便番号",
  "ご依頼主住所1", "ご依頼主住所2", "ご依頼主住所3", "ご依頼主名称1", "ご依頼主名称2", "ご依頼主電話番号",
  "品名", "配達希望日", "配達時間帯", "代引金額", "記事",
] as const;

// biome-ignore format: grouped as in the carrier's manual, not one column a line
export const YUPRI_COLUMNS = {
  slipNumber: 1, shipDate: 2, mailType: 6, cool: 7, payment: 8, recipientPostalCode: 13, recipientAddress1: 14,
  recipientName1: 17, recipientPhone: 20, senderPostalCode: 22, senderAddress1: 23, senderName1: 26,
  senderPhone: 28, itemName: 29, deliveryDate: 30, timeSlot: 31, codAmount: 32, note: 33,
} as const;

/** ゆうパック 配達時間帯 (⚠ codes as Juchu's フィルタ maps them: 01 午前中, then the start hour). */
export const YUPRI_TIME_SLOTS: Readonly<Record<string, string>> = {
  am: "01",
  "12-14": "12",
  "14-16": "14",
  "16-18": "16",
  "18-20": "18",
  "19-21": "19",
};

const B50: Limit = { unit: "bytes", max: 50 };

function row(slip: CarrierSlip, _settings: unknown, report: (p: CarrierCsvProblem) => void) {
  const check = fieldChecker(slip.slipNumber, "cp932", report);
  const { out, put } = layoutRow(YUPRI_HEADER, YUPRI_COLUMNS);
  const { recipient: to, sender: from } = slip;
  const cod = slip.cashOnDelivery;

  put("slipNumber", [check.code("お客様側管理番号", slip.slipNumber, 15)]);
  put("shipDate", [check.date("発送予定日", slip.shipDate, "compact", { required: true })]);
  put("mailType", ["0"]); // ゆうパック
  put("cool", ["0"]);
  put("payment", [cod === null ? "0" : "2"]); // 0 元払, 2 代引
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
  put("itemName", [check.text("品名", slip.itemName, B50, { required: true })]);
  put("deliveryDate", [check.date("配達希望日", slip.deliveryDate, "compact")]);
  put("timeSlot", [slotCode(check, "配達時間帯", slip.deliveryTimeSlot, YUPRI_TIME_SLOTS, "日本郵便")]);
  if (cod !== null) {
    if (!Number.isInteger(cod) || cod < 1 || cod > 500_000)
      check.problem("代引金額", "format", "代引金額 は1〜500,000円の整数です", String(cod));
    put("codAmount", [String(cod)]);
  }
  put("note", [check.text("記事", slip.orderNumber, B50)]);
  return out;
}

export const japanpostYupri: CarrierLayout = {
  header: YUPRI_HEADER,
  slipNumberField: "お客様側管理番号",
  row,
};

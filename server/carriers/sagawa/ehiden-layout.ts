import { SHIPPING_SERVICE_LABELS, type ShippingService } from "#server/domain/shipping-service.ts";
import { toFullWidth } from "../charset.ts";
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
 * 佐川 e飛伝II 出荷データ 取込み「標準パターン」, 42 columns. Chosen over e飛伝Pro because the
 * standard pattern is what e飛伝II/III shops import (and what competitors export); the e飛伝Pro layout
 * seen starts differently (ご依頼主コード first). Columns 1–12 and their widths follow the 2016 速販
 * layout PDF; 13–42 as independent exporters of this 42-column pattern write them (not read in Sagawa's
 * own PDF). The newer 72-column layout (お届け先コード取得区分 first) is a different pattern, not written here.
 *
 * Widths are "16文字" of 全半角英数カナ. Juchu widens text to full-width first (as other OMS do), so
 * each character counts one and a half-width digit can never tip a field over the limit at import.
 */
// biome-ignore format: grouped as in the carrier's manual, not one column a line
export const EHIDEN_HEADER = [
  "住所録コード", "お届け先電話番号", "お届け先郵便番号", "お届け先住所１", "お届け先住所２", "お届け先住所３",
  "お届け先名称１", "お届け先名称２", "お客様管理ナンバー", "お客様コード", "部署・担当者", "荷送人電話番号",
  // 13– as independent exporters write them
  "ご依頼主電話番号", "ご依頼主郵便番号", "ご依頼主住所１", "ご依頼主住所２", "ご依頼主名称１", "ご依頼主名称２",
  "荷姿コード", "品名１", "品名２", "品名３", "品名４", "品名５", "出荷個数", "便種（スピードで選択）", "便種（商品）",
  "配達日", "配達指定時間帯", "配達指定時間（時分）", "代引金額", "消費税", "決済種別", "保険金額", "保険金額印字",
  "指定シール①", "指定シール②", "指定シール③", "営業店止め", "ＳＲＣ区分", "営業店コード", "元着区分",
] as const;

// biome-ignore format: grouped as in the carrier's manual, not one column a line
export const EHIDEN_COLUMNS = {
  recipientPhone: 2, recipientPostalCode: 3, recipientAddress1: 4, recipientName1: 7, slipNumber: 9,
  shipperPhone: 12, senderPhone: 13, senderPostalCode: 14, senderAddress1: 15, senderName1: 17, itemName1: 20,
  pieces: 25, coolProduct: 27, deliveryDate: 28, timeSlot: 29, codAmount: 31, codTax: 32, paidBy: 42,
} as const;

/**
 * 配達指定時間帯: 01 午前中, 12/14/16 the start hour, then 04 18–21時 for the standard five slots and
 * 18 and 19 for the optional six (the 42-column layout's own notes; Next Engine's 備考欄変換 lists the same).
 */
export const EHIDEN_TIME_SLOTS: Readonly<Record<string, string>> = {
  am: "01",
  "12-14": "12",
  "14-16": "14",
  "16-18": "16",
  "18-21": "04",
  "18-20": "18",
  "19-21": "19",
};

/** 便種（商品）: 001 指定なし, 002 飛脚クール便（冷蔵）, 003 飛脚クール便（冷凍）; blank is 指定なし. */
const EHIDEN_COOL = { ambient: "", chilled: "002", frozen: "003" } as const;

/** The services e飛伝's standard pattern prints: 飛脚宅配便, paid by the shop (元払) or the buyer (着払). */
const EHIDEN_SERVICES: readonly ShippingService[] = ["standard", "recipient_pays"];

const W16: Limit = { unit: "chars", max: 16 };

function row(slip: CarrierSlip, _settings: unknown, report: (p: CarrierCsvProblem) => void) {
  const check = fieldChecker(slip.slipNumber, "cp932", report);
  const { out, put } = layoutRow(EHIDEN_HEADER, EHIDEN_COLUMNS);
  const wide = (s: string | undefined) => (s === undefined ? undefined : toFullWidth(s));
  const { recipient: to, sender: from } = slip;

  put("recipientPhone", [check.phone("お届け先電話番号", to.phone, 14)]);
  put("recipientPostalCode", [check.postalCode("お届け先郵便番号", to.postalCode)]);
  put(
    "recipientAddress1",
    spread(check, "お届け先住所１〜３", [wide(streetAddress(to)), wide(to.address2)], W16, 3, {
      required: true,
    }),
  );
  put("recipientName1", spread(check, "お届け先名称１〜２", [wide(to.name)], W16, 2, { required: true }));
  put("slipNumber", [check.code("お客様管理ナンバー", slip.slipNumber, 16)]);
  const shopPhone = check.phone("ご依頼主電話番号", from.phone, 14);
  put("shipperPhone", [shopPhone]);
  put("senderPhone", [shopPhone]);
  put("senderPostalCode", [check.postalCode("ご依頼主郵便番号", from.postalCode)]);
  put(
    "senderAddress1",
    spread(check, "ご依頼主住所１〜２", [wide(streetAddress(from)), wide(from.address2)], W16, 2, {
      required: true,
    }),
  );
  put("senderName1", spread(check, "ご依頼主名称１〜２", [wide(from.name)], W16, 2, { required: true }));
  put("itemName1", spread(check, "品名１〜５", [wide(slip.itemName)], W16, 5, { required: true }));
  put("pieces", ["1"]);
  put("deliveryDate", [check.date("配達日", slip.deliveryDate, "compact")]);
  put("timeSlot", [slotCode(check, "配達指定時間帯", slip.deliveryTimeSlot, EHIDEN_TIME_SLOTS, "佐川急便")]);
  const cod = slip.cashOnDelivery;
  if (cod !== null) {
    put("codAmount", [collectAmount(check, "代引金額", "代引金額", cod, 300_000)]);
    put("codTax", [cashOnDeliveryTax(slip, cod)]);
  }
  const label = SHIPPING_SERVICE_LABELS[slip.service];
  if (!EHIDEN_SERVICES.includes(slip.service))
    check.problem(
      "便種（スピードで選択）",
      "not_offered",
      `佐川急便 e飛伝では ${label} を出せません`,
      label,
      "service",
    );
  if (slip.service === "recipient_pays" && cod !== null)
    check.problem("元着区分", "not_offered", "着払いでは代金引換を使えません", label, "service");
  put("coolProduct", [EHIDEN_COOL[slip.temperature]]);
  // 元着区分: 1 元払 (the shop pays the freight), 2 着払
  put("paidBy", [slip.service === "recipient_pays" ? "2" : "1"]);
  return out;
}

export const sagawaEhiden: CarrierLayout = {
  header: EHIDEN_HEADER,
  slipNumberField: "お客様管理ナンバー",
  row,
};

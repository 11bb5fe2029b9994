import {
  SHIPPING_SERVICE_LABELS,
  type ShippingService,
  TEMPERATURE_LABELS,
} from "#server/domain/shipping-service.ts";
import {
  cashOnDeliveryTax,
  collectAmount,
  type FieldChecker,
  fieldChecker,
  layoutRow,
  slotCode,
  streetAddress,
} from "../fields.ts";
import type { CarrierCsvProblem, CarrierCsvSettings, CarrierLayout, CarrierSlip } from "../slip.ts";

/**
 * B2クラウド 送り状発行データ (入出力用), 95 columns, imported by position from row 2 ("取込み開始行 2").
 * Columns 1–42 follow Yamato's layout PDF (new_exchange1.pdf: 1–7 seen in the official excerpt, the rest
 * as the labocho/yamato_b2_cloud gem places them); 43–95 are the names and positions that several
 * independent B2 exporters agree on (not read in Yamato's PDF itself). Newer layouts append 連携管理番号
 * and 通知メールアドレス (96–97), which B2 does not require. Juchu fills only the columns below.
 */
// biome-ignore format: grouped as in the carrier's manual, not one column a line
export const B2_HEADER = [
  "お客様管理番号", "送り状種類", "クール区分", "伝票番号", "出荷予定日", "お届け予定（指定）日", "配達時間帯",
  "お届け先コード", "お届け先電話番号", "お届け先電話番号枝番", "お届け先郵便番号", "お届け先住所",
  "お届け先アパートマンション名", "お届け先会社・部門１", "お届け先会社・部門２", "お届け先名", "お届け先名(ｶﾅ)",
  "敬称", "ご依頼主コード", "ご依頼主電話番号", "ご依頼主電話番号枝番", "ご依頼主郵便番号", "ご依頼主住所",
  "ご依頼主アパートマンション", "ご依頼主名", "ご依頼主名(ｶﾅ)", "品名コード１", "品名１", "品名コード２", "品名２",
  "荷扱い１", "荷扱い２", "記事", "ｺﾚｸﾄ代金引換額（税込)", "内消費税額等", "止置き", "営業所コード", "発行枚数",
  "個数口表示フラグ", "請求先顧客コード", "請求先分類コード", "運賃管理番号",
  // 43– as independent exporters write them
  "クロネコwebコレクトデータ登録", "クロネコwebコレクト加盟店番号", "クロネコwebコレクト申込受付番号１",
  "クロネコwebコレクト申込受付番号２", "クロネコwebコレクト申込受付番号３", "お届け予定ｅメール利用区分",
  "お届け予定ｅメールe-mailアドレス", "入力機種", "お届け予定ｅメールメッセージ", "お届け完了ｅメール利用区分",
  "お届け完了ｅメールe-mailアドレス", "お届け完了ｅメールメッセージ", "クロネコ収納代行利用区分", "収納代行決済ＱＲコード印刷",
  "収納代行請求金額(税込)", "収納代行内消費税額等", "収納代行請求先郵便番号", "収納代行請求先住所",
  "収納代行請求先住所（アパートマンション名）", "収納代行請求先会社・部門名１", "収納代行請求先会社・部門名２",
  "収納代行請求先名(漢字)", "収納代行請求先名(カナ)", "収納代行問合せ先名(漢字)", "収納代行問合せ先郵便番号",
  "収納代行問合せ先住所", "収納代行問合せ先住所（アパートマンション名）", "収納代行問合せ先電話番号",
  "収納代行管理番号", "収納代行品名", "収納代行備考", "複数口くくりキー",
  "検索キータイトル1", "検索キー1", "検索キータイトル2", "検索キー2", "検索キータイトル3", "検索キー3",
  "検索キータイトル4", "検索キー4", "検索キータイトル5", "検索キー5", "予備", "予備",
  "投函予定メール利用区分", "投函予定メールe-mailアドレス", "投函予定メールメッセージ",
  "投函完了メール（お届け先宛）利用区分", "投函完了メール（お届け先宛）e-mailアドレス",
  "投函完了メール（お届け先宛）メールメッセージ", "投函完了メール（ご依頼主宛）利用区分",
  "投函完了メール（ご依頼主宛）e-mailアドレス", "投函完了メール（ご依頼主宛）メールメッセージ",
] as const;

/** 1-based positions Juchu writes, named so tests and readers can see the layout. */
// biome-ignore format: grouped as in the carrier's manual, not one column a line
export const B2_COLUMNS = {
  slipNumber: 1, slipType: 2, cool: 3, shipDate: 5, deliveryDate: 6, timeSlot: 7,
  recipientPhone: 9, recipientPostalCode: 11, recipientAddress: 12, recipientBuilding: 13, recipientName: 16,
  senderPhone: 20, senderPostalCode: 22, senderAddress: 23, senderBuilding: 24, senderName: 25,
  itemName: 28, note: 33, collectAmount: 34, collectTax: 35, billingCustomerCode: 40, freightNumber: 42,
} as const;

/** 配達時間帯 codes since June 2017, when Yamato dropped 12–14 and moved 20–21 to 19–21. */
export const B2_TIME_SLOTS: Readonly<Record<string, string>> = {
  am: "0812",
  "14-16": "1416",
  "16-18": "1618",
  "18-20": "1820",
  "19-21": "1921",
};

/**
 * 送り状種類 per service, and with 代引 (B2-LAYOUT: 0 発払, 2 コレクト, 4 タイム, 5 着払, 7 ネコポス,
 * 8 宅急便コンパクト, 9 宅急便コンパクトコレクト); null where Yamato has no such slip.
 */
const B2_SLIP_TYPES: Readonly<Record<ShippingService, { paid: string; collect: string | null }>> = {
  standard: { paid: "0", collect: "2" },
  compact: { paid: "8", collect: "9" },
  mailbox: { paid: "7", collect: null },
  time_10: { paid: "4", collect: null },
  time_17: { paid: "4", collect: null },
  recipient_pays: { paid: "5", collect: null },
};

/** タイム's time goes in 配達時間帯 in place of a slot. */
const B2_TIME_SERVICE: Partial<Record<ShippingService, string>> = { time_10: "0010", time_17: "0017" };

/** クール区分: 0 通常, 1 冷凍, 2 冷蔵 — only on 発払, コレクト and 着払 slips. */
const B2_COOL = { ambient: "0", frozen: "1", chilled: "2" } as const;
const COOL_SERVICES: readonly ShippingService[] = ["standard", "recipient_pays"];

/** B2 refuses a コレクト above 30万円. */
const COLLECT_MAX = 300_000;

function settingsProblems(settings: CarrierCsvSettings): CarrierCsvProblem[] {
  const problems: CarrierCsvProblem[] = [];
  const code = settings.yamatoBillingCustomerCode?.trim() ?? "";
  if (code === "")
    problems.push({
      slipNumber: null,
      field: "請求先顧客コード",
      rule: "required",
      message: "請求先顧客コード は必須です(倉庫設定でB2クラウドの請求先顧客コードを登録してください)",
      value: code,
      fixedIn: "warehouse",
    });
  else if (!/^\d{10,12}$/.test(code))
    problems.push({
      slipNumber: null,
      field: "請求先顧客コード",
      rule: "format",
      message: "請求先顧客コード はハイフンなしの数字10〜12桁です(倉庫設定で直してください)",
      value: code,
      fixedIn: "warehouse",
    });
  const freight = settings.yamatoFreightNumber?.trim() ?? "01";
  if (!/^\d{2}$/.test(freight))
    problems.push({
      slipNumber: null,
      field: "運賃管理番号",
      rule: "format",
      message: "運賃管理番号 は数字2桁です(通常は 01。倉庫設定で直してください)",
      value: freight,
      fixedIn: "warehouse",
    });
  return problems;
}

function row(slip: CarrierSlip, settings: CarrierCsvSettings, report: (p: CarrierCsvProblem) => void) {
  const check = fieldChecker(slip.slipNumber, "jis0208", report);
  const { out, put } = layoutRow(B2_HEADER, B2_COLUMNS);
  const set = (column: keyof typeof B2_COLUMNS, value: string) => put(column, [value]);
  const z = (max: number) => ({ unit: "zenkaku", max }) as const;
  const { recipient: to, sender: from } = slip;

  set("slipNumber", check.code("お客様管理番号", slip.slipNumber, 20));
  const cod = slip.cashOnDelivery;
  set("slipType", slipType(check, slip));
  set("cool", cool(check, slip));
  set("shipDate", check.date("出荷予定日", slip.shipDate, "slash", { required: true }));
  set("deliveryDate", check.date("お届け予定（指定）日", slip.deliveryDate, "slash"));
  set("timeSlot", timeSlot(check, slip));
  set("recipientPhone", check.phone("お届け先電話番号", to.phone, 15));
  set("recipientPostalCode", check.postalCode("お届け先郵便番号", to.postalCode));
  set("recipientAddress", check.text("お届け先住所", streetAddress(to), z(32), { required: true }));
  set("recipientBuilding", check.text("お届け先アパートマンション名", to.address2, z(16)));
  set("recipientName", check.text("お届け先名", to.name, z(16), { required: true }));
  set("senderPhone", check.phone("ご依頼主電話番号", from.phone, 15));
  set("senderPostalCode", check.postalCode("ご依頼主郵便番号", from.postalCode));
  set("senderAddress", check.text("ご依頼主住所", streetAddress(from), z(32), { required: true }));
  set("senderBuilding", check.text("ご依頼主アパートマンション", from.address2, z(16)));
  set("senderName", check.text("ご依頼主名", from.name, z(16), { required: true }));
  set("itemName", check.text("品名１", slip.itemName, z(25), { required: true }));
  set("note", check.text("記事", slip.orderNumber, z(22)));
  if (cod !== null) {
    set("collectAmount", collectAmount(check, "ｺﾚｸﾄ代金引換額（税込)", "ｺﾚｸﾄ代金引換額", cod, COLLECT_MAX));
    set("collectTax", cashOnDeliveryTax(slip, cod));
  }
  set("billingCustomerCode", settings.yamatoBillingCustomerCode?.trim() ?? "");
  set("freightNumber", settings.yamatoFreightNumber?.trim() ?? "01");
  return out;
}

function slipType(check: FieldChecker, slip: CarrierSlip): string {
  const types = B2_SLIP_TYPES[slip.service];
  if (slip.cashOnDelivery === null) return types.paid;
  if (types.collect !== null) return types.collect;
  const label = SHIPPING_SERVICE_LABELS[slip.service];
  check.problem("送り状種類", "not_offered", `${label} では代金引換(コレクト)を使えません`, label, "service");
  return types.paid;
}

function cool(check: FieldChecker, slip: CarrierSlip): string {
  if (slip.temperature !== "ambient" && !COOL_SERVICES.includes(slip.service)) {
    const label = SHIPPING_SERVICE_LABELS[slip.service];
    const message = `クール便(${TEMPERATURE_LABELS[slip.temperature]})は宅配便(発払い・コレクト)と着払いだけです(${label} では使えません)`;
    check.problem("クール区分", "not_offered", message, label, "service");
  }
  return B2_COOL[slip.temperature];
}

function timeSlot(check: FieldChecker, slip: CarrierSlip): string {
  const wish = slip.deliveryTimeSlot?.trim() || null;
  const label = SHIPPING_SERVICE_LABELS[slip.service];
  const time = B2_TIME_SERVICE[slip.service];
  if (wish !== null && (time !== undefined || slip.service === "mailbox")) {
    check.problem(
      "配達時間帯",
      "not_offered",
      `${label} ではお届け時間帯「${wish}」を指定できません`,
      wish,
      "service",
    );
    return time ?? "";
  }
  return time ?? slotCode(check, "配達時間帯", wish, B2_TIME_SLOTS, "ヤマト運輸");
}

export const yamatoB2: CarrierLayout = {
  header: B2_HEADER,
  slipNumberField: "お客様管理番号",
  row,
  settingsProblems,
};

import type { ShipTo } from "#server/domain/address.ts";
import { Refusal } from "#server/domain/refusal.ts";

/** One label to print: a shipment leaving the merchant's own stock room. */
export type CarrierSlip = {
  /** お客様管理番号: Juchu's shipment number, what the carrier's export hands back with the tracking number. */
  slipNumber: string;
  /** YYYY-MM-DD */
  shipDate: string;
  /** YYYY-MM-DD, or null when the buyer asked for none */
  deliveryDate: string | null;
  /** As Juchu stores it (delivery-wish.ts): "午前中", "14:00-16:00", … or null */
  deliveryTimeSlot: string | null;
  recipient: ShipTo;
  /** ご依頼主: the shop, by its display name */
  sender: SlipSender;
  /** 品名 */
  itemName: string;
  /** 代金引換 amount in yen (tax included), or null when paid already */
  cashOnDelivery: number | null;
  /** The consumption tax inside cashOnDelivery; B2 prints it on the コレクト slip. Default: 10% of it. */
  cashOnDeliveryTax?: number | null | undefined;
  orderNumber: string;
};

export type SlipSender = {
  name: string;
  postalCode: string;
  prefecture: string;
  address1: string;
  address2?: string | undefined;
  phone: string;
};

export const CARRIER_CSV_FORMATS = {
  yamato_b2: { carrier: "yamato", label: "ヤマト運輸 B2クラウド(送り状発行データ)" },
  sagawa_ehiden: { carrier: "sagawa", label: "佐川急便 e飛伝II(標準パターン)" },
  japanpost_yupri: { carrier: "japanpost", label: "日本郵便 ゆうパックプリントR" },
} as const;

export type CarrierCsvFormat = keyof typeof CARRIER_CSV_FORMATS;

export type CarrierCsvSettings = {
  /** B2 請求先顧客コード: 10–12 digits (the contract phone number plus branch), required for B2 */
  yamatoBillingCustomerCode?: string | undefined;
  /** B2 運賃管理番号: 2 digits; "01" when not set, the value almost every contract uses */
  yamatoFreightNumber?: string | undefined;
};

export type CarrierCsvProblem = {
  /** null for a problem with the merchant's settings, which every slip shares */
  slipNumber: string | null;
  /** The carrier's own column name, as the merchant sees it in the carrier's manual */
  field: string;
  rule: "max_length" | "required" | "unencodable_character" | "format";
  message: string;
  value: string;
};

/** Every problem of a batch at once, so the merchant fixes them in one go rather than one per try. */
export class CarrierCsvRefusal extends Refusal {
  readonly problems: readonly CarrierCsvProblem[];

  constructor(problems: readonly CarrierCsvProblem[]) {
    super("carrier_csv.invalid_fields", `送り状データに直すべき項目が ${problems.length} 件あります。`, {
      errors: problems.map((p) => ({ path: `${p.slipNumber ?? "設定"}.${p.field}`, message: p.message })),
    });
    this.problems = problems;
  }
}

export type CarrierCsv = { header: string[]; rows: string[][] };

/** A carrier's layout: its header row, and how one slip becomes one row (problems go to the sink). */
export type CarrierLayout = {
  header: readonly string[];
  /** The carrier's name for the お客様管理番号 column, for problems about the number itself */
  slipNumberField: string;
  row: (slip: CarrierSlip, settings: CarrierCsvSettings, report: (p: CarrierCsvProblem) => void) => string[];
  /** Problems with the settings alone, reported once per file. */
  settingsProblems?: (settings: CarrierCsvSettings) => CarrierCsvProblem[];
};

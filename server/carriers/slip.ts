import type { ShipTo } from "#server/domain/address.ts";
import { Refusal } from "#server/domain/refusal.ts";
import type { ShippingService, Temperature } from "#server/domain/shipping-service.ts";

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
  /** 宅配便, コンパクト, ポスト投函, タイム, 着払い (domain/shipping-service.ts) */
  service: ShippingService;
  /** 常温, 冷蔵 (クール冷蔵・チルド) or 冷凍 */
  temperature: Temperature;
  /** 代金引換 amount in yen (tax included), or null when this parcel collects nothing */
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

/** A slip format's code, as a carrier's folder registers it (registry.ts): "yamato_b2", … */
export type CarrierCsvFormat = string;

export type CarrierCsvSettings = {
  /** B2 請求先顧客コード: 10–12 digits (the contract phone number plus branch), required for B2 */
  yamatoBillingCustomerCode?: string | undefined;
  /** B2 運賃管理番号: 2 digits; "01" when not set, the value almost every contract uses */
  yamatoFreightNumber?: string | undefined;
};

/**
 * Where the merchant fixes a problem: the order's own data (ship-to, delivery wish, items, amount),
 * the stock room's 倉庫設定 (ご依頼主, B2 codes), the shop's name (ご依頼主名) or the parcel's service and
 * temperature (the products' defaults, or the shipment's own service).
 */
export type FixedIn = "order" | "warehouse" | "shop" | "service";

export type CarrierCsvProblem = {
  /** null for a problem with the merchant's settings, which every slip shares */
  slipNumber: string | null;
  /** The carrier's own column name, as the merchant sees it in the carrier's manual */
  field: string;
  rule: "max_length" | "required" | "unencodable_character" | "format" | "not_offered";
  message: string;
  value: string;
  fixedIn: FixedIn;
};

/** ご依頼主名 is the shop's display name; the rest of ご依頼主 is the stock room's; the rest is the order's. */
export function fixedInOf(field: string): FixedIn {
  if (field.startsWith("ご依頼主名")) return "shop";
  if (field.startsWith("ご依頼主") || field.startsWith("荷送人")) return "warehouse";
  return "order";
}

const SETTING_PATHS: Readonly<Record<string, string>> = {
  請求先顧客コード: "settings.yamatoBillingCustomerCode",
  運賃管理番号: "settings.yamatoFreightNumber",
};

/**
 * Problems with the settings every slip shares: no slip of the file could be printed, so the whole
 * file is refused, naming the 倉庫設定 fields.
 */
export class CarrierCsvRefusal extends Refusal {
  readonly problems: readonly CarrierCsvProblem[];

  constructor(problems: readonly CarrierCsvProblem[]) {
    super(
      "carrier_csv.invalid_settings",
      `倉庫設定に直すべき項目が ${problems.length} 件あります。直すまで送り状データは作れません。`,
      { errors: problems.map((p) => ({ path: SETTING_PATHS[p.field] ?? p.field, message: p.message })) },
    );
    this.problems = problems;
  }
}

/** A slip that could not go in the file, with every problem found on it. */
export type LeftOutSlip = { slipNumber: string; problems: CarrierCsvProblem[] };

/** The file's rows (the good slips, in order) and the slips left out of it. */
export type CarrierCsv = { header: string[]; rows: string[][]; included: string[]; leftOut: LeftOutSlip[] };

/** A carrier's layout: its header row, and how one slip becomes one row (problems go to the sink). */
export type CarrierLayout = {
  header: readonly string[];
  /** The carrier's name for the お客様管理番号 column, for problems about the number itself */
  slipNumberField: string;
  row: (slip: CarrierSlip, settings: CarrierCsvSettings, report: (p: CarrierCsvProblem) => void) => string[];
  /** Problems with the settings alone, reported once per file. */
  settingsProblems?: (settings: CarrierCsvSettings) => CarrierCsvProblem[];
};

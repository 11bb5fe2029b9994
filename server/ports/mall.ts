/**
 * What a channel's orders look like once its adapter has read them, and what Juchu reports back
 * (ports/channel.ts holds the ports themselves). Adapters turn the channel's own format into these
 * shapes; nothing channel-specific leaves them. Comments name the first mall's fields as examples.
 */

import type { ShipTo } from "#server/domain/address.ts";
import type { Carrier } from "#server/domain/carrier.ts";
import type { ChosenOption } from "#server/domain/option-amounts.ts";
import type { ColdTemperature, ShippingService } from "#server/domain/shipping-service.ts";
import type { UnknownMallValue } from "#server/domain/unknown-mall-values.ts";
import type { WarehouseKind } from "./warehouse.ts";

/** 住所・氏名 as every mall gives them, normalised to one shape. */
export type MallAddress = ShipTo & { nameKana?: string | undefined };

export type MallOrderItem = {
  /** The mall's item code a product mapping matches (Rakuten: manageNumber, else itemNumber). */
  mallItemCode: string;
  /** The number the buyer and the shop's pages show (Rakuten 商品番号 itemNumber), when the mall has one. */
  mallItemNumber?: string | undefined;
  /**
   * The SKU part of the match: Rakuten's merchantDefinedSkuId, else the variation text (skuInfo in the
   * SKU era, selectedChoice before it); '' when none.
   */
  mallSkuCode: string;
  /** The mall's own id of the SKU, which its stock API addresses (Rakuten variantId, SKU管理番号). */
  mallVariantId?: string | undefined;
  name: string;
  /** What the buyer chose, as the mall shows it (項目・選択肢), each line once; '' when none. */
  selectedChoice: string;
  /** Tax-included unit price in yen, as the mall bills it (without the options' surcharges, see optionAmount). */
  unitPrice: number;
  /**
   * The options that may carry a surcharge (項目選択肢; not the SKU's variation), each with the amount
   * the mall's words give or null; the shop's オプション金額表 fills the rest at import.
   */
  options: ChosenOption[];
  /** オプション金額 per unit from the mall's words alone (Σ of the options' known amounts), apart from unitPrice. */
  optionAmount: number;
  quantity: number;
  /** The mall's id of this line (Rakuten itemDetailId), kept for later edits and reports. */
  mallLineId?: string | undefined;
};

/** コンビニ・郵便局・ロッカー受取: the place the buyer collects the parcel from. */
export type MallPickupPoint = {
  /** The chain or service (ファミリーマート, 郵便局 …). */
  kind: string;
  /** The mall's code of the store, for support. */
  storeCode: string;
  name: string;
  postalCode: string;
  prefecture: string;
  address: string;
};

/** The carrier the buyer chose at checkout, in the mall's code and words; carrier null when Juchu has none for it. */
export type MallChosenCarrier = { mallCode: string; label: string; carrier: Carrier | null };

/** One ship-to of an order (Rakuten: a PackageModel / 送付先, keyed by basketId). */
export type MallPackage = {
  mallPackageId: string;
  /** Where the parcel goes: the pickup point's address when there is one, never the buyer's home then. */
  shipTo: MallAddress;
  pickupPoint: MallPickupPoint | null;
  /** 置き配: where the buyer lets the parcel be left without a signature; null when not asked for. */
  dropOffLocation: string | null;
  /** 熨斗 (のし) the buyer asked for on this parcel. */
  noshi: string | null;
  /** クール便: null = 常温. */
  temperature: ColdTemperature | null;
  /** 離島・一部地域 (extra postage, fewer carriers). */
  remoteIsland: boolean;
  chosenCarrier: MallChosenCarrier | null;
  /** The recipient has not given their address yet (gift sent by e-mail/SNS): shipTo is the mall's placeholder. */
  addressPending: boolean;
  items: MallOrderItem[];
  /** Yen, or null while the mall says it is not determined yet (Rakuten's -9999, 送料未確定). */
  shippingFee: number | null;
  /** What the mall has already recorded as shipped for this package (発送情報). */
  shippings: {
    mallShippingId: string;
    carrierCode: string;
    trackingNumber: string;
    shippedOn: string | null;
  }[];
};

export type MallOrderStatus = {
  /** The mall's own code, as a string (Rakuten orderProgress "100" … "900"). */
  code: string;
  label: string;
  /** The mall has cancelled the order or is cancelling it (Rakuten 800 キャンセル確定待ち, 900 キャンセル確定). */
  cancelled: boolean;
};

/** An order as the mall has it now: what import creates a Juchu order from, or updates it with. */
export type MallOrder = {
  mallOrderNumber: string;
  mallStatus: MallOrderStatus;
  orderedAt: Date;
  buyer: MallAddress & { email: string };
  /** The e-mail is the mall's relay address (Rakuten あんしんメルアド), not the buyer's own. */
  buyerEmailMasked: boolean;
  /** Juchu's payment method code (domain/payment.ts); the mall's own name is kept beside it. */
  paymentMethod: string;
  paymentMethodLabel: string;
  /** Paid already as far as the mall says (card authorised, 楽天ペイ settled, …). */
  paid: boolean;
  packages: MallPackage[];
  /** The buyer marked the order as a gift (ギフト配送). */
  gift: boolean;
  /** ラッピング the buyer chose (包装紙, リボン), with the fee of each; a fee is null while undetermined. */
  wrappings: { name: string; fee: number | null }[];
  /** Σ unit price × quantity of every item. */
  subtotal: number;
  /** Σ of the packages' shipping fees, or null when any of them is undetermined. */
  shippingFee: number | null;
  /** 代引料 + 決済手数料 + other charges the buyer pays; null when undetermined. */
  fees: number | null;
  /** The parts of fees: 代引手数料, 決済手数料, 後払い手数料, ラッピング料 (each null while undetermined). */
  feeBreakdown: {
    cashOnDelivery: number | null;
    payment: number | null;
    deferredPayment: number | null;
    wrapping: number | null;
  };
  /** Coupons of every source, as a positive amount taken off. */
  couponDiscount: number;
  /** The same split by who pays for them: the shop's own coupons and the mall's. */
  couponDiscounts: { shop: number; mall: number };
  /** What is billed per tax rate (8 % 軽減税率, 10 %), tax included, for the 納品書; [] when the mall gives none. */
  taxSummary: { ratePercent: number; amount: number | null; tax: number | null }[];
  pointsUsed: number;
  /** What the buyer is billed (Rakuten requestPrice), or null while undetermined. */
  billedTotal: number | null;
  remarks: string;
  /** Desired delivery date (YYYY-MM-DD) from the mall's field or the buyer's remarks. */
  desiredDeliveryDate: string | null;
  /** Desired time slot as the buyer reads it (午前中, 14:00-16:00, …). */
  desiredTimeSlot: string | null;
  /** Warnings the mall sent with the order (the read still succeeded): kept on its timeline. */
  mallWarnings?: string[] | undefined;
  /**
   * Values the mall sent that Juchu's vocabulary, or the shop's master of that kind, does not know:
   * kept with the order, which is tagged (未登録のモール値) rather than read on a guess.
   */
  unknownValues?: UnknownMallValue[] | undefined;
  /** The mall's payload version the order was read with, for support. */
  sourceVersion?: number | undefined;
};

export type MallShippingReport = {
  mallOrderNumber: string;
  mallPackageId: string;
  /** Juchu's carrier; the adapter says it in the mall's codes (Rakuten deliveryCompany "1001" …). */
  carrier: Carrier;
  trackingNumber: string;
  shippedOn: string;
  /** The warehouse the parcel left from: a mall codes parcels from its own (Rakuten: RSL) apart. */
  warehouseKind?: WarehouseKind | undefined;
  /** The parcel's 配送サービス: a mall may code a carrier's post-box service apart (Rakuten 1030). */
  shippingService?: ShippingService | undefined;
  /** Given when amending a report the mall already has. */
  mallShippingId?: string | undefined;
};

/** Sellable quantity of one SKU, addressed as the mall's stock API wants it (Rakuten: manageNumber + variantId). */
export type MallStockUpdate = { mallItemCode: string; mallVariantId: string; quantity: number };

/**
 * Whether a failure may pass by itself (a retry can help: 5xx, timeouts, rate limits) or needs a
 * person (bad credentials, a refused request).
 */
export class MallError extends Error {
  readonly retryable: boolean;
  readonly code: string;
  /** The shop's credentials are missing, wrong or expired: nothing works until the merchant fixes them. */
  readonly credentials: boolean;

  constructor(
    code: string,
    message: string,
    options: { retryable: boolean; credentials?: boolean; cause?: unknown },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "MallError";
    this.code = code;
    this.retryable = options.retryable;
    this.credentials = options.credentials ?? false;
  }
}

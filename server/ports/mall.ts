/**
 * A mall (storefront channel) that Juchu imports orders from and reports back to: 楽天市場 over RMS
 * first. Adapters turn the mall's own format into these shapes; nothing mall-specific leaves them.
 */

import type { ShipTo } from "#server/domain/address.ts";
import type { Carrier } from "#server/domain/carrier.ts";

/** 住所・氏名 as every mall gives them, normalised to one shape. */
export type MallAddress = ShipTo & { nameKana?: string | undefined };

export type MallOrderItem = {
  /** The mall's item code a product mapping matches (Rakuten: manageNumber, else itemNumber). */
  mallItemCode: string;
  /**
   * The SKU part of the match: Rakuten's merchantDefinedSkuId, else the variation text (skuInfo in the
   * SKU era, selectedChoice before it); '' when none.
   */
  mallSkuCode: string;
  /** The mall's own id of the SKU, which its stock API addresses (Rakuten variantId, SKU管理番号). */
  mallVariantId?: string | undefined;
  name: string;
  /** What the buyer chose, as the mall shows it (項目・選択肢); '' when none. */
  selectedChoice: string;
  /** Tax-included unit price in yen. */
  unitPrice: number;
  quantity: number;
  /** The mall's id of this line (Rakuten itemDetailId), kept for later edits and reports. */
  mallLineId?: string | undefined;
};

/** One ship-to of an order (Rakuten: a PackageModel / 送付先, keyed by basketId). */
export type MallPackage = {
  mallPackageId: string;
  shipTo: MallAddress;
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
  /** Juchu's payment method code (domain/payment.ts); the mall's own name is kept beside it. */
  paymentMethod: string;
  paymentMethodLabel: string;
  /** Paid already as far as the mall says (card authorised, 楽天ペイ settled, …). */
  paid: boolean;
  packages: MallPackage[];
  /** Σ unit price × quantity of every item. */
  subtotal: number;
  /** Σ of the packages' shipping fees, or null when any of them is undetermined. */
  shippingFee: number | null;
  /** 代引料 + 決済手数料 + other charges the buyer pays; null when undetermined. */
  fees: number | null;
  /** Coupons of every source, as a positive amount taken off. */
  couponDiscount: number;
  pointsUsed: number;
  /** What the buyer is billed (Rakuten requestPrice), or null while undetermined. */
  billedTotal: number | null;
  remarks: string;
  /** Desired delivery date (YYYY-MM-DD) from the mall's field or the buyer's remarks. */
  desiredDeliveryDate: string | null;
  /** Desired time slot as the buyer reads it (午前中, 14:00-16:00, …). */
  desiredTimeSlot: string | null;
  /** The mall's payload version the order was read with, for support. */
  sourceVersion?: number | undefined;
};

/** A window of order dates to search, and what came back. */
export type MallSearchWindow = { from: Date; to: Date };

export type MallShippingReport = {
  mallOrderNumber: string;
  mallPackageId: string;
  /** Juchu's carrier; the adapter says it in the mall's codes (Rakuten deliveryCompany "1001" …). */
  carrier: Carrier;
  trackingNumber: string;
  shippedOn: string;
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

  constructor(code: string, message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "MallError";
    this.code = code;
    this.retryable = options.retryable;
  }
}

export type MallClient = {
  /** Every order number ordered inside the window (all pages). */
  searchOrderNumbers(window: MallSearchWindow): Promise<string[]>;
  /** The orders behind these numbers (any count; the adapter chunks). Unknown numbers are left out. */
  getOrders(mallOrderNumbers: readonly string[]): Promise<MallOrder[]>;
  /** 注文確認: tells the mall the merchant has taken the orders on. */
  confirmOrders(mallOrderNumbers: readonly string[]): Promise<void>;
  cancelOrder(input: { mallOrderNumber: string; reasonCode: string }): Promise<void>;
  reportShipping(report: MallShippingReport): Promise<{ mallShippingId: string }>;
  pushStock(updates: readonly MallStockUpdate[]): Promise<void>;
};

/** What a shop's credentials open: one client per shop. */
export type MallClientFactory = (shop: {
  channel: string;
  credentials: Record<string, string>;
}) => MallClient;

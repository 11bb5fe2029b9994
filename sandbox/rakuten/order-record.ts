import type { SettlementKey } from "./rms-codes.ts";

/**
 * An order as the mall keeps it. Field names follow RakutenPayOrderAPI's OrderModel so that
 * order-model.ts only has to order and gate them by version; instants are Dates (the wire format is
 * chosen when presenting), money is integer yen with -9999 meaning 未確定 like RMS.
 */

export const UNDETERMINED = -9999;

export type Person = {
  zipCode1: string;
  zipCode2: string;
  prefecture: string;
  city: string;
  subAddress: string;
  familyName: string;
  firstName: string;
  familyNameKana: string;
  firstNameKana: string;
  phoneNumber1: string | null;
  phoneNumber2: string | null;
  phoneNumber3: string | null;
};

export type Orderer = Person & {
  emailAddress: string;
  sex: string;
  birthYear: number;
  birthMonth: number;
  birthDay: number;
};

/** 送付先 (ship-to), which RMS calls SenderModel. */
export type Sender = Person & { isolatedIslandFlag: 0 | 1 };

/** null on an item bought before the shop moved to SKUs: its option lives in selectedChoice. */
export type SkuLine = { variantId: string; merchantDefinedSkuId: string | null; skuInfo: string | null };

export type OrderItem = {
  itemDetailId: number;
  itemName: string;
  itemId: number;
  itemNumber: string;
  manageNumber: string;
  price: number;
  units: number;
  includePostageFlag: 0 | 1;
  includeCashOnDeliveryPostageFlag: 0 | 1;
  selectedChoice: string | null;
  pointRate: number;
  inventoryType: 0 | 1 | 2;
  delvdateInfo: string | null;
  taxRate: number;
  sku: SkuLine | null;
};

export type Shipping = {
  shippingDetailId: number;
  shippingNumber: string | null;
  deliveryCompany: string | null;
  shippingDate: string | null;
};

/** DeliveryCvsModel: コンビニ・郵便局・ロッカー受取 — the parcel goes to this store. */
export type Pickup = {
  cvsCode: number;
  storeCode: string;
  storeName: string;
  storeZip: string;
  storePrefecture: string;
  storeAddress: string;
};

/** SocialGiftModel (v10): the recipient enters the address by inputDueDate; until then SenderModel is a placeholder. */
export type SocialGift = {
  sgMngNumber: string;
  inputDueDate: string;
  inputFlag: 0 | 1;
  inputCompDatetime: Date | null;
};

/** WrappingModel1 (title 1 包装紙) and WrappingModel2 (title 2 リボン). */
export type Wrapping = { title: 1 | 2; name: string; price: number };

export type OrderPackage = {
  basketId: number;
  postagePrice: number;
  deliveryPrice: number;
  goodsPrice: number;
  totalPrice: number;
  noshi: string | null;
  sender: Sender;
  items: OrderItem[];
  shippings: Shipping[];
  defaultDeliveryCompanyCode: string;
  dropOffLocation: string | null;
  pickup: Pickup | null;
  socialGift: SocialGift | null;
};

export type Coupon = {
  couponCode: string;
  itemId: number;
  couponName: string;
  couponSummary: string;
  couponCapitalCode: 1 | 2 | 3;
  expiryDate: string;
  couponPrice: number;
  couponUnit: number;
  itemDetailId: number;
};

export type ChangeReason = {
  changeId: number;
  changeType: number;
  changeTypeDetail: number | null;
  changeReason: number | null;
  changeReasonDetail: number | null;
  changeApplyDatetime: Date | null;
  changeFixDatetime: Date | null;
  changeCmplDatetime: Date | null;
};

export type TaxSummary = {
  taxRate: number;
  reqPrice: number;
  reqPriceTax: number;
  totalPrice: number;
  paymentCharge: number;
  couponPrice: number;
  point: number;
};

export type Amounts = {
  goodsPrice: number;
  postagePrice: number;
  deliveryPrice: number;
  totalPrice: number;
  requestPrice: number;
  couponAllTotalPrice: number;
  couponShopPrice: number;
  couponOtherPrice: number;
  taxSummary: TaxSummary[];
};

/** Who moved the order: an RMS call by the shop, or the mall itself (buyer, payment, Rakuten). */
export type HistoryEntry = { at: Date; by: "rms" | "mall"; event: string; detail?: Record<string, unknown> };

export type MallOrder = {
  shopId: string;
  orderNumber: string;
  orderProgress: number;
  orderDatetime: Date;
  shopOrderCfmDatetime: Date | null;
  orderFixDatetime: Date | null;
  shippingInstDatetime: Date | null;
  shippingCmplRptDatetime: Date | null;
  /** 決済確定日 (searchOrder dateType 6): when the card was captured or the prepayment arrived. */
  paymentFixDatetime: Date | null;
  paidAt: Date | null;
  deliveryDate: string | null;
  shippingTerm: number | null;
  remarks: string;
  orderType: number;
  carrierCode: number;
  memo: string | null;
  modifyFlag: 0 | 1;
  settlement: SettlementKey;
  paymentCharge: number;
  /** 注文者負担金 (後払い手数料): additionalFeeOccurAmountToUser. */
  additionalFee: number;
  usedPoint: number;
  giftCheckFlag: 0 | 1;
  socialGiftFlag: 0 | 1;
  wrappings: Wrapping[];
  /** A WARNING getOrder sends with this order (its meaning is not public; the text is the test's). */
  warning: string | null;
  orderer: Orderer;
  deliveryName: string;
  deliveryClass: number | null;
  packages: OrderPackage[];
  coupons: Coupon[];
  changeReasons: ChangeReason[];
  amounts: Amounts;
  /** What the stock gets back when the cancel settles (inventoryRestoreType 2 = nothing). */
  restoreStockOnCancel: boolean;
  history: HistoryEntry[];
};

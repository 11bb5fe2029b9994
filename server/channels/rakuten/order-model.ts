import { z } from "zod";
import { parseRakutenDatetime } from "./datetime.ts";

/**
 * The RakutenPayOrderAPI getOrder response (and PurchaseItemAPI getOrderItem, which has the same
 * OrderModel shape with the personal data left out), as tolerant as the mapping allows. It reads
 * both generations:
 * - pre-version (2018/2019, no `version` sent): SettlementModel.settlementMethod is a name
 *   ("クレジットカード"), `goodsTax` is there, no settlementMethodCode, SkuModelList,
 *   TaxSummaryModelList, paymentCharge or additionalFeeOccurAmount*;
 * - versioned (v3 … v10, SKU era from v7): settlementMethodCode, SkuModelList, TaxSummaryModelList,
 *   PackageModelList[].defaultDeliveryCompanyCode (v4+), `goodsTax` gone from v8, dropOffFlag (v9),
 *   socialGiftFlag / SocialGiftModel (v10).
 * Unknown fields pass (and are dropped); what may be null or absent is nullish; only what the mapping
 * cannot do without is required: order number, status, order date, packages, items and the amounts.
 */

const text = z.string().nullish();
const flag = z.number().nullish();
/** Ids and codes RMS documents as numbers or strings; either is read and kept as a string. */
const code = z.union([z.string(), z.number().transform(String)]);
/** Yen; -9999 = not determined yet (see amounts.ts). */
const amount = z.number();

const datetime = z
  .string()
  .refine(
    (s) => parseRakutenDatetime(s) !== null,
    "日時の形式が正しくありません (expected YYYY-MM-DDThh:mm:ss+0900)",
  );

export const messageModel = z.object({
  messageType: z.string(),
  messageCode: z.string(),
  message: text,
  orderNumber: text,
});

/** OrdererModel (注文者) and SenderModel (送付先) share these fields; getOrderItem leaves most out. */
const addressFields = {
  zipCode1: code.nullish(),
  zipCode2: code.nullish(),
  prefecture: text,
  city: text,
  subAddress: text,
  familyName: text,
  firstName: text,
  familyNameKana: text,
  firstNameKana: text,
  phoneNumber1: code.nullish(),
  phoneNumber2: code.nullish(),
  phoneNumber3: code.nullish(),
};
export const senderModel = z.object({ ...addressFields, isolatedIslandFlag: flag });
export const ordererModel = z.object({ ...addressFields, emailAddress: text });

export const settlementModel = z.object({
  /** v1+ only; see payment.ts for the list. */
  settlementMethodCode: z.number().nullish(),
  /** The name, in every generation (the only payment field before versions). */
  settlementMethod: text,
  /** 1 = 楽天市場の共通決済手段, 0 = 選択制決済. */
  rpaySettlementFlag: flag,
  cardName: text,
});

export const skuModel = z.object({
  /** SKU管理番号; empty for orders placed before the shop's SKU migration. */
  variantId: code.nullish(),
  /** システム連携用SKU番号, set by the merchant. */
  merchantDefinedSkuId: text,
  /** バリエーション項目名:選択肢 lines (the old 項目選択肢別在庫 text). */
  skuInfo: text,
});

export const itemModel = z
  .object({
    itemDetailId: code.nullish(),
    itemName: z.string(),
    itemId: code.nullish(),
    itemNumber: code.nullish(),
    manageNumber: code.nullish(),
    price: amount,
    units: z.number().int().nonnegative(),
    includeTaxFlag: flag,
    taxRate: z.number().nullish(),
    /** v3+: tax-included unit price. */
    priceTaxIncl: z.number().nullish(),
    selectedChoice: text,
    inventoryType: flag,
    delvdateInfo: text,
    deleteItemFlag: flag,
    isSingleItemShipping: flag,
    SkuModelList: z.array(skuModel).nullish(),
  })
  .refine((item) => Boolean(item.manageNumber?.trim() || item.itemNumber?.trim()), {
    error: "manageNumber か itemNumber が必要です (an item needs manageNumber or itemNumber)",
    path: ["manageNumber"],
  });

export const shippingModel = z.object({
  shippingDetailId: code,
  shippingNumber: text,
  deliveryCompany: code.nullish(),
  deliveryCompanyName: text,
  shippingDate: text,
});

/** コンビニ・郵便局・ロッカー受取: the store the parcel goes to instead of the buyer's home. */
export const deliveryCvsModel = z.object({
  /** 1 ファミリーマート, 20 ミニストップ, 50 ローソン, 60 郵便局 … */
  cvsCode: code.nullish(),
  storeGenreCode: code.nullish(),
  storeCode: code.nullish(),
  storeName: text,
  storeZip: code.nullish(),
  storePrefecture: text,
  storeAddress: text,
  areaCode: code.nullish(),
  depo: code.nullish(),
  openTime: text,
  closeTime: text,
  cvsRemarks: text,
});

/** v10 ソーシャルギフト: the recipient enters the address later, by the due date. */
export const socialGiftModel = z.object({
  sgMngNumber: code.nullish(),
  inputDueDate: text,
  inputFlag: flag,
  inputCompDatetime: text,
  receiverEmailAddress: text,
});

export const packageModel = z.object({
  basketId: code,
  postagePrice: amount,
  deliveryPrice: amount.nullish(),
  goodsTax: amount.nullish(),
  goodsPrice: amount.nullish(),
  totalPrice: amount.nullish(),
  noshi: text,
  packageDeleteFlag: flag,
  /** Absent from getOrderItem, which carries no personal data. */
  SenderModel: senderModel.nullish(),
  ItemModelList: z.array(itemModel),
  ShippingModelList: z.array(shippingModel).nullish(),
  /** v4+: the carrier the buyer chose at checkout (1001 ヤマト運輸 …). */
  defaultDeliveryCompanyCode: code.nullish(),
  dropOffFlag: flag,
  dropOffLocation: text,
  DeliveryCvsModel: deliveryCvsModel.nullish(),
  SocialGiftModel: socialGiftModel.nullish(),
});

export const wrappingModel = z.object({
  title: flag,
  name: text,
  price: amount.nullish(),
  includeTaxFlag: flag,
  deleteWrappingFlag: flag,
});

export const couponModel = z.object({
  couponCode: text,
  couponName: text,
  couponCapitalCode: flag,
  couponTotalPrice: amount.nullish(),
  itemDetailId: code.nullish(),
});

export const taxSummaryModel = z.object({
  taxRate: z.number().nullish(),
  reqPrice: amount.nullish(),
  reqPriceTax: amount.nullish(),
  totalPrice: amount.nullish(),
  paymentCharge: amount.nullish(),
  couponPrice: amount.nullish(),
  point: amount.nullish(),
});

export const orderModel = z.object({
  orderNumber: z.string().trim().min(1),
  /** 100 注文確認待ち … 900 キャンセル確定 (order-progress.ts). */
  orderProgress: z.number().int(),
  subStatusId: z.number().nullish(),
  subStatusName: text,
  orderDatetime: datetime,
  shopOrderCfmDatetime: datetime.nullish(),
  orderFixDatetime: datetime.nullish(),
  shippingInstDatetime: datetime.nullish(),
  shippingCmplRptDatetime: datetime.nullish(),
  cancelDueDate: text,
  /** お届け日指定 (YYYY-MM-DD). */
  deliveryDate: text,
  /** お届け時間帯: 0 なし, 1 午前, 2 午後, 9 その他, or h1h2 (1416 = 14–16時). */
  shippingTerm: z.number().int().nullish(),
  /** 備考欄, with buyer blocks such as `[配送日時指定:]`. */
  remarks: text,
  giftCheckFlag: flag,
  socialGiftFlag: flag,
  severalSenderFlag: flag,
  isolatedIslandFlag: flag,
  orderType: flag,
  cautionDisplayType: flag,
  goodsPrice: amount.nullish(),
  /** Pre-v8 only (外税合計). */
  goodsTax: amount.nullish(),
  postagePrice: amount.nullish(),
  /** 代引料合計. */
  deliveryPrice: amount,
  /** 決済手数料合計, v2+. */
  paymentCharge: amount.nullish(),
  totalPrice: amount.nullish(),
  /** 請求金額 = totalPrice + 代引料 + 決済手数料 + 注文者負担金 − クーポン − ポイント. */
  requestPrice: amount,
  couponAllTotalPrice: amount,
  couponShopPrice: amount.nullish(),
  couponOtherPrice: amount.nullish(),
  /** 注文者負担金合計 (後払い利用手数料), v2+. */
  additionalFeeOccurAmountToUser: amount.nullish(),
  memo: text,
  OrdererModel: ordererModel.nullish(),
  SettlementModel: settlementModel.nullish(),
  DeliveryModel: z.object({ deliveryName: text, deliveryClass: flag }).nullish(),
  PointModel: z.object({ usedPoint: amount.nullish() }).nullish(),
  WrappingModel1: wrappingModel.nullish(),
  WrappingModel2: wrappingModel.nullish(),
  PackageModelList: z.array(packageModel).min(1),
  CouponModelList: z.array(couponModel).nullish(),
  ChangeReasonModelList: z
    .array(z.object({ changeId: code.nullish(), changeType: flag, changeReasonDetail: flag }))
    .nullish(),
  TaxSummaryModelList: z.array(taxSummaryModel).nullish(),
});

export const getOrderResponse = z
  .object({
    MessageModelList: z.array(messageModel),
    OrderModelList: z.array(orderModel).nullish(),
    /** Echoed from v6 on. */
    version: z.number().nullish(),
  })
  .superRefine((response, ctx) => {
    const failed = response.MessageModelList.some((m) => m.messageType === "ERROR");
    if (!failed && response.OrderModelList == null) {
      ctx.addIssue({
        code: "custom",
        path: ["OrderModelList"],
        message: "getOrder の応答には OrderModelList が必要です (a getOrder response has OrderModelList)",
      });
    }
  });

export type RakutenMessageModel = z.infer<typeof messageModel>;
export type RakutenOrderModel = z.infer<typeof orderModel>;
export type RakutenPackageModel = z.infer<typeof packageModel>;
export type RakutenDeliveryCvsModel = z.infer<typeof deliveryCvsModel>;
export type RakutenItemModel = z.infer<typeof itemModel>;
export type RakutenAddressModel = z.infer<typeof senderModel> | z.infer<typeof ordererModel>;
export type RakutenSettlementModel = z.infer<typeof settlementModel>;
export type GetOrderResponse = z.infer<typeof getOrderResponse>;

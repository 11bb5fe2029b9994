import { samePerson } from "./order-people.ts";
import type { Coupon, MallOrder, OrderItem, OrderPackage, Shipping, Wrapping } from "./order-record.ts";
import { deliveryCompanies, settlementMethods } from "./rms-codes.ts";
import { jstDate, rmsDatetime } from "./rms-time.ts";

/**
 * getOrder's OrderModel, keys in the order of the RMS doc, gated by the requested `version`:
 *   ≥4 defaultDeliveryCompanyCode, isSingleItemShipping · ≥5 receipts, DueDateModelList
 *   ≥6 cautionDisplayDetailType · ≥7 SkuModelList · ≤7 goodsTax, isTaxRecalc
 *   ≥8 deliveryCertPrgFlag, oneDayOperationFlag · ≥9 dropOffFlag/-Location · ≥10 social gift
 */

export const OLDEST_VERSION = 3;
export const NEWEST_VERSION = 10;

type Json = Record<string, unknown>;

/** Keys whose value is `undefined` are left out, which is how a version gate drops a field. */
function compact(entries: Json): Json {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

const when = <T>(condition: boolean, value: T): T | undefined => (condition ? value : undefined);

function presentItem(item: OrderItem, version: number): Json {
  return compact({
    itemDetailId: item.itemDetailId,
    itemName: item.itemName,
    itemId: item.itemId,
    itemNumber: item.itemNumber,
    manageNumber: item.manageNumber,
    price: item.price,
    units: item.units,
    includePostageFlag: item.includePostageFlag,
    includeTaxFlag: 1,
    includeCashOnDeliveryPostageFlag: item.includeCashOnDeliveryPostageFlag,
    selectedChoice: item.selectedChoice,
    pointRate: item.pointRate,
    pointType: 0,
    inventoryType: item.inventoryType,
    delvdateInfo: item.delvdateInfo,
    restoreInventoryFlag: 0,
    dealFlag: 0,
    drugFlag: 0,
    deleteItemFlag: 0,
    taxRate: item.taxRate,
    priceTaxIncl: item.price,
    isSingleItemShipping: when(version >= 4, 0),
    // Items bought before the shop's SKU migration come with an empty list.
    SkuModelList: when(version >= 7, item.sku ? [{ ...item.sku }] : []),
  });
}

export function presentShipping(s: Shipping): Json {
  return {
    shippingDetailId: s.shippingDetailId,
    shippingNumber: s.shippingNumber,
    deliveryCompany: s.deliveryCompany,
    deliveryCompanyName: s.deliveryCompany === null ? null : (deliveryCompanies[s.deliveryCompany] ?? null),
    shippingDate: s.shippingDate,
  };
}

function presentPackage(pkg: OrderPackage, version: number): Json {
  return compact({
    basketId: pkg.basketId,
    postagePrice: pkg.postagePrice,
    postageTaxRate: 0.1,
    deliveryPrice: pkg.deliveryPrice,
    deliveryTaxRate: 0.1,
    goodsTax: when(version <= 7, 0),
    goodsPrice: pkg.goodsPrice,
    totalPrice: pkg.totalPrice,
    noshi: pkg.noshi,
    packageDeleteFlag: 0,
    SenderModel: { ...pkg.sender },
    ItemModelList: pkg.items.map((i) => presentItem(i, version)),
    ShippingModelList: pkg.shippings.map(presentShipping),
    DeliveryCvsModel: pkg.pickup
      ? {
          cvsCode: pkg.pickup.cvsCode,
          storeGenreCode: null,
          storeCode: pkg.pickup.storeCode,
          storeName: pkg.pickup.storeName,
          storeZip: pkg.pickup.storeZip,
          storePrefecture: pkg.pickup.storePrefecture,
          storeAddress: pkg.pickup.storeAddress,
          areaCode: null,
          depo: null,
          openTime: null,
          closeTime: null,
          cvsRemarks: null,
        }
      : null,
    defaultDeliveryCompanyCode: when(version >= 4, pkg.defaultDeliveryCompanyCode),
    dropOffFlag: when(version >= 9, pkg.dropOffLocation === null ? 0 : 1),
    dropOffLocation: when(version >= 9, pkg.dropOffLocation),
    SocialGiftModel: when(
      version >= 10,
      pkg.socialGift
        ? {
            sgMngNumber: pkg.socialGift.sgMngNumber,
            inputDueDate: pkg.socialGift.inputDueDate,
            inputFlag: pkg.socialGift.inputFlag,
            inputCompDatetime: rmsDatetime(pkg.socialGift.inputCompDatetime),
            receiverEmailAddress: null,
          }
        : null,
    ),
  });
}

function presentSettlement(order: MallOrder): Json {
  const method = settlementMethods[order.settlement];
  const card = order.settlement === "card";
  return {
    settlementMethodCode: method.code,
    settlementMethod: method.name,
    rpaySettlementFlag: method.rpaySettlementFlag,
    cardName: card ? "VISA" : null,
    cardNumber: card ? "XXXX-XXXX-XXXX-1111" : null,
    cardOwner: card ? "HANAKO RAKUTEN" : null,
    cardYm: card ? "2030-12" : null,
    cardPayType: card ? 0 : null,
    cardInstallmentDesc: null,
  };
}

function presentWrapping(order: MallOrder, title: 1 | 2): Json | null {
  const w: Wrapping | undefined = order.wrappings.find((x) => x.title === title);
  if (!w) return null;
  const taxPrice = w.price - Math.floor((w.price * 100) / 110);
  return {
    title,
    name: w.name,
    price: w.price,
    includeTaxFlag: 1,
    deleteWrappingFlag: 0,
    taxRate: 0.1,
    taxPrice,
  };
}

const couponCapitals = { 1: "ショップ", 2: "メーカー", 3: "サービス" } as const;

function presentCoupon(c: Coupon): Json {
  return {
    couponCode: c.couponCode,
    itemId: c.itemId,
    couponName: c.couponName,
    couponSummary: c.couponSummary,
    couponCapital: couponCapitals[c.couponCapitalCode],
    couponCapitalCode: c.couponCapitalCode,
    expiryDate: c.expiryDate,
    couponPrice: c.couponPrice,
    couponUnit: c.couponUnit,
    couponTotalPrice: c.couponPrice * c.couponUnit,
    itemDetailId: c.itemDetailId,
  };
}

function dueDates(order: MallOrder): Json[] | null {
  if (!settlementMethods[order.settlement].prepaid) return null;
  const due = new Date(order.orderDatetime.getTime() + 7 * 24 * 60 * 60 * 1000);
  return [{ dueDateType: 0, dueDate: jstDate(due) }];
}

export function presentOrderModel(order: MallOrder, version: number): Json {
  const a = order.amounts;
  const couponList = order.coupons.map(presentCoupon);
  return compact({
    orderNumber: order.orderNumber,
    orderProgress: order.orderProgress,
    subStatusId: null,
    subStatusName: null,
    orderDatetime: rmsDatetime(order.orderDatetime),
    shopOrderCfmDatetime: rmsDatetime(order.shopOrderCfmDatetime),
    orderFixDatetime: rmsDatetime(order.orderFixDatetime),
    shippingInstDatetime: rmsDatetime(order.shippingInstDatetime),
    shippingCmplRptDatetime: rmsDatetime(order.shippingCmplRptDatetime),
    cancelDueDate: null,
    deliveryDate: order.deliveryDate,
    shippingTerm: order.shippingTerm,
    remarks: order.remarks,
    giftCheckFlag: order.giftCheckFlag,
    socialGiftFlag: when(version >= 10, order.socialGiftFlag),
    severalSenderFlag: order.packages.length > 1 ? 1 : 0,
    equalSenderFlag: order.packages.every((p) => samePerson(p.sender, order.orderer)) ? 1 : 0,
    isolatedIslandFlag: order.packages.some((p) => p.sender.isolatedIslandFlag === 1) ? 1 : 0,
    rakutenMemberFlag: 1,
    carrierCode: order.carrierCode,
    emailCarrierCode: 0,
    orderType: order.orderType,
    reserveNumber: null,
    reserveDeliveryCount: null,
    cautionDisplayType: 0,
    cautionDisplayDetailType: when(version >= 6, null),
    rakutenConfirmFlag: 0,
    goodsPrice: a.goodsPrice,
    goodsTax: when(version <= 7, 0),
    postagePrice: a.postagePrice,
    deliveryPrice: a.deliveryPrice,
    paymentCharge: order.paymentCharge,
    paymentChargeTaxRate: 0.1,
    totalPrice: a.totalPrice,
    requestPrice: a.requestPrice,
    couponAllTotalPrice: a.couponAllTotalPrice,
    couponShopPrice: a.couponShopPrice,
    couponOtherPrice: a.couponOtherPrice,
    additionalFeeOccurAmountToUser: order.additionalFee,
    additionalFeeOccurAmountToShop: 0,
    asurakuFlag: 0,
    drugFlag: 0,
    dealFlag: 0,
    membershipType: 0,
    memo: order.memo,
    operator: null,
    mailPlugSentence: null,
    modifyFlag: order.modifyFlag,
    receiptIssueCount: when(version >= 5, 0),
    receiptIssueHistoryList: when(version >= 5, []),
    isTaxRecalc: when(version <= 7, 1),
    OrdererModel: { ...order.orderer },
    SettlementModel: presentSettlement(order),
    DeliveryModel: { deliveryName: order.deliveryName, deliveryClass: order.deliveryClass },
    PointModel: { usedPoint: order.usedPoint },
    WrappingModel1: presentWrapping(order, 1),
    WrappingModel2: presentWrapping(order, 2),
    PackageModelList: order.packages.map((p) => presentPackage(p, version)),
    CouponModelList: couponList.length === 0 ? null : couponList,
    ChangeReasonModelList: order.changeReasons.map((c) => ({
      ...c,
      changeApplyDatetime: rmsDatetime(c.changeApplyDatetime),
      changeFixDatetime: rmsDatetime(c.changeFixDatetime),
      changeCmplDatetime: rmsDatetime(c.changeCmplDatetime),
    })),
    TaxSummaryModelList: a.taxSummary.map((t) => ({ ...t })),
    DueDateModelList: when(version >= 5, dueDates(order)),
    deliveryCertPrgFlag: when(version >= 8, 0),
    oneDayOperationFlag: when(version >= 8, 0),
  });
}

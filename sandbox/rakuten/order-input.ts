import { z } from "zod";
import { UNDETERMINED } from "./order-record.ts";
import { deliveryCompanies, dropOffLocations, isShippingTerm, settlementKeys } from "./rms-codes.ts";
import { isCalendarDate } from "./rms-time.ts";

/**
 * What a test may say about a buyer's order when it places one through the control API. Everything
 * is optional; strict objects so that a misspelt field is refused by name instead of ignored.
 */

const isoDatetime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "ISO 8601 datetime expected");
const calendarDate = z.string().refine(isCalendarDate, "YYYY-MM-DD expected");
const rakutenCode = z.string().regex(/^[a-zA-Z0-9_-]{1,32}$/, "1–32 of a-z A-Z 0-9 _ -");

export const personInput = z.strictObject({
  familyName: z.string().min(1).max(50).optional(),
  firstName: z.string().min(1).max(50).optional(),
  familyNameKana: z.string().min(1).max(50).optional(),
  firstNameKana: z.string().min(1).max(50).optional(),
  zipCode: z
    .string()
    .regex(/^\d{3}-?\d{4}$/, "7 digits, e.g. 158-0094")
    .optional(),
  prefecture: z.string().min(1).max(10).optional(),
  city: z.string().min(1).max(100).optional(),
  subAddress: z.string().max(200).optional(),
  phoneNumber: z
    .string()
    .regex(/^(\d{2,5}-\d{1,4}-\d{3,4}|\d{10,11})$/, "e.g. 03-1234-5678 or 09012345678")
    .optional(),
  isolatedIsland: z.boolean().optional(),
});

export const buyerInput = personInput.extend({
  emailAddress: z.email().optional(),
  sex: z.enum(["男", "女", "-"]).optional(),
  birthDate: calendarDate.optional(),
});

const itemInput = z.strictObject({
  manageNumber: rakutenCode,
  itemNumber: z.string().min(1).max(127).optional(),
  itemName: z.string().min(1).max(255),
  price: z.number().int().min(0).max(99_999_999),
  units: z.number().int().min(1).max(9999),
  selectedChoice: z.string().max(2000).optional(),
  variantId: rakutenCode.optional(),
  merchantDefinedSkuId: z.string().min(1).max(96).optional(),
  skuInfo: z.string().max(2000).optional(),
  /** false = bought before the SKU migration: no SkuModel, the option only in selectedChoice. */
  skuEra: z.boolean().optional(),
  taxRate: z.union([z.literal(0), z.literal(0.08), z.literal(0.1)]).optional(),
  includePostageFlag: z.union([z.literal(0), z.literal(1)]).optional(),
  delvdateInfo: z.string().max(200).optional(),
});

const postage = z
  .number()
  .int()
  .refine((n) => n === UNDETERMINED || (n >= 0 && n <= 9_999_999), "0–9999999, or -9999 (送料未確定)");

const pickupInput = z.strictObject({
  /** 1 ファミリーマート, 20 ミニストップ, 50 ローソン, 60 郵便局 … */
  cvsCode: z.number().int().min(1).max(99),
  storeCode: z.string().min(1).max(20),
  storeName: z.string().min(1).max(100),
  storeZip: z.string().regex(/^\d{3}-?\d{4}$/, "7 digits, e.g. 894-0036"),
  storePrefecture: z.string().min(1).max(10),
  storeAddress: z.string().min(1).max(200),
});

const wrappingInput = z.strictObject({
  /** 1 包装紙 (WrappingModel1), 2 リボン (WrappingModel2). */
  title: z.union([z.literal(1), z.literal(2)]),
  name: z.string().min(1).max(100),
  price: z.number().int().min(0).max(99_999),
});

const packageInput = z.strictObject({
  sender: personInput.optional(),
  items: z.array(itemInput).min(1).max(100),
  postagePrice: postage.optional(),
  /** 代引料; defaults to 330 for 代金引換 and 0 otherwise. */
  deliveryPrice: z.number().int().min(0).max(99_999).optional(),
  noshi: z.string().max(100).optional(),
  defaultDeliveryCompanyCode: z
    .string()
    .refine((c) => c in deliveryCompanies, "a deliveryCompany code such as 1001")
    .optional(),
  dropOffLocation: z.enum(dropOffLocations).optional(),
  /** コンビニ・郵便局受取: the store the parcel goes to (DeliveryCvsModel). */
  pickup: pickupInput.optional(),
});

const couponInput = z.strictObject({
  couponName: z.string().min(1).max(100),
  couponPrice: z.number().int().min(1).max(9_999_999),
  couponUnit: z.number().int().min(1).max(9999).optional(),
  couponCapitalCode: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  couponCode: z.string().min(1).max(100).optional(),
  couponSummary: z.string().max(200).optional(),
  /** Binds the coupon to the first item with this 商品管理番号 (itemId / itemDetailId). */
  manageNumber: rakutenCode.optional(),
});

const shippingTerm = z.number().int().refine(isShippingTerm, "0, 1, 2, 9 or h1h2 such as 1416");

export const placeOrderInput = z.strictObject({
  orderedAt: isoDatetime.optional(),
  serialDigits: z.union([z.literal(8), z.literal(10)]).optional(),
  settlement: z.enum(settlementKeys).optional(),
  buyer: buyerInput.optional(),
  packages: z.array(packageInput).min(1).max(20).optional(),
  coupons: z.array(couponInput).max(50).optional(),
  usedPoint: z.number().int().min(0).max(9_999_999).optional(),
  paymentCharge: z.number().int().min(0).max(99_999).optional(),
  remarks: z.string().max(5000).optional(),
  deliveryDate: calendarDate.nullable().optional(),
  shippingTerm: shippingTerm.nullable().optional(),
  deliveryName: z.string().min(1).max(100).optional(),
  /** 0 選択なし, 1 普通, 2 冷蔵, 3 冷凍, 4–8 その他. */
  deliveryClass: z.number().int().min(0).max(8).optional(),
  orderType: z.union([z.literal(1), z.literal(4), z.literal(5), z.literal(6)]).optional(),
  giftCheck: z.boolean().optional(),
  /** ソーシャルギフト: every ship-to is the mall's placeholder until a mall change gives the recipient. */
  socialGift: z.boolean().optional(),
  wrappings: z
    .array(wrappingInput)
    .max(2)
    .refine((list) => new Set(list.map((w) => w.title)).size === list.length, "one wrapping per title")
    .optional(),
  /** 後払い手数料 the buyer pays (additionalFeeOccurAmountToUser). */
  additionalFee: z.number().int().min(0).max(99_999).optional(),
  /** getOrder carries a WARNING message (ORDER_EXT_API_GET_ORDER_WARNING_101) with this text for the order. */
  warning: z.string().min(1).max(200).optional(),
});

export type PlaceOrderInput = z.infer<typeof placeOrderInput>;
export type PersonInput = z.infer<typeof personInput>;
export type BuyerInput = z.infer<typeof buyerInput>;

export const bulkOrdersInput = z.strictObject({
  count: z.number().int().min(1).max(100_000),
  template: placeOrderInput.optional(),
  /** Spreads the orders: order i is placed at orderedAt (or now) + i × intervalSeconds. */
  intervalSeconds: z.number().min(0).max(86_400).optional(),
});

/** A change decided at the mall: 送料確定, a new ship-to, the buyer editing remarks… */
export const mallChangeInput = z.strictObject({
  postagePrice: postage.optional(),
  paymentCharge: z.number().int().min(0).max(99_999).optional(),
  usedPoint: z.number().int().min(0).max(9_999_999).optional(),
  remarks: z.string().max(5000).optional(),
  deliveryDate: calendarDate.nullable().optional(),
  shippingTerm: shippingTerm.nullable().optional(),
  buyer: buyerInput.optional(),
  sender: personInput.optional(),
  packages: z
    .array(
      z.strictObject({
        /** Without it, the entry is the package at the same position. */
        basketId: z.number().int().optional(),
        postagePrice: postage.optional(),
        deliveryPrice: z.number().int().min(0).max(99_999).optional(),
        sender: personInput.optional(),
        /** 金額変更 in RMS: each entry the item at the same position, its new unit price. */
        items: z.array(z.strictObject({ price: z.number().int().min(0).max(99_999_999) })).optional(),
      }),
    )
    .optional(),
});

export type MallChangeInput = z.infer<typeof mallChangeInput>;

import type { ColdTemperature } from "#server/domain/shipping-service.ts";
import type { MallAddress, MallOrder, MallPickupPoint } from "#server/ports/mall.ts";
import { rakutenAmount } from "./amounts.ts";
import type {
  RakutenAddressModel,
  RakutenDeliveryCvsModel,
  RakutenOrderModel,
  RakutenPackageModel,
} from "./order-model.ts";

/**
 * What RMS says about an order beyond items and amounts: gift and wrapping, fees and coupons split,
 * tax per rate, and per package the pickup point, 置き配, のし, クール区分 and a social gift's
 * placeholder recipient.
 */

const trimmed = (value: string | null | undefined) => value?.trim() ?? "";

/** DeliveryCvsModel.cvsCode → the chain or service the parcel waits at. */
const PICKUP_KINDS: Readonly<Record<string, string>> = {
  "1": "ファミリーマート",
  "20": "ミニストップ",
  "50": "ローソン",
  "60": "郵便局",
};

function postalCode(value: string | null | undefined): string {
  const digits = trimmed(value).replace(/\D/g, "");
  return digits.length === 7 ? `${digits.slice(0, 3)}-${digits.slice(3)}` : trimmed(value);
}

export function pickupPoint(
  cvs: RakutenDeliveryCvsModel | null | undefined,
  deliveryName: string | null | undefined,
): MallPickupPoint | null {
  if (!cvs || !(trimmed(cvs.storeAddress) || trimmed(cvs.storeName))) return null;
  return {
    kind: PICKUP_KINDS[trimmed(cvs.cvsCode)] ?? (trimmed(deliveryName) || "受取場所"),
    storeCode: trimmed(cvs.storeCode),
    name: trimmed(cvs.storeName),
    postalCode: postalCode(cvs.storeZip),
    prefecture: trimmed(cvs.storePrefecture),
    address: trimmed(cvs.storeAddress),
  };
}

/** The parcel is addressed to the recipient at the store: the store's address, the recipient's name and phone. */
export function pickupShipTo(recipient: MallAddress, point: MallPickupPoint): MallAddress {
  return {
    ...recipient,
    postalCode: point.postalCode,
    prefecture: point.prefecture,
    address1: point.address,
    address2: [point.kind, point.name].filter((part) => part !== "").join(" "),
  };
}

/** DeliveryModel.deliveryClass: 2 冷蔵, 3 冷凍 (0 選択なし, 1 普通, 4–8 shop-defined); else the 配送方法's name. */
export function temperatureOf(delivery: RakutenOrderModel["DeliveryModel"]): ColdTemperature | null {
  if (delivery?.deliveryClass === 2) return "chilled";
  if (delivery?.deliveryClass === 3) return "frozen";
  const name = trimmed(delivery?.deliveryName);
  if (name.includes("冷凍")) return "frozen";
  if (name.includes("冷蔵")) return "chilled";
  return null;
}

/**
 * Until a social gift's recipient enters an address, RMS fills SenderModel with dummies: zip 999-9999,
 * 入力待ち in the text fields, ニュウリョクマチ in the kana, 999-9999-9999 as the phone.
 */
export function isPlaceholderRecipient(
  order: RakutenOrderModel,
  sender: RakutenAddressModel | null | undefined,
) {
  if (order.socialGiftFlag !== 1 || !sender) return false;
  const zip = `${trimmed(sender.zipCode1)}${trimmed(sender.zipCode2)}`;
  const words = [sender.familyName, sender.firstName, sender.city, sender.subAddress].map(trimmed);
  return zip === "9999999" || words.some((w) => w.includes("入力待ち"));
}

export function dropOffLocation(pkg: RakutenPackageModel): string | null {
  if (pkg.dropOffFlag !== 1) return null;
  return trimmed(pkg.dropOffLocation) || "置き配";
}

type Wrapping = RakutenOrderModel["WrappingModel1"];
const wrapped = (model: Wrapping): model is NonNullable<Wrapping> =>
  Boolean(model) && model?.deleteWrappingFlag !== 1;

/** WrappingModel1 (包装紙) and WrappingModel2 (リボン), when chosen and not removed. */
export function wrappings(order: RakutenOrderModel): MallOrder["wrappings"] {
  return [order.WrappingModel1, order.WrappingModel2].filter(wrapped).map((w) => ({
    name: trimmed(w.name) || (w.title === 2 ? "リボン" : "包装紙"),
    fee: rakutenAmount(w.price),
  }));
}

function sum(parts: readonly (number | null)[]): number | null {
  return parts.some((p) => p === null) ? null : parts.reduce<number>((a, b) => a + (b ?? 0), 0);
}

export function feeBreakdown(order: RakutenOrderModel): MallOrder["feeBreakdown"] {
  return {
    cashOnDelivery: rakutenAmount(order.deliveryPrice),
    payment: rakutenAmount(order.paymentCharge),
    deferredPayment: rakutenAmount(order.additionalFeeOccurAmountToUser),
    wrapping: sum(wrappings(order).map((w) => w.fee)),
  };
}

/**
 * couponShopPrice is what the shop pays for (原資 1 ショップ); the rest (couponOtherPrice: 2 メーカー,
 * 3 サービス) Rakuten or a maker does. Payloads without the split (or with it undetermined) are split
 * from CouponModelList by couponCapitalCode.
 */
export function couponDiscounts(order: RakutenOrderModel, total: number): MallOrder["couponDiscounts"] {
  const given = order.couponShopPrice == null ? null : rakutenAmount(order.couponShopPrice);
  const shop =
    given ??
    (order.CouponModelList ?? [])
      .filter((c) => c.couponCapitalCode === 1)
      .reduce((sum, c) => sum + (rakutenAmount(c.couponTotalPrice) ?? 0), 0);
  return { shop, mall: Math.max(0, total - shop) };
}

/** TaxSummaryModelList: the billed amount and the tax in it per rate (reqPrice, reqPriceTax). */
export function taxSummary(order: RakutenOrderModel): MallOrder["taxSummary"] {
  return (order.TaxSummaryModelList ?? []).flatMap((t) =>
    t.taxRate == null
      ? []
      : [
          {
            ratePercent: Math.round(t.taxRate * 100),
            amount: t.reqPrice == null ? null : rakutenAmount(t.reqPrice),
            tax: t.reqPriceTax == null ? null : rakutenAmount(t.reqPriceTax),
          },
        ],
  );
}

/** あんしんメルアド: RMS hands out a relay address at fw.rakuten.ne.jp instead of the buyer's own. */
export const isRelayEmail = (email: string) => /@(?:[a-z0-9-]+\.)*fw\.rakuten\.ne\.jp$/i.test(email);

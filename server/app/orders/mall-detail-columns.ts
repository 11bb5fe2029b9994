import type { MallOrder, MallPackage } from "#server/ports/mall.ts";

/**
 * What a mall says of an order and its packages beyond the lines and amounts, as order and shipment
 * columns: one mapping for the insert and for the updates later imports make.
 */
export type MallOrderDetails = Pick<
  MallOrder,
  | "gift"
  | "wrappings"
  | "feeBreakdown"
  | "couponDiscounts"
  | "taxSummary"
  | "buyerEmailMasked"
  | "unknownValues"
>;
export type MallPackageDetails = Pick<
  MallPackage,
  | "temperature"
  | "pickupPoint"
  | "dropOffLocation"
  | "noshi"
  | "remoteIsland"
  | "chosenCarrier"
  | "addressPending"
>;

/** The order columns of a mall's details, for insert and for the updates later imports make. */
export function mallDetailColumns(d: MallOrderDetails) {
  return {
    gift: d.gift,
    wrappings: d.wrappings,
    feeBreakdown: d.feeBreakdown,
    shopCouponDiscount: d.couponDiscounts.shop,
    mallCouponDiscount: d.couponDiscounts.mall,
    taxSummary: d.taxSummary,
    buyerEmailMasked: d.buyerEmailMasked,
    unknownMallValues: d.unknownValues ?? [],
  };
}

/** The shipment columns of a mall package's details. */
export function packageDetailColumns(d: MallPackageDetails) {
  return {
    temperature: d.temperature,
    pickupPoint: d.pickupPoint,
    dropOffLocation: d.dropOffLocation,
    noshi: d.noshi,
    remoteIsland: d.remoteIsland,
    chosenCarrier: d.chosenCarrier,
    addressPending: d.addressPending,
  };
}

import { emptyAmounts, recomputeAmounts } from "./order-amounts.ts";
import type { PlaceOrderInput } from "./order-input.ts";
import { placeholderRecipient, toOrderer, toSender } from "./order-people.ts";
import type { Coupon, MallOrder, OrderItem, OrderPackage } from "./order-record.ts";
import { settlementMethods, shippingTermLabel } from "./rms-codes.ts";
import { jstCompactDate, jstDate, weekdayOf } from "./rms-time.ts";
import { type MallState, type Shop, stockKey } from "./state.ts";

/**
 * A buyer orders at the mall. The order arrives at 100 注文確認待ち with ids the way RMS hands them
 * out (a package's basketId is the itemDetailId of its first line), its stock is taken from the
 * mall's inventory, and its money is computed from the lines.
 */

type ItemInput = NonNullable<PlaceOrderInput["packages"]>[number]["items"][number];

const defaultItem: ItemInput = {
  manageNumber: "sandbox-tshirt",
  itemName: "サンドボックスTシャツ（綿100%）",
  price: 3300,
  units: 1,
  variantId: "m-black",
  merchantDefinedSkuId: "tshirt-m-black",
  skuInfo: "サイズ:M\nカラー:ブラック",
};

function itemIdOf(shop: Shop, manageNumber: string): number {
  let id = shop.itemIds.get(manageNumber);
  if (id === undefined) {
    id = 10_000_000 + shop.itemIds.size;
    shop.itemIds.set(manageNumber, id);
  }
  return id;
}

function toItem(state: MallState, shop: Shop, input: ItemInput): OrderItem {
  const manageNumber = input.manageNumber.toLowerCase();
  const skuEra = input.skuEra ?? true;
  const skuInfo = input.skuInfo ?? null;
  return {
    itemDetailId: state.next.detailId++,
    itemName: input.itemName,
    itemId: itemIdOf(shop, manageNumber),
    itemNumber: input.itemNumber ?? manageNumber,
    manageNumber,
    price: input.price,
    units: input.units,
    includePostageFlag: input.includePostageFlag ?? 0,
    includeCashOnDeliveryPostageFlag: 0,
    selectedChoice: input.selectedChoice ?? (skuEra ? null : skuInfo),
    pointRate: 1,
    inventoryType: skuInfo !== null || input.selectedChoice !== undefined ? 2 : 1,
    delvdateInfo: input.delvdateInfo ?? "3営業日以内に発送",
    taxRate: input.taxRate ?? 0.1,
    sku: skuEra
      ? {
          variantId: input.variantId ?? manageNumber,
          merchantDefinedSkuId: input.merchantDefinedSkuId ?? null,
          skuInfo,
        }
      : null,
  };
}

function takeStock(shop: Shop, items: OrderItem[], at: Date) {
  for (const item of items) {
    const record = item.sku && shop.stock.get(stockKey(item.manageNumber, item.sku.variantId));
    if (!record) continue;
    record.quantity = Math.max(0, record.quantity - item.units);
    record.updated = at;
  }
}

/** The `[配送日時指定:]` block buyers' remarks carry, as the sandbox renders it. */
export function deliveryRemarks(deliveryDate: string | null, term: number | null): string {
  const date = deliveryDate === null ? "" : `${deliveryDate}(${weekdayOf(deliveryDate)})`;
  const slot = shippingTermLabel(term);
  return `[配送日時指定:]\n${[date, slot].filter((s) => s !== "").join(" ")}\n`;
}

function toCoupon(
  input: NonNullable<PlaceOrderInput["coupons"]>[number],
  items: OrderItem[],
  at: Date,
): Coupon {
  const item = input.manageNumber ? items.find((i) => i.manageNumber === input.manageNumber) : undefined;
  const expiry = new Date(at.getTime() + 30 * 24 * 60 * 60 * 1000);
  return {
    couponCode: input.couponCode ?? `SANDBOX-${input.couponPrice}`,
    itemId: item?.itemId ?? 0,
    couponName: input.couponName,
    couponSummary: input.couponSummary ?? input.couponName,
    couponCapitalCode: input.couponCapitalCode ?? 1,
    expiryDate: jstDate(expiry),
    couponPrice: input.couponPrice,
    couponUnit: input.couponUnit ?? 1,
    itemDetailId: item?.itemDetailId ?? 0,
  };
}

export function placeOrder(state: MallState, shop: Shop, input: PlaceOrderInput, at: Date): MallOrder {
  const orderedAt = input.orderedAt === undefined ? at : new Date(input.orderedAt);
  shop.serial += 1;
  const serial = String(shop.serial).padStart(input.serialDigits ?? 10, "0");
  const orderNumber = `${shop.shopId}-${jstCompactDate(orderedAt)}-${serial}`;
  const settlement = input.settlement ?? "card";
  const orderer = toOrderer(input.buyer, orderNumber);
  const socialGift = input.socialGift ?? false;
  const inputDue = jstDate(new Date(orderedAt.getTime() + 7 * 24 * 60 * 60 * 1000));
  const packages: OrderPackage[] = (input.packages ?? [{ items: [defaultItem] }]).map((p, index) => {
    const items = p.items.map((i) => toItem(state, shop, i));
    return {
      basketId: items[0]?.itemDetailId ?? state.next.detailId++,
      postagePrice: p.postagePrice ?? 0,
      deliveryPrice: p.deliveryPrice ?? (settlement === "cod" ? 330 : 0),
      goodsPrice: 0,
      totalPrice: 0,
      noshi: p.noshi ?? null,
      sender: socialGift ? placeholderRecipient() : toSender(p.sender, orderer),
      items,
      shippings: [],
      defaultDeliveryCompanyCode: p.defaultDeliveryCompanyCode ?? "1001",
      dropOffLocation: p.dropOffLocation ?? null,
      pickup: p.pickup ? { ...p.pickup, storeZip: p.pickup.storeZip.replace("-", "") } : null,
      socialGift: socialGift
        ? {
            sgMngNumber: `${orderNumber}-${index + 1}`,
            inputDueDate: inputDue,
            inputFlag: 0,
            inputCompDatetime: null,
          }
        : null,
    };
  });
  const allItems = packages.flatMap((p) => p.items);
  const deliveryDate = input.deliveryDate ?? null;
  const shippingTerm = input.shippingTerm ?? null;
  const order: MallOrder = {
    shopId: shop.shopId,
    orderNumber,
    orderProgress: 100,
    orderDatetime: orderedAt,
    shopOrderCfmDatetime: null,
    orderFixDatetime: null,
    shippingInstDatetime: null,
    shippingCmplRptDatetime: null,
    paymentFixDatetime: null,
    paidAt: null,
    deliveryDate,
    shippingTerm,
    remarks: input.remarks ?? deliveryRemarks(deliveryDate, shippingTerm),
    orderType: input.orderType ?? 1,
    carrierCode: 11,
    memo: null,
    modifyFlag: 0,
    settlement,
    paymentCharge: input.paymentCharge ?? 0,
    additionalFee: input.additionalFee ?? 0,
    usedPoint: input.usedPoint ?? 0,
    giftCheckFlag: input.giftCheck || socialGift ? 1 : 0,
    socialGiftFlag: socialGift ? 1 : 0,
    wrappings: [...(input.wrappings ?? [])].sort((a, b) => a.title - b.title),
    warning: input.warning ?? null,
    orderer,
    deliveryName: input.deliveryName ?? "宅配便",
    deliveryClass: input.deliveryClass ?? null,
    packages,
    coupons: (input.coupons ?? []).map((c) => toCoupon(c, allItems, orderedAt)),
    changeReasons: [],
    amounts: emptyAmounts(),
    restoreStockOnCancel: true,
    history: [
      { at, by: "mall", event: "placed", detail: { settlement: settlementMethods[settlement].name } },
    ],
  };
  recomputeAmounts(order);
  takeStock(shop, allItems, at);
  state.orders.set(orderNumber, order);
  shop.orderNumbers.push(orderNumber);
  return order;
}

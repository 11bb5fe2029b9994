import type { MasterRow, ShopMasters } from "#server/domain/mall-masters.ts";
import { chosenOptions, optionAmountOf } from "#server/domain/option-amounts.ts";
import type { UnknownMallValue } from "#server/domain/unknown-mall-values.ts";
import type { MallAddress, MallOrder, MallOrderItem, MallPackage } from "#server/ports/mall.ts";
import { rakutenAmount, sumAmounts } from "./amounts.ts";
import { parseRakutenDate, parseRakutenDatetime } from "./datetime.ts";
import { rmsChosenCarrier } from "./delivery-companies.ts";
import { desiredDelivery } from "./delivery-wish.ts";
import { rakutenTable } from "./masters.ts";
import {
  couponDiscounts,
  dropOffLocation,
  feeBreakdown,
  isPlaceholderRecipient,
  isRelayEmail,
  pickupPoint,
  pickupShipTo,
  taxSummary,
  temperatureOf,
  wrappings,
} from "./order-details.ts";
import type {
  RakutenAddressModel,
  RakutenItemModel,
  RakutenOrderModel,
  RakutenPackageModel,
} from "./order-model.ts";
import { mallStatus, unknownProgress } from "./order-progress.ts";
import { rakutenPayment } from "./payment.ts";

const trimmed = (value: string | null | undefined) => value?.trim() ?? "";

/** 項目・選択肢 text: lines trimmed, blank lines dropped, '' when nothing is left. */
export function choiceText(value: string | null | undefined): string {
  return (value ?? "")
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join("\n");
}

const joined = (parts: (string | null | undefined)[], separator: string) =>
  parts
    .map(trimmed)
    .filter((part) => part !== "")
    .join(separator);

/**
 * OrdererModel / SenderModel → MallAddress. RMS splits an address into prefecture, city (郡市区) and
 * subAddress (それ以降の住所: 番地 and building in one field), so address1 = city + subAddress as
 * written and address2 stays empty: nothing tells the 番地 from the building reliably.
 * Phone = the three parts joined by '-', a null part skipped (RMS allows one).
 */
export function mallAddress(model: RakutenAddressModel | null | undefined): MallAddress {
  const nameKana = joined([model?.familyNameKana, model?.firstNameKana], " ");
  return {
    name: joined([model?.familyName, model?.firstName], " "),
    ...(nameKana ? { nameKana } : {}),
    postalCode: joined([model?.zipCode1, model?.zipCode2], "-"),
    prefecture: trimmed(model?.prefecture),
    address1: joined([model?.city, model?.subAddress], ""),
    phone: joined([model?.phoneNumber1, model?.phoneNumber2, model?.phoneNumber3], "-"),
  };
}

/**
 * The keys a product mapping matches an RMS line on:
 * - mallItemCode = manageNumber (商品管理番号), else itemNumber. Before the SKU migration itemNumber
 *   carries the 項目選択肢 ids glued on (PA-PC3-XXSBR), so manageNumber is the stable one.
 * - mallSkuCode, for a line of the SKU era (SkuModelList with a variantId, merchantDefinedSkuId or
 *   skuInfo): merchantDefinedSkuId (システム連携用SKU番号) when the merchant set one, else skuInfo — the
 *   variation text that replaced the old 項目選択肢別在庫 text — normalised ('' for a single-SKU item).
 *   selectedChoice is NOT part of it then: since the migration it holds only the options (のし,
 *   了承 check boxes …), which say nothing about which stock the line takes.
 * - mallSkuCode for a line from before the migration (no SKU data): selectedChoice normalised.
 * So a simple item has ('<manageNumber>', '') in both generations.
 * selectedChoice (shown to people) is the variation and the options, one per line, each once: an
 * option line that repeats a variation line (some orders carry the variation in both) is left out.
 * mallItemNumber is itemNumber (商品番号), which the shop's pages show, kept beside manageNumber.
 *
 * オプション金額 (項目選択肢 with a price add-on). RMS gives an option no price: the item API's
 * 商品オプション (ItemAPI 2.0 customizationOptions: displayName, inputType SINGLE_SELECTION /
 * MULTIPLE_SELECTION / FREE_TEXT, required, selections[].displayValue — no amount; as modelled in
 * github.com/JakeJP/Rakuten.RMS.Api ItemAPI20/ItemAPI2Model.cs) has only words, so a shop writes the
 * surcharge into the choice, and getOrder sends it back only as text in selectedChoice
 * (「ラッピング:希望する(+330円)」). price / priceTaxIncl stay the item's own price and requestPrice
 * does not count the surcharge: the shop charges it by changing the order's amount in RMS after the
 * order, the practice Rakuten's guideline 「項目選択肢等を用いた有料オプション商品の販売について」
 * (announced 2018-12, co2-color.com/2018/12/13/rakuten-news-2/) describes and restricts. So:
 * unitPrice = the mall's price, and optionAmount = the surcharges the options' words give (SKU era:
 * the option lines only — a variation's price difference is in the SKU's own price; before the
 * migration: every line), apart from it. Σ (unitPrice + optionAmount) × units then exceeds
 * requestPrice until the shop puts the surcharge into the price in RMS (the 請求金額不一致 hold).
 */
function mapItem(item: RakutenItemModel): MallOrderItem {
  const sku = item.SkuModelList?.[0];
  const variation = choiceText(sku?.skuInfo);
  const variationLines = new Set(variation.split("\n"));
  const options = choiceText(item.selectedChoice);
  const newOptions = options
    .split("\n")
    .filter((line) => line !== "" && !variationLines.has(line))
    .join("\n");
  const merchantSku = trimmed(sku?.merchantDefinedSkuId);
  const skuEra = Boolean(trimmed(sku?.variantId) || merchantSku || variation);
  const chosen = chosenOptions(skuEra ? newOptions : options);
  return {
    mallItemCode: trimmed(item.manageNumber) || trimmed(item.itemNumber),
    mallSkuCode: merchantSku || (skuEra ? variation : options),
    name: item.itemName.trim(),
    ...(trimmed(item.itemNumber) ? { mallItemNumber: trimmed(item.itemNumber) } : {}),
    selectedChoice: [variation, newOptions].filter((part) => part !== "").join("\n"),
    // Pre-v3 payloads have no priceTaxIncl; their price is tax-included unless includeTaxFlag is 0.
    unitPrice: item.priceTaxIncl ?? item.price,
    options: chosen,
    optionAmount: optionAmountOf(chosen),
    quantity: item.units,
    ...(item.itemDetailId == null ? {} : { mallLineId: item.itemDetailId }),
    ...(trimmed(sku?.variantId) ? { mallVariantId: trimmed(sku?.variantId) } : {}),
  };
}

function mapPackage(
  order: RakutenOrderModel,
  model: RakutenPackageModel,
  carriers: readonly MasterRow[],
): MallPackage & { unknown: UnknownMallValue | null } {
  const carrier = rmsChosenCarrier(model.defaultDeliveryCompanyCode, carriers);
  const recipient = mallAddress(model.SenderModel);
  const pickup = pickupPoint(model.DeliveryCvsModel, order.DeliveryModel?.deliveryName);
  return {
    mallPackageId: model.basketId,
    shipTo: pickup ? pickupShipTo(recipient, pickup) : recipient,
    pickupPoint: pickup,
    dropOffLocation: dropOffLocation(model),
    noshi: trimmed(model.noshi) || null,
    temperature: temperatureOf(order.DeliveryModel),
    remoteIsland: (model.SenderModel?.isolatedIslandFlag ?? order.isolatedIslandFlag) === 1,
    chosenCarrier: carrier.chosen,
    addressPending: isPlaceholderRecipient(order, model.SenderModel),
    items: model.ItemModelList.filter((item) => item.deleteItemFlag !== 1).map(mapItem),
    shippingFee: rakutenAmount(model.postagePrice),
    shippings: (model.ShippingModelList ?? []).map((s) => ({
      mallShippingId: s.shippingDetailId,
      carrierCode: trimmed(s.deliveryCompany),
      trackingNumber: trimmed(s.shippingNumber),
      shippedOn: s.shippingDate ? parseRakutenDate(s.shippingDate) : null,
    })),
    unknown: carrier.unknown,
  };
}

/**
 * One RMS OrderModel → MallOrder. Amounts (yen), with -9999 (undetermined) → null, never summed:
 * - subtotal = Σ (priceTaxIncl, else price) × units over the items left (deleteItemFlag ≠ 1);
 * - shippingFee = Σ package postagePrice, null if any is undetermined;
 * - fees = deliveryPrice (代引料) + paymentCharge (決済手数料) + additionalFeeOccurAmountToUser
 *   (後払い手数料) + wrapping (in RMS's goodsPrice, not in any item), null if any is undetermined;
 *   feeBreakdown keeps the four apart;
 * - couponDiscount = couponAllTotalPrice; pointsUsed = PointModel.usedPoint;
 * - billedTotal = requestPrice, which RMS computes as totalPrice (goods + wrapping + postage)
 *   + deliveryPrice + paymentCharge + additionalFee − coupons − points, so
 *   billedTotal = subtotal + shippingFee + fees − couponDiscount − pointsUsed when all are known.
 */
export function mapRakutenOrder(
  model: RakutenOrderModel,
  version?: number | null,
  masters?: ShopMasters,
): MallOrder {
  const orderedAt = parseRakutenDatetime(model.orderDatetime);
  if (!orderedAt)
    throw new Error(`orderDatetime ${model.orderDatetime} passed the schema but not the parser`);
  const read = model.PackageModelList.filter((p) => p.packageDeleteFlag !== 1).map((p) =>
    mapPackage(model, p, rakutenTable(masters, "delivery_company")),
  );
  const packages = read.map(({ unknown: _, ...p }) => p);
  const { unknown: payment, ...settlement } = rakutenPayment(
    model.SettlementModel,
    model.orderProgress,
    rakutenTable(masters, "payment_method"),
  );
  const unknownValues = [unknownProgress(model.orderProgress), payment, ...read.map((p) => p.unknown)]
    .filter((v): v is UnknownMallValue => v !== null)
    .filter((v, i, all) => all.findIndex((w) => w.kind === v.kind && w.mallCode === v.mallCode) === i);
  const subtotal = packages
    .flatMap((p) => p.items)
    .reduce((sum, item) => sum + item.unitPrice * item.quantity, 0);
  const coupons = (model.CouponModelList ?? []).map((c) => rakutenAmount(c.couponTotalPrice) ?? 0);
  const wish = desiredDelivery(model);
  const feeParts = feeBreakdown(model);
  // Undetermined only while a coupon's unit price or count is missing: the known coupons then.
  const couponDiscount = rakutenAmount(model.couponAllTotalPrice) ?? coupons.reduce((a, b) => a + b, 0);
  const email = trimmed(model.OrdererModel?.emailAddress);
  return {
    mallOrderNumber: model.orderNumber,
    mallStatus: mallStatus(model.orderProgress),
    orderedAt,
    buyer: { ...mallAddress(model.OrdererModel), email },
    buyerEmailMasked: isRelayEmail(email),
    ...settlement,
    packages,
    gift: model.giftCheckFlag === 1,
    wrappings: wrappings(model),
    subtotal,
    shippingFee: sumAmounts(packages.map((p) => p.shippingFee)),
    fees: sumAmounts([
      feeParts.cashOnDelivery,
      feeParts.payment,
      feeParts.deferredPayment,
      feeParts.wrapping,
    ]),
    feeBreakdown: feeParts,
    couponDiscount,
    couponDiscounts: couponDiscounts(model, couponDiscount),
    taxSummary: taxSummary(model),
    pointsUsed: rakutenAmount(model.PointModel?.usedPoint) ?? 0,
    billedTotal: rakutenAmount(model.requestPrice),
    remarks: model.remarks ?? "",
    desiredDeliveryDate: wish.date,
    desiredTimeSlot: wish.timeSlot,
    ...(unknownValues.length ? { unknownValues } : {}),
    ...(version == null ? {} : { sourceVersion: version }),
  };
}

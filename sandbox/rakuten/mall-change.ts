import { controlError, type Reply } from "./http-reply.ts";
import { recomputeAmounts } from "./order-amounts.ts";
import type { MallChangeInput } from "./order-input.ts";
import { toOrderer, toSender } from "./order-people.ts";
import type { MallOrder } from "./order-record.ts";
import { deliveryRemarks } from "./place-order.ts";

/**
 * A change made on the mall's side, which the shop's client only sees by reading the order again:
 * the shop fixing 送料 or an item's price in RMS, the buyer editing the ship-to or remarks in 購入履歴 (modifyFlag 1).
 * Returns a refusal, or undefined once applied.
 */

export function applyMallChange(order: MallOrder, change: MallChangeInput, at: Date): Reply | undefined {
  if (order.orderProgress === 900) {
    return controlError(
      409,
      "cancelled",
      `${order.orderNumber} is cancelled; the mall changes nothing on it`,
    );
  }
  const targets = (change.packages ?? []).map((p, i) =>
    p.basketId === undefined ? order.packages[i] : order.packages.find((pkg) => pkg.basketId === p.basketId),
  );
  const unknown = targets.flatMap((target, i) =>
    target ? [] : [{ field: `packages.${i}.basketId`, message: `no such package in ${order.orderNumber}` }],
  );
  if (unknown.length > 0) return controlError(400, "invalid_input", "unknown package", unknown);

  const byBuyer = change.buyer !== undefined || change.sender !== undefined || change.remarks !== undefined;
  if (change.buyer) order.orderer = toOrderer(change.buyer, order.orderNumber, order.orderer);
  for (const pkg of order.packages) {
    const own = change.packages?.[targets.indexOf(pkg)];
    const postage = own?.postagePrice ?? change.postagePrice;
    if (postage !== undefined) pkg.postagePrice = postage;
    if (own?.deliveryPrice !== undefined) pkg.deliveryPrice = own.deliveryPrice;
    // The shop's 金額変更 (an option's surcharge put into the price, say): requestPrice follows.
    own?.items?.forEach((change, i) => {
      const item = pkg.items[i];
      if (item) item.price = change.price;
    });
    const sender = own?.sender ?? change.sender;
    if (sender) pkg.sender = toSender(sender, pkg.sender, pkg.sender.isolatedIslandFlag);
    // A social gift's recipient has entered the address: the placeholder is gone.
    if (sender && pkg.socialGift?.inputFlag === 0) {
      pkg.socialGift = { ...pkg.socialGift, inputFlag: 1, inputCompDatetime: at };
    }
  }
  const generated = deliveryRemarks(order.deliveryDate, order.shippingTerm);
  if (change.deliveryDate !== undefined) order.deliveryDate = change.deliveryDate;
  if (change.shippingTerm !== undefined) order.shippingTerm = change.shippingTerm;
  // Remarks the sandbox wrote itself follow the new delivery wish; a buyer's own text stays.
  if (change.remarks !== undefined) order.remarks = change.remarks;
  else if (order.remarks === generated)
    order.remarks = deliveryRemarks(order.deliveryDate, order.shippingTerm);
  if (change.paymentCharge !== undefined) order.paymentCharge = change.paymentCharge;
  if (change.usedPoint !== undefined) order.usedPoint = change.usedPoint;
  if (byBuyer) order.modifyFlag = 1;
  recomputeAmounts(order);
  order.history.push({ at, by: "mall", event: "changed", detail: { fields: Object.keys(change) } });
  return undefined;
}

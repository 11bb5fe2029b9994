import { trackingUrl } from "#server/carriers/registry.ts";
import type { LoadedOrder } from "#server/db/orders/order-queries.ts";
import type { ShipTo } from "#server/domain/address.ts";
import { CARRIERS, type ShippedParcel } from "#server/domain/carrier.ts";
import type { MailFacts } from "#server/domain/mail/facts.ts";
import { PAYMENT_METHODS } from "#server/domain/payment.ts";
import { tokyoDate } from "#server/domain/tokyo-time.ts";

/** What a template may say about an order (and the shipment a 出荷メール is about). */
export function mailFactsOf(order: LoadedOrder, shopName: string, shipmentId: string | null): MailFacts {
  const row = order.row;
  const shipment = shipmentId ? order.shipments.find((s) => s.id === shipmentId) : undefined;
  const subtotal = order.items.reduce((sum, i) => sum + i.unitPrice * i.quantity, 0);
  return {
    shopName,
    orderNumber: row.mallOrderNumber,
    orderedAt: row.orderedAt,
    buyerName: row.buyerName,
    buyerEmail: row.buyerEmail,
    shipTo: row.shipTo as ShipTo,
    items: order.items.map((i) => ({ name: i.name, quantity: i.quantity, unitPrice: i.unitPrice })),
    subtotal,
    shippingFee: row.shippingFee,
    fees: row.fees,
    couponDiscount: row.couponDiscount,
    pointsUsed: row.pointsUsed,
    total: row.total,
    paymentMethodLabel:
      PAYMENT_METHODS[row.paymentMethod as keyof typeof PAYMENT_METHODS] ?? row.paymentMethod,
    desiredDeliveryDate: row.desiredDeliveryDate,
    desiredTimeSlot: row.desiredTimeSlot,
    customerRank: row.customerRank,
    shipment: shipment
      ? {
          slipNumber: shipment.slipNumber,
          parcels: (shipment.parcels as ShippedParcel[]).map((p) => ({
            carrierLabel: CARRIERS[p.carrier].label,
            trackingNumber: p.trackingNumber,
            trackingUrl: trackingUrl(p),
          })),
          shippedOn: shipment.shippedAt ? tokyoDate(shipment.shippedAt) : null,
        }
      : null,
    cancelReason: null,
    companyName: null,
    refusalReason: null,
  };
}

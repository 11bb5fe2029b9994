import type { ShipTo } from "#server/domain/address.ts";

/**
 * What a mail can say about one order, gathered by the send job before rendering so the renderer
 * stays pure. Amounts are yen integers; null means the mall has not settled it yet (未確定).
 */
export type MailFacts = {
  shopName: string;
  orderNumber: string;
  orderedAt: Date;
  buyerName: string;
  buyerEmail: string;
  shipTo: ShipTo;
  items: { name: string; quantity: number; unitPrice: number }[];
  subtotal: number;
  shippingFee: number | null;
  fees: number | null;
  couponDiscount: number;
  pointsUsed: number;
  total: number | null;
  paymentMethodLabel: string;
  /** YYYY-MM-DD, or the mall's own wording when it is not a date. */
  desiredDeliveryDate: string | null;
  desiredTimeSlot: string | null;
  /** The shipment a shipping-status mail is about; null for order-status mails. */
  shipment: {
    slipNumber: string;
    parcels: { carrierLabel: string; trackingNumber: string; trackingUrl: string | null }[];
    /** YYYY-MM-DD in Tokyo. */
    shippedOn: string | null;
  } | null;
  cancelReason: string | null;
  /** The ordering company (取引先) of an order placed by a business, null for a consumer's. */
  companyName: string | null;
  /** Why the shop refused a buyer's cancel request, when it said. */
  refusalReason: string | null;
  /** 顧客ランク at ordering (顧客ランク設定); null when the buyer held none. */
  customerRank: string | null;
};

import { and, asc, eq, inArray } from "drizzle-orm";
import type { DeliveryNote } from "#server/adapters/documents/delivery-note.ts";
import { orderItems, orders, shipments, shops, warehouses } from "#server/db/schema.ts";
import type { ShipTo } from "#server/domain/address.ts";
import { parcelNotes } from "#server/domain/parcel-notes.ts";
import { PAYMENT_METHODS } from "#server/domain/payment.ts";
import { notFound } from "#server/domain/refusal.ts";
import { senderOf } from "#server/domain/ship-from.ts";
import { warehouseSettingsOf } from "#server/domain/warehouse-settings.ts";
import type { AppContext } from "../context.ts";
import { parcelFactsOf } from "./parcel-facts.ts";

type FeeBreakdown = {
  cashOnDelivery: number | null;
  payment: number | null;
  deferredPayment: number | null;
  wrapping: number | null;
};

const FEE_LABELS: [keyof FeeBreakdown, string][] = [
  ["cashOnDelivery", "代引手数料"],
  ["payment", "決済手数料"],
  ["deferredPayment", "後払い手数料"],
  ["wrapping", "ラッピング料"],
];

/**
 * 納品書 for each order, in the order asked. The shop's name and address are its 送付元住所 (the shop's
 * own, or its stock room's ご依頼主), the same the carrier slips print, so the box and the paper in it
 * say the same sender.
 */
export async function deliveryNotes(
  ctx: AppContext,
  accountId: string,
  orderIds: readonly string[],
): Promise<DeliveryNote[]> {
  const { rows, items, parcels } = await notesMaterial(ctx, accountId, orderIds);
  const issuedOn = ctx.clock.now();
  const byId = new Map(rows.map((r) => [r.order.id, r]));
  return orderIds.map((id) => {
    const row = byId.get(id);
    if (!row) throw notFound("order", "注文");
    return noteOf(
      ctx,
      row,
      items.filter((i) => i.orderId === id),
      parcels.filter((s) => s.orderId === id),
      issuedOn,
    );
  });
}

export type NoteOrder = {
  order: typeof orders.$inferSelect;
  shopName: string;
  shopSettings: unknown;
  channel: string;
};
export type NoteParcel = { shipment: typeof shipments.$inferSelect; orderId: string; settings: unknown };

/** The orders with their shops, their lines in line order and their parcels with each stock room's settings. */
export async function notesMaterial(ctx: AppContext, accountId: string, orderIds: readonly string[]) {
  const rows: NoteOrder[] = await ctx.db
    .select({ order: orders, shopName: shops.name, shopSettings: shops.settings, channel: shops.channel })
    .from(orders)
    .innerJoin(shops, eq(shops.id, orders.shopId))
    .where(and(eq(orders.accountId, accountId), inArray(orders.id, [...orderIds])));
  if (rows.length !== new Set(orderIds).size) throw notFound("order", "注文");
  const [items, parcels] = await Promise.all([
    ctx.db
      .select()
      .from(orderItems)
      .where(and(inArray(orderItems.orderId, [...orderIds]), eq(orderItems.accountId, accountId)))
      .orderBy(asc(orderItems.lineNo)),
    ctx.db
      .select({ shipment: shipments, orderId: shipments.orderId, settings: warehouses.settings })
      .from(shipments)
      .innerJoin(warehouses, eq(warehouses.id, shipments.warehouseId))
      .where(and(inArray(shipments.orderId, [...orderIds]), eq(shipments.accountId, accountId)))
      .orderBy(asc(shipments.slipNumber)) as Promise<NoteParcel[]>,
  ]);
  return { rows, items, parcels };
}

/** One 納品書 of the given lines, to the order's ship-to unless told; the sender as the first parcel's slip prints it. */
export function noteOf(
  ctx: AppContext,
  row: NoteOrder,
  lines: readonly (typeof orderItems.$inferSelect)[],
  parcels: readonly NoteParcel[],
  issuedOn: Date,
  shipTo = row.order.shipTo as ShipTo,
): DeliveryNote {
  const { order } = row;
  const sender = senderOf(
    { name: row.shopName, settings: row.shopSettings },
    warehouseSettingsOf(parcels[0]?.settings),
  );
  const breakdown = order.feeBreakdown as FeeBreakdown | null;
  const split = order.shopCouponDiscount + order.mallCouponDiscount === order.couponDiscount;
  const mallName = ctx.channels.get(row.channel)?.label ?? "モール";
  const notes = parcels.flatMap((s) => parcelNotes(parcelFactsOf(order, s.shipment)));
  return {
    shop: {
      name: sender?.name ?? row.shopName,
      ...(sender
        ? {
            postalCode: sender.postalCode,
            address: `${sender.prefecture}${sender.address1}${sender.address2 ?? ""}`,
            phone: sender.phone,
          }
        : {}),
    },
    orderNumber: order.mallOrderNumber,
    orderedAt: order.orderedAt,
    buyer: { name: order.buyerName },
    shipTo: {
      ...shipTo,
      ...(shipTo.address2 ? { address2: shipTo.address2 } : {}),
    } as DeliveryNote["shipTo"],
    items: lines.map((i) => ({
      name: i.name,
      code: i.mallItemNumber ?? i.mallItemCode,
      ...(i.selectedChoice ? { choice: i.selectedChoice } : {}),
      ...(i.optionAmount ? { optionAmount: i.optionAmount } : {}),
      unitPrice: i.unitPrice,
      quantity: i.quantity,
    })),
    shippingFee: order.shippingFee,
    fees: order.fees,
    ...(breakdown ? { feeLines: FEE_LABELS.map(([key, label]) => ({ label, amount: breakdown[key] })) } : {}),
    couponDiscount: order.couponDiscount,
    // Split only when the parts add up: orders imported before the split carry the total alone.
    ...(split && order.couponDiscount > 0
      ? {
          couponLines: [
            { label: "ショップクーポン", amount: order.shopCouponDiscount },
            { label: `${mallName}クーポン`, amount: order.mallCouponDiscount },
          ],
        }
      : {}),
    taxSummary: order.taxSummary as DeliveryNote["taxSummary"],
    notes: [...new Set(notes)],
    pointsUsed: order.pointsUsed,
    total: order.total,
    paymentMethod:
      PAYMENT_METHODS[order.paymentMethod as keyof typeof PAYMENT_METHODS] ?? order.paymentMethod,
    remarks: order.remarks,
    issuedOn,
  };
}

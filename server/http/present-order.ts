import type { AppContext } from "#server/app/context.ts";
import { loadOrderForView } from "#server/db/orders/order-view-query.ts";
import { actedBy } from "#server/domain/acted-by.ts";
import { holdGuides } from "#server/domain/hold-guide.ts";
import { waitingFor } from "#server/domain/order.ts";
import { allowedActions, shipmentActions } from "#server/domain/order-actions.ts";
import { mallReflectionOf } from "#server/domain/order-edit-mall.ts";
import {
  ORDER_STATUS_LABELS,
  SHIPPING_STATUS_LABELS,
  type ShippingStatus,
  summarizeShippingStatus,
} from "#server/domain/order-status.ts";
import { PAYMENT_METHODS } from "#server/domain/payment.ts";
import { notFound } from "#server/domain/refusal.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import { orderSchedule } from "#server/domain/warehouse-calendar.ts";
import { presentOrderB2b } from "./b2b-order-view.ts";
import type { OrderView } from "./order-schemas.ts";
import { presentShipment } from "./present-shipment.ts";

const iso = (d: Date | null) => (d ? toTokyoIso(d) : null);

export function shippingStatusOf(statuses: readonly string[]) {
  const s = summarizeShippingStatus(statuses as ShippingStatus[]);
  return { shippingStatus: s, shippingStatusLabel: s ? SHIPPING_STATUS_LABELS[s] : null };
}

/** The whole order as the order screen shows it, with what may be done to it now. */
export async function presentOrder(
  ctx: Pick<AppContext, "db" | "channels">,
  accountId: string,
  orderId: string,
): Promise<OrderView> {
  const found = await loadOrderForView(ctx.db, accountId, orderId);
  if (!found) throw notFound("order", "注文");
  const { order, events, allocations: allocs, tags: tagRows } = found;
  const { row } = order;
  return {
    id: row.id,
    shopId: row.shopId,
    mallOrderNumber: row.mallOrderNumber,
    source: row.source,
    status: order.snapshot.status,
    statusLabel: ORDER_STATUS_LABELS[order.snapshot.status],
    ...shippingStatusOf(order.shipments.map((s) => s.status)),
    orderedAt: toTokyoIso(row.orderedAt),
    graceUntil: toTokyoIso(row.graceUntil),
    buyer: {
      name: row.buyerName,
      email: row.buyerEmail,
      emailMasked: row.buyerEmailMasked,
      phone: row.buyerPhone,
    },
    customerId: row.customerId,
    customerRank: row.customerRank,
    shipTo: row.shipTo as Record<string, unknown>,
    paymentMethod: row.paymentMethod,
    paymentMethodLabel:
      PAYMENT_METHODS[row.paymentMethod as keyof typeof PAYMENT_METHODS] ?? row.paymentMethod,
    paid: row.paidAt !== null,
    paidAt: iso(row.paidAt),
    subtotal: row.subtotal,
    shippingFee: row.shippingFee,
    fees: row.fees,
    feeBreakdown: row.feeBreakdown as OrderView["feeBreakdown"],
    couponDiscount: row.couponDiscount,
    couponDiscounts: { shop: row.shopCouponDiscount, mall: row.mallCouponDiscount },
    gift: row.gift,
    wrappings: row.wrappings as OrderView["wrappings"],
    taxSummary: row.taxSummary as OrderView["taxSummary"],
    pointsUsed: row.pointsUsed,
    total: row.total,
    remarks: row.remarks,
    desiredDeliveryDate: row.desiredDeliveryDate,
    desiredTimeSlot: row.desiredTimeSlot,
    ...orderSchedule(order.shipments, row.desiredDeliveryDate),
    mall: row.mallStatus
      ? {
          status: row.mallStatus,
          statusLabel: row.mallStatusLabel ?? row.mallStatus,
          paymentLabel: row.mallPaymentLabel,
          checkedAt: iso(row.mallCheckedAt),
          confirmedAt: iso(row.mallConfirmedAt),
        }
      : null,
    testImport: row.testImport,
    deleted: row.deletedAt !== null,
    deletedAt: iso(row.deletedAt),
    items: order.items.map((i) => ({
      id: i.id,
      lineNo: i.lineNo,
      mallItemCode: i.mallItemCode,
      mallItemNumber: i.mallItemNumber,
      mallSkuCode: i.mallSkuCode,
      name: i.name,
      selectedChoice: i.selectedChoice,
      shipmentId: i.shipmentId,
      unitPrice: i.unitPrice,
      optionAmount: i.optionAmount,
      quantity: i.quantity,
      mapped: i.mapping !== null,
      productMappingId: i.mapping?.id ?? null,
    })),
    shipments: order.shipments.map((s) => ({
      ...presentShipment(s),
      allowedActions: shipmentActions(order.snapshot, s),
      allocations: allocs
        .filter((a) => a.shipmentId === s.id)
        .map((a) => ({ productId: a.productId, required: a.required, allocated: a.allocated })),
    })),
    tags: tagRows.map((t) => ({
      id: t.id,
      name: t.name,
      color: t.color,
      hold: t.hold,
      kind: t.kind as "system" | "custom",
      systemCode: t.systemCode,
    })),
    allowedActions: allowedActions(order.snapshot),
    waitingFor: waitingFor(order.snapshot),
    holds: holdGuides(order.tags, waitingFor(order.snapshot)),
    version: row.version,
    mallEdit: mallReflectionOf(row.source, ctx.channels.get(found.channel ?? "")?.capabilities.updateOrder),
    b2b: presentOrderB2b(found.b2b),
    events: events.map((e) => ({
      at: toTokyoIso(e.at),
      actor: e.actor,
      actedBy: actedBy(e.actor, found.actorNames),
      type: e.type,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      message: e.message,
      detail: e.detail,
    })),
    createdAt: toTokyoIso(row.createdAt),
    updatedAt: toTokyoIso(row.updatedAt),
  };
}

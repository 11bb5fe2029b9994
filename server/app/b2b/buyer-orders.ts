import { and, asc, desc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { b2bOrders, orderEvents, orderItems, orders, shipments } from "#server/db/schema.ts";
import {
  BUYER_DETAIL_LABELS,
  BUYER_HISTORY_LABELS,
  type CancelRequest,
  type CancelRequestStatus,
  canRequestCancel,
  reasonLabel,
} from "#server/domain/b2b/cancel-request.ts";
import { BUYER_ORDER_STATUS_LABELS, buyerOrderStatus } from "#server/domain/b2b/price-list.ts";
import { decodeCursor, encodeCursor } from "#server/domain/keyset-cursor.ts";
import { isOrderStatus, type OrderStatus, type ShippingStatus } from "#server/domain/order-status.ts";
import { notFound } from "#server/domain/refusal.ts";
import type { BuyerPrincipal } from "./buyer-sessions.ts";
import { readSettings } from "./desk.ts";

const PAGE = 50;

const columns = {
  id: orders.id,
  orderNumber: orders.mallOrderNumber,
  orderedAt: orders.orderedAt,
  total: orders.total,
  status: orders.status,
  b2b: b2bOrders,
};
type Row = {
  id: string;
  orderNumber: string;
  orderedAt: Date;
  total: number | null;
  status: string;
  b2b: typeof b2bOrders.$inferSelect;
};

/** A company's orders only: every read joins b2b_orders on the buyer's own company and account. */
const ofBuyer = (buyer: BuyerPrincipal) =>
  and(
    eq(b2bOrders.companyId, buyer.companyId),
    eq(b2bOrders.accountId, buyer.accountId),
    isNull(orders.deletedAt),
  );

function requestOf(b: Row["b2b"]): CancelRequest | null {
  if (!b.cancelRequestStatus || !b.cancelRequestedAt) return null;
  return {
    status: b.cancelRequestStatus as CancelRequestStatus,
    reasonCode: b.cancelReasonCode ?? "other",
    reasonText: b.cancelReasonText,
    requestedAt: b.cancelRequestedAt,
    decidedAt: b.cancelDecidedAt,
    decidedBy: b.cancelDecidedBy,
    refusalReason: b.cancelRefusalReason,
  };
}

function present(row: Row, shipping: readonly { status: ShippingStatus }[], allowed: boolean) {
  const status = buyerOrderStatus(row.status as OrderStatus);
  const request = requestOf(row.b2b);
  return {
    id: row.id,
    orderNumber: row.orderNumber,
    orderedAt: row.orderedAt,
    total: row.total,
    status,
    statusLabel: BUYER_ORDER_STATUS_LABELS[status],
    placedVia: row.b2b.placedVia,
    desiredDeliveryDate: row.b2b.desiredDeliveryDate,
    cancelRequest: request && {
      status: request.status,
      label: BUYER_HISTORY_LABELS[request.status],
      detailLabel: BUYER_DETAIL_LABELS[request.status],
      reasonLabel: reasonLabel(request),
      reasonText: request.reasonText,
      refusalReason: request.refusalReason,
    },
    canRequestCancel: canRequestCancel({
      allowed,
      status: row.status as OrderStatus,
      shipments: shipping,
      request,
    }),
  };
}

async function shipmentStatuses(db: Db, orderIds: readonly string[]) {
  const rows = orderIds.length
    ? await db
        .select({ orderId: shipments.orderId, status: shipments.status })
        .from(shipments)
        .where(inArray(shipments.orderId, [...orderIds]))
    : [];
  const byOrder = new Map<string, { status: ShippingStatus }[]>();
  for (const r of rows)
    byOrder.set(r.orderId, [...(byOrder.get(r.orderId) ?? []), { status: r.status as ShippingStatus }]);
  return byOrder;
}

/** 発注履歴: the company's orders, newest first. */
export async function listBuyerOrders(db: Db, buyer: BuyerPrincipal, query: { cursor?: string | undefined }) {
  const c = query.cursor ? decodeCursor(query.cursor) : null;
  const rows: Row[] = await db
    .select(columns)
    .from(b2bOrders)
    .innerJoin(orders, eq(orders.id, b2bOrders.orderId))
    .where(
      and(
        ofBuyer(buyer),
        c
          ? or(
              lt(orders.orderedAt, new Date(c.at)),
              and(eq(orders.orderedAt, new Date(c.at)), lt(orders.id, c.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(orders.orderedAt), desc(orders.id))
    .limit(PAGE + 1);
  const page = rows.slice(0, PAGE);
  const shipping = await shipmentStatuses(
    db,
    page.map((r) => r.id),
  );
  const { allowCancelRequests } = await readSettings(db, buyer.accountId);
  const last = page.at(-1);
  return {
    items: page.map((r) => present(r, shipping.get(r.id) ?? [], allowCancelRequests)),
    nextCursor:
      rows.length > PAGE && last ? encodeCursor({ at: last.orderedAt.toISOString(), id: last.id }) : null,
  };
}

/** 発注履歴詳細: lines, ship-to and what happened, in the buyer's words; another company's order is unknown. */
export async function buyerOrderDetail(db: Db, buyer: BuyerPrincipal, orderId: string) {
  const [row] = await db
    .select({ ...columns, shipTo: orders.shipTo })
    .from(b2bOrders)
    .innerJoin(orders, eq(orders.id, b2bOrders.orderId))
    .where(and(eq(b2bOrders.orderId, orderId), ofBuyer(buyer)));
  if (!row) throw notFound("order", "注文");
  const [lines, events, shipping, settings] = await Promise.all([
    db
      .select({
        sku: orderItems.mallItemCode,
        name: orderItems.name,
        unitPrice: orderItems.unitPrice,
        quantity: orderItems.quantity,
      })
      .from(orderItems)
      .where(eq(orderItems.orderId, orderId))
      .orderBy(asc(orderItems.lineNo)),
    db
      .select({ at: orderEvents.at, type: orderEvents.type, toStatus: orderEvents.toStatus })
      .from(orderEvents)
      .where(eq(orderEvents.orderId, orderId))
      .orderBy(asc(orderEvents.id)),
    shipmentStatuses(db, [orderId]),
    readSettings(db, buyer.accountId),
  ]);
  return {
    ...present(row, shipping.get(orderId) ?? [], settings.allowCancelRequests),
    note: row.b2b.note,
    lines: lines.map((l) => ({ ...l, amount: l.unitPrice * l.quantity })),
    shipTo: row.shipTo as Record<string, string>,
    history: buyerHistory(events),
  };
}

const REQUEST_EVENTS: Record<string, CancelRequestStatus> = {
  b2b_cancel_requested: "requested",
  b2b_cancel_approved: "approved",
  b2b_cancel_refused: "refused",
};

/** The merchant's timeline folded into what the buyer follows: each 注文状況 once, and the cancel request's steps. */
function buyerHistory(events: readonly { at: Date; type: string; toStatus: string | null }[]) {
  const history: { at: Date; label: string }[] = [];
  let lastStatus: string | null = null;
  for (const e of events) {
    const request = REQUEST_EVENTS[e.type];
    if (request) {
      history.push({ at: e.at, label: BUYER_DETAIL_LABELS[request] });
      continue;
    }
    if (!e.toStatus || !isOrderStatus(e.toStatus)) continue;
    const status = buyerOrderStatus(e.toStatus);
    if (status === lastStatus) continue;
    lastStatus = status;
    history.push({ at: e.at, label: BUYER_ORDER_STATUS_LABELS[status] });
  }
  return history;
}

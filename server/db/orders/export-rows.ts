import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { orders, orderTags, shipments, shops, tags } from "#server/db/schema.ts";
import type { ShipTo } from "#server/domain/address.ts";
import { deliveryMethodOf } from "#server/domain/delivery-method.ts";
import type { ExportOrder } from "#server/domain/order-export-columns.ts";
import { afterPosition, type ListPosition } from "./filter-pages.ts";
import { type OrderFilterQuery, orderFilter } from "./order-filter.ts";
import { orderPlannedShipDate } from "./ship-dates.ts";

/** Where the next page of an export starts: the last written order's list position. */
export type ExportCursor = ListPosition;

/**
 * One keyset page of the orders a filter matches, in the list's order, with what their shipments and
 * tags say: three statements a page, whatever its size, and never more than one page in memory.
 */
export async function readExportPage(
  db: Db,
  accountId: string,
  filter: OrderFilterQuery & { sort?: "orderedAt" | "-orderedAt" | undefined },
  after: ExportCursor | null,
  limit: number,
): Promise<{ orders: ExportOrder[]; last: ExportCursor | null }> {
  const ascending = filter.sort === "orderedAt";
  const where: SQL[] = [orderFilter(db, accountId, filter)];
  if (after) where.push(afterPosition(after, ascending));
  const rows = await db
    .select({
      id: orders.id,
      mallOrderNumber: orders.mallOrderNumber,
      orderedAt: orders.orderedAt,
      shopName: shops.name,
      status: orders.status,
      buyerName: orders.buyerName,
      buyerEmail: orders.buyerEmail,
      buyerPhone: orders.buyerPhone,
      shipTo: orders.shipTo,
      paymentMethod: orders.paymentMethod,
      paidAt: orders.paidAt,
      subtotal: orders.subtotal,
      shippingFee: orders.shippingFee,
      fees: orders.fees,
      couponDiscount: orders.couponDiscount,
      pointsUsed: orders.pointsUsed,
      total: orders.total,
      remarks: orders.remarks,
      desiredDeliveryDate: orders.desiredDeliveryDate,
      desiredTimeSlot: orders.desiredTimeSlot,
      plannedShipDate: orderPlannedShipDate,
    })
    .from(orders)
    .innerJoin(shops, eq(shops.id, orders.shopId))
    .where(and(...where))
    .orderBy(
      ...(ascending ? [asc(orders.orderedAt), asc(orders.id)] : [desc(orders.orderedAt), desc(orders.id)]),
    )
    .limit(limit);
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return { orders: [], last: null };
  const [shipmentRows, tagRows] = await Promise.all([
    db
      .select({
        orderId: shipments.orderId,
        chosenCarrier: shipments.chosenCarrier,
        shippingService: shipments.shippingService,
        shippedAt: shipments.shippedAt,
      })
      .from(shipments)
      .where(inArray(shipments.orderId, ids)),
    db
      .select({ orderId: orderTags.orderId, name: tags.name })
      .from(orderTags)
      .innerJoin(tags, eq(tags.id, orderTags.tagId))
      .where(inArray(orderTags.orderId, ids))
      .orderBy(asc(tags.name)),
  ]);
  const shipmentsOf = groupBy(shipmentRows);
  const tagsOf = groupBy(tagRows);
  const last = rows.at(-1);
  return {
    orders: rows.map(({ id, shipTo, ...r }) => {
      const own = shipmentsOf.get(id) ?? [];
      const shipped = own.flatMap((s) => (s.shippedAt ? [s.shippedAt.getTime()] : []));
      return {
        ...r,
        shipTo: shipTo as ShipTo,
        deliveryMethod: deliveryMethodOf(own),
        shippedAt: shipped.length ? new Date(Math.min(...shipped)) : null,
        tags: (tagsOf.get(id) ?? []).map((t) => t.name),
      };
    }),
    last: last ? { at: last.orderedAt.toISOString(), id: last.id } : null,
  };
}

function groupBy<T extends { orderId: string }>(rows: readonly T[]): Map<string, T[]> {
  const byOrder = new Map<string, T[]>();
  for (const row of rows) {
    const list = byOrder.get(row.orderId);
    if (list) list.push(row);
    else byOrder.set(row.orderId, [row]);
  }
  return byOrder;
}

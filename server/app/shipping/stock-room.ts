import { and, asc, eq, inArray } from "drizzle-orm";
import type { PickingLine, PickingList } from "#server/adapters/documents/picking-list.ts";
import {
  allocations,
  orderItems,
  orders,
  products,
  shipments,
  shops,
  warehouses,
} from "#server/db/schema.ts";
import type { ShipTo } from "#server/domain/address.ts";
import { parcelNotes } from "#server/domain/parcel-notes.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import type { AppContext } from "../context.ts";
import { parcelFactsOf } from "./parcel-facts.ts";
import { warehouseKindOf } from "./warehouse-client.ts";

/** The merchant's own stock room of this account; a 3PL has its own systems for all of this. */
export async function ownStockRoom(ctx: AppContext, accountId: string, warehouseId: string) {
  const [warehouse] = await ctx.db
    .select()
    .from(warehouses)
    .where(and(eq(warehouses.id, warehouseId), eq(warehouses.accountId, accountId)));
  if (!warehouse) throw notFound("warehouse", "倉庫");
  if (!warehouseKindOf(ctx, warehouse.kind).capabilities.stockRoom) {
    throw new Refusal(
      "warehouse.not_own_stock_room",
      "ピッキングリスト・送り状データ・伝票番号取込は自社倉庫だけです。",
      {
        rule: "warehouse_is_3pl",
      },
    );
  }
  return warehouse;
}

/**
 * 自社倉庫: what the staff work from. The shipments 出荷中 at the merchant's own stock room are the
 * ones requested and not yet shipped: the picking list and the carrier slips read that same set, or
 * the parcels of the shipments a person picked from it.
 */
export async function stockRoomShipments(
  ctx: AppContext,
  accountId: string,
  warehouseId: string,
  shipmentIds?: readonly string[],
) {
  const { db } = ctx;
  const warehouse = await ownStockRoom(ctx, accountId, warehouseId);
  const all = await db
    .select({ shipment: shipments, order: orders, shopName: shops.name, shopSettings: shops.settings })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .innerJoin(shops, eq(shops.id, orders.shopId))
    .where(and(eq(shipments.warehouseId, warehouseId), eq(shipments.status, "shipping")))
    .orderBy(asc(shipments.slipNumber));
  if (shipmentIds?.some((id) => !all.some((r) => r.shipment.id === id))) {
    throw new Refusal(
      "shipment.not_in_progress",
      "選んだ出荷に、この倉庫で出荷中でないものが含まれています。",
      {
        rule: "shipment_not_in_progress",
      },
    );
  }
  // 同梱: the shipments merged into one parcel are one box on the shelf and one label, under the lead's
  // slip number, whichever of them was picked.
  const parcelOf = (r: (typeof all)[number]) => r.shipment.consolidationId ?? r.shipment.id;
  const chosen = new Set(
    all.filter((r) => !shipmentIds || shipmentIds.includes(r.shipment.id)).map(parcelOf),
  );
  const parcels = all
    .filter((r) => parcelOf(r) === r.shipment.id && chosen.has(r.shipment.id))
    .map((lead) => ({ ...lead, members: all.filter((r) => parcelOf(r) === lead.shipment.id) }));
  const memberIds = parcels.flatMap((p) => p.members.map((m) => m.shipment.id));
  const items = memberIds.length
    ? await db
        .select()
        .from(orderItems)
        .where(inArray(orderItems.shipmentId, memberIds))
        .orderBy(asc(orderItems.lineNo))
    : [];
  return { warehouse, parcels, items };
}

/**
 * ピッキングリスト: what to take from the shelves, in total per SKU and per parcel. What a parcel needs
 * of each product is its allocation (items × set components), so the list matches what was reserved.
 */
export async function pickingList(
  ctx: AppContext,
  accountId: string,
  warehouseId: string,
  shipmentIds?: readonly string[],
): Promise<PickingList> {
  const { warehouse, parcels } = await stockRoomShipments(ctx, accountId, warehouseId, shipmentIds);
  const memberIds = parcels.flatMap((p) => p.members.map((m) => m.shipment.id));
  const needs = memberIds.length
    ? await ctx.db
        .select({
          shipmentId: allocations.shipmentId,
          sku: products.sku,
          name: products.name,
          quantity: allocations.required,
        })
        .from(allocations)
        .innerJoin(products, eq(products.id, allocations.productId))
        .where(inArray(allocations.shipmentId, memberIds))
        .orderBy(asc(products.sku))
    : [];
  const totals = new Map<string, PickingLine>();
  for (const n of needs) {
    const t = totals.get(n.sku);
    totals.set(n.sku, { sku: n.sku, name: n.name, quantity: (t?.quantity ?? 0) + n.quantity });
  }
  return {
    warehouseName: warehouse.name,
    generatedAt: ctx.clock.now(),
    totals: [...totals.values()],
    shipments: parcels.map(({ shipment, order, members }) => {
      const inParcel = new Set(members.map((m) => m.shipment.id));
      const lines = new Map<string, PickingLine>();
      for (const n of needs.filter((x) => inParcel.has(x.shipmentId))) {
        lines.set(n.sku, {
          sku: n.sku,
          name: n.name,
          quantity: (lines.get(n.sku)?.quantity ?? 0) + n.quantity,
        });
      }
      return {
        slipNumber: shipment.slipNumber,
        orderNumbers: members.map((m) => m.order.mallOrderNumber),
        recipientName: ((shipment.shipTo ?? order.shipTo) as ShipTo).name,
        // A merged parcel carries every member's wishes, each once.
        notes: [...new Set(members.flatMap((m) => parcelNotes(parcelFactsOf(m.order, m.shipment))))],
        lines: [...lines.values()],
      };
    }),
  };
}

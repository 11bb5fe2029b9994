import { and, asc, eq, inArray } from "drizzle-orm";
import type { PickingLine, PickingList } from "#server/adapters/documents/picking-list.ts";
import type { Db } from "#server/db/database.ts";
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
import { carrierCsv } from "#server/domain/carrier-slips/carrier-csv.ts";
import type { CarrierCsv, CarrierCsvFormat, CarrierSlip } from "#server/domain/carrier-slips/slip.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { tokyoDate } from "#server/domain/tokyo-time.ts";
import { warehouseSettingsOf } from "#server/domain/warehouse-settings.ts";
import type { AppContext } from "./context.ts";

/**
 * 自社倉庫: what the staff work from. The shipments 出荷中 at the merchant's own stock room are the
 * ones requested and not yet shipped: the picking list, the carrier slips and the tracking import all
 * read that same set, or the shipments a person picked from it.
 */
export async function stockRoomShipments(
  db: Db,
  accountId: string,
  warehouseId: string,
  shipmentIds?: readonly string[],
) {
  const [warehouse] = await db
    .select()
    .from(warehouses)
    .where(and(eq(warehouses.id, warehouseId), eq(warehouses.accountId, accountId)));
  if (!warehouse) throw notFound("warehouse", "倉庫");
  if (warehouse.kind !== "self") {
    throw new Refusal("warehouse.not_own_stock_room", "ピッキングリストと送り状データは自社倉庫だけです。", {
      rule: "warehouse_is_3pl",
    });
  }
  const rows = await db
    .select({ shipment: shipments, order: orders, shopName: shops.name })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .innerJoin(shops, eq(shops.id, orders.shopId))
    .where(
      and(
        eq(shipments.warehouseId, warehouseId),
        eq(shipments.status, "shipping"),
        shipmentIds ? inArray(shipments.id, [...shipmentIds]) : undefined,
      ),
    )
    .orderBy(asc(shipments.slipNumber));
  if (shipmentIds && rows.length !== new Set(shipmentIds).size) {
    throw new Refusal(
      "shipment.not_in_progress",
      "選んだ出荷に、この倉庫で出荷中でないものが含まれています。",
      {
        rule: "shipment_not_in_progress",
      },
    );
  }
  const items = rows.length
    ? await db
        .select()
        .from(orderItems)
        .where(
          inArray(
            orderItems.shipmentId,
            rows.map((r) => r.shipment.id),
          ),
        )
        .orderBy(asc(orderItems.lineNo))
    : [];
  return { warehouse, rows, items };
}

/** 送り状データ: the carrier's import CSV for the chosen shipments, every field problem listed at once. */
export async function carrierSlipCsv(
  ctx: AppContext,
  accountId: string,
  warehouseId: string,
  format: CarrierCsvFormat,
  shipmentIds?: readonly string[],
): Promise<CarrierCsv> {
  const { warehouse, rows, items } = await stockRoomShipments(ctx.db, accountId, warehouseId, shipmentIds);
  const settings = warehouseSettingsOf(warehouse.settings);
  if (!settings.sender) {
    throw new Refusal("validation.failed", "送り状のご依頼主が倉庫設定にありません。", {
      errors: [{ path: "settings.sender", message: "倉庫設定でご依頼主(住所・電話番号)を登録してください" }],
    });
  }
  if (rows.length === 0) {
    throw new Refusal("shipment.none_in_progress", "この倉庫で出荷中の出荷がありません。", {
      rule: "no_shipments",
    });
  }
  const today = tokyoDate(ctx.clock.now());
  const slips: CarrierSlip[] = rows.map(({ shipment, order, shopName }) => {
    const lines = items.filter((i) => i.shipmentId === shipment.id);
    const first = lines[0]?.name ?? "商品";
    return {
      slipNumber: shipment.slipNumber,
      shipDate: shipment.plannedShipDate ?? today,
      deliveryDate: order.desiredDeliveryDate,
      deliveryTimeSlot: order.desiredTimeSlot,
      recipient: (shipment.shipTo ?? order.shipTo) as ShipTo,
      // ご依頼主名 is the shop the buyer bought from; the address and phone are the stock room's.
      sender: { ...settings.sender, name: shopName } as CarrierSlip["sender"],
      itemName: lines.length > 1 ? `${first} 他${lines.length - 1}点` : first,
      cashOnDelivery: order.paymentMethod === "cash_on_delivery" ? order.total : null,
      orderNumber: order.mallOrderNumber,
    };
  });
  const csv = carrierCsv(format, slips, {
    yamatoBillingCustomerCode: settings.yamatoBillingCustomerCode,
    yamatoFreightNumber: settings.yamatoFreightNumber,
  });
  if (csv instanceof Refusal) throw csv;
  return csv;
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
  const { warehouse, rows } = await stockRoomShipments(ctx.db, accountId, warehouseId, shipmentIds);
  const needs = rows.length
    ? await ctx.db
        .select({
          shipmentId: allocations.shipmentId,
          sku: products.sku,
          name: products.name,
          quantity: allocations.required,
        })
        .from(allocations)
        .innerJoin(products, eq(products.id, allocations.productId))
        .where(
          inArray(
            allocations.shipmentId,
            rows.map((r) => r.shipment.id),
          ),
        )
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
    shipments: rows.map(({ shipment, order }) => ({
      slipNumber: shipment.slipNumber,
      orderNumbers: [order.mallOrderNumber],
      recipientName: ((shipment.shipTo ?? order.shipTo) as ShipTo).name,
      lines: needs
        .filter((n) => n.shipmentId === shipment.id)
        .map((n) => ({ sku: n.sku, name: n.name, quantity: n.quantity })),
    })),
  };
}

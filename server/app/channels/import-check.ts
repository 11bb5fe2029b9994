import { and, asc, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import {
  mailCategories,
  orderItems,
  orders,
  productMappingComponents,
  productMappings,
  shipments,
  shopMailSettings,
  shops,
  warehouses,
} from "#server/db/schema.ts";
import { checkImportedOrder, type FieldCheck, mailsFor } from "#server/domain/import-check.ts";
import type { MallValues } from "#server/domain/order-edit-mall.ts";
import { notFound } from "#server/domain/refusal.ts";
import { senderOf } from "#server/domain/ship-from.ts";
import { warehouseSettingsOf } from "#server/domain/warehouse-settings.ts";
import type { AppContext } from "../context.ts";

/** A screenful: the check is for a handful of trial orders, newest first. */
export const IMPORT_CHECK_LIMIT = 50;

export type CheckedOrder = {
  id: string;
  mallOrderNumber: string;
  orderedAt: Date;
  processed: boolean;
  checks: FieldCheck[];
};

/** The shop's test-imported orders (newest first, at most IMPORT_CHECK_LIMIT) with each derived field checked. */
export async function importCheck(
  ctx: AppContext,
  accountId: string,
  shopId: string,
): Promise<{ items: CheckedOrder[]; total: number }> {
  return ctx.db.transaction(async (tx) => {
    const [shop] = await tx
      .select({ id: shops.id, name: shops.name, settings: shops.settings })
      .from(shops)
      .where(and(eq(shops.id, shopId), eq(shops.accountId, accountId)));
    if (!shop) throw notFound("shop", "ショップ");
    const testOrders = and(eq(orders.shopId, shopId), eq(orders.testImport, true), isNull(orders.deletedAt));
    const total = await tx.$count(orders, testOrders);
    const rows = await tx
      .select()
      .from(orders)
      .where(testOrders)
      .orderBy(desc(orders.orderedAt), desc(orders.id))
      .limit(IMPORT_CHECK_LIMIT);
    const ids = rows.map((o) => o.id);
    if (ids.length === 0) return { items: [], total };
    const items = await tx
      .select()
      .from(orderItems)
      .where(inArray(orderItems.orderId, ids))
      .orderBy(asc(orderItems.lineNo));
    const parcels = await tx
      .select({ parcel: shipments, warehouse: warehouses })
      .from(shipments)
      .innerJoin(warehouses, eq(warehouses.id, shipments.warehouseId))
      .where(and(inArray(shipments.orderId, ids), ne(shipments.status, "cancelled")))
      .orderBy(asc(shipments.createdAt));
    const products = await tx
      .selectDistinct({ orderId: orderItems.orderId, productId: productMappingComponents.productId })
      .from(orderItems)
      .innerJoin(
        productMappings,
        and(
          eq(productMappings.shopId, shopId),
          eq(productMappings.mallItemCode, orderItems.mallItemCode),
          eq(productMappings.mallSkuCode, orderItems.mallSkuCode),
        ),
      )
      .innerJoin(productMappingComponents, eq(productMappingComponents.mappingId, productMappings.id))
      .where(inArray(orderItems.orderId, ids));
    const categories = await tx
      .select({ category: mailCategories })
      .from(mailCategories)
      .innerJoin(
        shopMailSettings,
        and(
          eq(shopMailSettings.categoryId, mailCategories.id),
          eq(shopMailSettings.shopId, shopId),
          eq(shopMailSettings.enabled, true),
        ),
      )
      .where(and(eq(mailCategories.accountId, accountId), eq(mailCategories.enabled, true)))
      .orderBy(asc(mailCategories.createdAt));
    const shopMails = categories.map((c) => c.category);
    return {
      total,
      items: rows.map((o) => {
        const first = parcels.find((p) => p.parcel.orderId === o.id);
        // What the parcel's slip and 納品書 will print: the shop's own 送付元 or the warehouse's ご依頼主.
        const sender = first ? senderOf(shop, warehouseSettingsOf(first.warehouse.settings)) : null;
        const productIds = new Set(products.filter((p) => p.orderId === o.id).map((p) => p.productId));
        const kept = o.mallValues as MallValues | null;
        return {
          id: o.id,
          mallOrderNumber: o.mallOrderNumber,
          orderedAt: o.orderedAt,
          processed: o.testProcessedAt !== null,
          checks: checkImportedOrder({
            warehouse: first ? { name: first.warehouse.name } : null,
            shipment: first?.parcel ?? null,
            desiredDeliveryDate: o.desiredDeliveryDate,
            desiredTimeSlot: o.desiredTimeSlot,
            remarks: o.remarks,
            sender,
            paymentMethod: o.paymentMethod,
            mallPaymentLabel: o.mallPaymentLabel,
            items: items.filter((i) => i.orderId === o.id),
            parts: { ...o, fees: o.fees ?? null },
            // A person's edit keeps the mall's own figure apart: the check is against what the mall billed.
            mallTotal: kept && "total" in kept ? (kept.total ?? null) : o.total,
            mails: mailsFor(shopMails, productIds).map((c) => c.name),
          }),
        };
      }),
    };
  });
}

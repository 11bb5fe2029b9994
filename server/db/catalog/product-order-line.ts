import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { orderItems, orders, productMappingComponents, productMappings, products } from "../schema.ts";

export type ProductOrderLine = {
  mallItemCode: string;
  mallSkuCode: string;
  name: string;
  /** What the shop last charged for the item; null when it never sold it (the merchant types it). */
  unitPrice: number | null;
  /** True when the code is the shop's item mapped to this product alone, so stock follows the line. */
  mapped: boolean;
};

/**
 * A product as a line of an order of `shopId` (受注修正's product picker): the shop's item code mapped
 * to this one product (one unit of it), else its SKU; the name; and the price of its latest order line
 * in that shop. Null when the account has no such product.
 */
export async function productOrderLine(
  db: Db,
  accountId: string,
  productId: string,
  shopId: string,
): Promise<ProductOrderLine | null> {
  const [product] = await db
    .select({ sku: products.sku, name: products.name })
    .from(products)
    .where(and(eq(products.id, productId), eq(products.accountId, accountId)));
  if (!product) return null;
  const [mapping] = await db
    .select({ mallItemCode: productMappings.mallItemCode, mallSkuCode: productMappings.mallSkuCode })
    .from(productMappings)
    .innerJoin(productMappingComponents, eq(productMappingComponents.mappingId, productMappings.id))
    .where(
      and(
        eq(productMappings.accountId, accountId),
        eq(productMappings.shopId, shopId),
        eq(productMappingComponents.productId, productId),
        eq(productMappingComponents.quantity, 1),
        // A set item (several products) is not this product alone.
        sql`(select count(*) from ${productMappingComponents} c where c.mapping_id = ${productMappings.id}) = 1`,
      ),
    )
    .orderBy(productMappings.mallItemCode, productMappings.mallSkuCode)
    .limit(1);
  const mallItemCode = mapping?.mallItemCode ?? product.sku;
  const mallSkuCode = mapping?.mallSkuCode ?? "";
  const [last] = await db
    .select({ unitPrice: orderItems.unitPrice })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(
      and(
        eq(orderItems.accountId, accountId),
        eq(orderItems.mallItemCode, mallItemCode),
        eq(orderItems.mallSkuCode, mallSkuCode),
        eq(orders.shopId, shopId),
      ),
    )
    .orderBy(desc(orders.orderedAt))
    .limit(1);
  return {
    mallItemCode,
    mallSkuCode,
    name: product.name,
    unitPrice: last?.unitPrice ?? null,
    mapped: !!mapping,
  };
}

import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { productMappingComponents, productMappings, products, stock, warehouses } from "#server/db/schema.ts";
import type { TestApp } from "./app.ts";

/**
 * A product with stock in the account's first warehouse, mapped from a mall item of a shop — written
 * straight to the database for tests whose subject is the order flow, not the catalogue API.
 */
export async function seedMappedProduct(
  t: TestApp,
  input: { accountId: string; shopId: string; mallItemCode: string; sku: string; onHand: number },
): Promise<{ productId: string; warehouseId: string }> {
  const db = t.database.db;
  const [warehouse] = await db
    .select()
    .from(warehouses)
    .where(eq(warehouses.accountId, input.accountId))
    .limit(1);
  if (!warehouse) throw new Error("account without warehouse");
  const productId = randomUUID();
  const mappingId = randomUUID();
  await db
    .insert(products)
    .values({ id: productId, accountId: input.accountId, sku: input.sku, name: input.sku });
  await db.insert(stock).values({
    productId,
    warehouseId: warehouse.id,
    accountId: input.accountId,
    onHand: input.onHand,
    allocated: 0,
  });
  await db.insert(productMappings).values({
    id: mappingId,
    accountId: input.accountId,
    shopId: input.shopId,
    mallItemCode: input.mallItemCode,
  });
  await db.insert(productMappingComponents).values({ mappingId, productId, quantity: 1 });
  return { productId, warehouseId: warehouse.id };
}

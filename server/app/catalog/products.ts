import { and, eq } from "drizzle-orm";
import { isUniqueViolation } from "#server/db/errors.ts";
import { products } from "#server/db/schema.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import type { ShippingService, Temperature } from "#server/domain/shipping-service.ts";
import type { AppContext } from "../context.ts";

const skuTaken = (sku: string) =>
  new Refusal("product.sku_taken", `SKU「${sku}」はすでに別の商品で使われています。`, {
    errors: [{ path: "sku", message: "すでに使われているSKUです" }],
  });

/** 配送サービス and 温度帯 the product's shipments take unless the shipment says otherwise. */
type ShippingDefaults = {
  shippingService?: ShippingService | undefined;
  temperature?: Temperature | undefined;
};

/** The fields given, leaving the others as they are (or at their column defaults). */
function defined<T extends Record<string, unknown>>(input: T) {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

/** 商品登録: the SKU is the merchant's own key for the product, so it is unique within the account. */
export async function createProduct(
  ctx: AppContext,
  accountId: string,
  input: { sku: string; name: string } & ShippingDefaults,
): Promise<string> {
  const [row] = await ctx.db
    .insert(products)
    .values({ id: ctx.newId(), accountId, ...defined(input), createdAt: ctx.clock.now() })
    .onConflictDoNothing({ target: [products.accountId, products.sku] })
    .returning({ id: products.id });
  if (!row) throw skuTaken(input.sku);
  return row.id;
}

export async function updateProduct(
  ctx: AppContext,
  accountId: string,
  productId: string,
  input: { sku?: string | undefined; name?: string | undefined } & ShippingDefaults,
): Promise<void> {
  const changes = defined(input);
  const mine = and(eq(products.id, productId), eq(products.accountId, accountId));
  try {
    const touched =
      Object.keys(changes).length === 0
        ? await ctx.db.select({ id: products.id }).from(products).where(mine)
        : await ctx.db.update(products).set(changes).where(mine).returning({ id: products.id });
    if (touched.length === 0) throw notFound("product", "商品");
  } catch (error) {
    if (input.sku !== undefined && isUniqueViolation(error, "products_account_sku_key"))
      throw skuTaken(input.sku);
    throw error;
  }
}

import { and, eq } from "drizzle-orm";
import { isUniqueViolation } from "#server/db/errors.ts";
import { products } from "#server/db/schema.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import type { AppContext } from "./context.ts";

const skuTaken = (sku: string) =>
  new Refusal("product.sku_taken", `SKU「${sku}」はすでに別の商品で使われています。`, {
    errors: [{ path: "sku", message: "すでに使われているSKUです" }],
  });

/** 商品登録: the SKU is the merchant's own key for the product, so it is unique within the account. */
export async function createProduct(
  ctx: AppContext,
  accountId: string,
  input: { sku: string; name: string },
): Promise<string> {
  const [row] = await ctx.db
    .insert(products)
    .values({ id: ctx.newId(), accountId, sku: input.sku, name: input.name, createdAt: ctx.clock.now() })
    .onConflictDoNothing({ target: [products.accountId, products.sku] })
    .returning({ id: products.id });
  if (!row) throw skuTaken(input.sku);
  return row.id;
}

export async function updateProduct(
  ctx: AppContext,
  accountId: string,
  productId: string,
  input: { sku?: string | undefined; name?: string | undefined },
): Promise<void> {
  const changes = {
    ...(input.sku !== undefined ? { sku: input.sku } : {}),
    ...(input.name !== undefined ? { name: input.name } : {}),
  };
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

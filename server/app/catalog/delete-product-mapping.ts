import { and, eq } from "drizzle-orm";
import { productMappings } from "#server/db/schema.ts";
import { notFound } from "#server/domain/refusal.ts";
import type { AppContext } from "../context.ts";

/**
 * 商品マッピング削除. Stock already reserved through the mapping stays with its orders (allocations
 * name products, not mappings). Orders arriving later stop at 確認待 as unmapped, and a 確認済 order
 * still short of stock gets no more until the item is mapped again.
 */
export async function deleteProductMapping(ctx: AppContext, accountId: string, mappingId: string) {
  const deleted = await ctx.db
    .delete(productMappings)
    .where(and(eq(productMappings.id, mappingId), eq(productMappings.accountId, accountId)))
    .returning({ id: productMappings.id });
  if (deleted.length === 0) throw notFound("product_mapping", "商品マッピング");
}

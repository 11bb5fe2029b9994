import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { buyerPrices, products } from "#server/db/schema.ts";
import { type BuyerPrice, priceFor } from "#server/domain/b2b/price-list.ts";
import { Refusal } from "#server/domain/refusal.ts";
import type { AppContext } from "../context.ts";
import { companyOf } from "./companies.ts";

export type PriceItem = {
  productId: string;
  companyId?: string | null | undefined;
  rank?: string | null | undefined;
  unitPrice: number;
  minQuantity: number;
  lotQuantity: number;
};

/** BtoB価格表 of one company (its own prices) or one rank, with each product's SKU and name. */
export async function listPrices(db: Db, accountId: string, of: { companyId?: string; rank?: string }) {
  if (of.companyId) await companyOf(db, accountId, of.companyId);
  return db
    .select({
      productId: buyerPrices.productId,
      sku: products.sku,
      name: products.name,
      companyId: buyerPrices.companyId,
      rank: buyerPrices.rank,
      unitPrice: buyerPrices.unitPrice,
      minQuantity: buyerPrices.minQuantity,
      lotQuantity: buyerPrices.lotQuantity,
    })
    .from(buyerPrices)
    .innerJoin(products, eq(products.id, buyerPrices.productId))
    .where(
      and(
        eq(buyerPrices.accountId, accountId),
        of.companyId ? eq(buyerPrices.companyId, of.companyId) : undefined,
        of.rank ? eq(buyerPrices.rank, of.rank) : undefined,
      ),
    )
    .orderBy(asc(products.sku), asc(buyerPrices.rank));
}

const itemError = (index: number, field: string, message: string) =>
  new Refusal("b2b.price_invalid", `items.${index}.${field}: ${message}`, {
    errors: [{ path: `items.${index}.${field}`, message }],
  });

/** 価格の一括登録: each item replaces the price of its product for its company or rank, all or nothing. */
export async function putPrices(ctx: AppContext, accountId: string, items: readonly PriceItem[]) {
  await ctx.db.transaction(async (tx) => {
    const productIds = [...new Set(items.map((i) => i.productId))];
    const known = new Set(
      (
        await tx
          .select({ id: products.id })
          .from(products)
          .where(and(eq(products.accountId, accountId), inArray(products.id, productIds)))
      ).map((p) => p.id),
    );
    for (const [index, item] of items.entries()) {
      if (!known.has(item.productId))
        throw itemError(index, "productId", "このアカウントの商品ではありません");
      if (!item.companyId === !item.rank)
        throw itemError(index, "companyId", "取引先かランクのどちらか一方を指定してください");
      if (item.companyId)
        await companyOf(tx, accountId, item.companyId).catch(() => {
          throw itemError(index, "companyId", "このアカウントの取引先ではありません");
        });
    }
    const now = ctx.clock.now();
    for (const item of items) {
      const target = item.companyId
        ? and(eq(buyerPrices.productId, item.productId), eq(buyerPrices.companyId, item.companyId))
        : and(
            eq(buyerPrices.accountId, accountId),
            eq(buyerPrices.productId, item.productId),
            eq(buyerPrices.rank, item.rank ?? ""),
          );
      await tx.delete(buyerPrices).where(target);
      await tx.insert(buyerPrices).values({
        id: ctx.newId(),
        accountId,
        productId: item.productId,
        companyId: item.companyId ?? null,
        rank: item.companyId ? null : (item.rank ?? null),
        unitPrice: item.unitPrice,
        minQuantity: item.minQuantity,
        lotQuantity: item.lotQuantity,
        updatedAt: now,
      });
    }
  });
}

/** What this company pays per product (own price, else its rank's): its whole catalogue, or the products asked. */
export async function pricesOfCompany(
  db: Db,
  company: { id: string; accountId: string; rank: string | null },
  productIds?: readonly string[],
): Promise<Map<string, BuyerPrice>> {
  const rows = await db
    .select({
      productId: buyerPrices.productId,
      own: sql<boolean>`${buyerPrices.companyId} is not null`,
      unitPrice: buyerPrices.unitPrice,
      minQuantity: buyerPrices.minQuantity,
      lotQuantity: buyerPrices.lotQuantity,
    })
    .from(buyerPrices)
    .where(
      and(
        eq(buyerPrices.accountId, company.accountId),
        or(
          eq(buyerPrices.companyId, company.id),
          company.rank ? and(isNull(buyerPrices.companyId), eq(buyerPrices.rank, company.rank)) : sql`false`,
        ),
        productIds ? inArray(buyerPrices.productId, [...productIds]) : undefined,
      ),
    );
  const own = new Map<string, BuyerPrice>();
  const ofRank = new Map<string, BuyerPrice>();
  for (const { productId, own: isOwn, ...price } of rows) (isOwn ? own : ofRank).set(productId, price);
  const prices = new Map<string, BuyerPrice>();
  for (const id of new Set([...own.keys(), ...ofRank.keys()])) {
    const price = priceFor(own.get(id), ofRank.get(id));
    if (price) prices.set(id, price);
  }
  return prices;
}

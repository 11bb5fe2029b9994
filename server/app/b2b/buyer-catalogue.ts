import { and, asc, eq, gt, ilike, inArray, or, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { products, stock } from "#server/db/schema.ts";
import type { BuyerPrincipal } from "./buyer-sessions.ts";
import { companyOf } from "./companies.ts";
import { readSettings } from "./desk.ts";
import { pricesOfCompany } from "./prices.ts";

const PAGE = 100;

/**
 * The 発注フォーム's catalogue: the merchant's products this company has a price for, at its price,
 * with what can be ordered now (在庫 − 引当 over every warehouse) only when the merchant shows stock.
 */
export async function buyerCatalogue(db: Db, buyer: BuyerPrincipal, query: { q?: string; cursor?: string }) {
  const company = await companyOf(db, buyer.accountId, buyer.companyId);
  const prices = await pricesOfCompany(db, company);
  const ids = [...prices.keys()];
  const after = query.cursor ? Buffer.from(query.cursor, "base64url").toString("utf8") : null;
  const like = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = ids.length
    ? await db
        .select({ id: products.id, sku: products.sku, name: products.name })
        .from(products)
        .where(
          and(
            eq(products.accountId, buyer.accountId),
            inArray(products.id, ids),
            after ? gt(products.sku, after) : undefined,
            like ? or(ilike(products.name, like), ilike(products.sku, like)) : undefined,
          ),
        )
        .orderBy(asc(products.sku))
        .limit(PAGE + 1)
    : [];
  const page = rows.slice(0, PAGE);
  const { showStock } = await readSettings(db, buyer.accountId);
  const available = new Map<string, number>();
  if (showStock && page.length) {
    const sums = await db
      .select({
        productId: stock.productId,
        free: sql<number>`sum(${stock.onHand} - ${stock.allocated})::int`,
      })
      .from(stock)
      .where(
        and(
          eq(stock.accountId, buyer.accountId),
          inArray(
            stock.productId,
            page.map((p) => p.id),
          ),
        ),
      )
      .groupBy(stock.productId);
    for (const s of sums) available.set(s.productId, s.free);
  }
  const last = page.at(-1);
  return {
    items: page.map((p) => {
      const price = prices.get(p.id);
      if (!price) throw new Error(`catalogue product ${p.id} lost its price`);
      return {
        productId: p.id,
        sku: p.sku,
        name: p.name,
        ...price,
        stock: showStock ? (available.get(p.id) ?? 0) : null,
      };
    }),
    nextCursor: rows.length > PAGE && last ? Buffer.from(last.sku).toString("base64url") : null,
  };
}

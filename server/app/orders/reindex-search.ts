import { asc, gt, inArray } from "drizzle-orm";
import { loggableError } from "#server/db/errors.ts";
import { updateJsonRows } from "#server/db/orders/json-rows.ts";
import { loadOrders } from "#server/db/orders/order-queries.ts";
import { orders, shops } from "#server/db/schema.ts";
import { MallError } from "#server/ports/mall.ts";
import { orderSourceOf } from "../channels/channel-clients.ts";
import type { AppContext } from "../context.ts";
import { mallKana, storedSearchColumns } from "./order-search-columns.ts";

/** Orders per batch: read, recomputed and written in one transaction. */
export const REINDEX_BATCH = 500;
/** getOrder's limit: an imported order's カナ is read from its mall this many at a time. */
const MALL_READ = 100;

export type ReindexReport = { orders: number; kanaRead: number; kanaUnread: number };

/**
 * 検索の再索引: every order's search columns computed again by the app's own folding, in id order and
 * batches, for the orders stored before the search columns existed (migration 0014's SQL could not know
 * カナ, which only the mall has). An imported order's カナ is read back from its mall; a mall that cannot
 * answer leaves that order's カナ as the columns already hold it. What the columns held is kept (see
 * storedSearchColumns), so a rerun — or one stopped halfway and started again — changes nothing more.
 */
export async function reindexOrderSearch(
  ctx: AppContext,
  onBatch: (done: number) => void = () => {},
): Promise<ReindexReport> {
  const report: ReindexReport = { orders: 0, kanaRead: 0, kanaUnread: 0 };
  let after: string | null = null;
  for (;;) {
    const page = await ctx.db
      .select({ id: orders.id, shopId: orders.shopId, source: orders.source, number: orders.mallOrderNumber })
      .from(orders)
      .where(after ? gt(orders.id, after) : undefined)
      .orderBy(asc(orders.id))
      .limit(REINDEX_BATCH);
    if (page.length === 0) return report;
    // The mall is asked outside the transaction: no row stays locked while a mall answers.
    const kana = await mallKanaOf(ctx, page, report);
    await ctx.db.transaction(async (tx) => {
      const loaded = await loadOrders(
        tx,
        page.map((o) => o.id),
      );
      const rows = loaded.map((o) => ({ id: o.row.id, ...storedSearchColumns(o, kana.get(o.row.id)) }));
      for (const statement of updateJsonRows(orders, rows)) await tx.execute(statement);
    });
    report.orders += page.length;
    onBatch(report.orders);
    after = page.at(-1)?.id ?? after;
  }
}

/** The カナ each imported order of a page has at its mall, by order id, read per shop 100 at a time. */
async function mallKanaOf(
  ctx: AppContext,
  page: { id: string; shopId: string; source: string; number: string }[],
  report: ReindexReport,
): Promise<Map<string, string[]>> {
  const imported = page.filter((o) => o.source === "import");
  const kana = new Map<string, string[]>();
  if (imported.length === 0) return kana;
  const shopRows = await ctx.db
    .select()
    .from(shops)
    .where(
      inArray(
        shops.id,
        imported.map((o) => o.shopId),
      ),
    );
  for (const shop of shopRows) {
    const ofShop = imported.filter((o) => o.shopId === shop.id);
    for (let i = 0; i < ofShop.length; i += MALL_READ) {
      const chunk = ofShop.slice(i, i + MALL_READ);
      try {
        const read = await orderSourceOf(ctx, shop).getOrders(chunk.map((o) => o.number));
        const byNumber = new Map(read.map((m) => [m.mallOrderNumber, mallKana(m)]));
        for (const o of chunk) {
          const found = byNumber.get(o.number);
          if (found) kana.set(o.id, found);
        }
        report.kanaRead += byNumber.size;
        report.kanaUnread += chunk.length - byNumber.size;
      } catch (error) {
        if (!(error instanceof MallError)) throw error;
        console.error(`search reindex: ${shop.name} could not be read:\n${loggableError(error)}`);
        report.kanaUnread += chunk.length;
      }
    }
  }
  return kana;
}

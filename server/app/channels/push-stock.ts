import { and, eq, lte, sql } from "drizzle-orm";
import { shops, stockPushes } from "#server/db/schema.ts";
import { mallSyncActive, type ShopSettings } from "#server/domain/shop-settings.ts";
import { MallError } from "#server/ports/mall.ts";
import type { AppContext } from "../context.ts";
import { stockSinkOf } from "./channel-clients.ts";

/** One run sends at most this many items (10 calls of 400); the rest go in the next run. */
const ITEMS_PER_RUN = 4000;

/** changedAt stays PostgreSQL's text: a JS Date would drop the microseconds the comparison needs. */
type Marked = {
  mallItemCode: string;
  mallSkuCode: string;
  variantId: string;
  changedAt: string;
  quantity: number;
};

/**
 * 在庫連動: sends the mall the sellable quantity of every item marked since the last push — once per
 * item however many changes marked it. A set item sells as many as its scarcest component allows.
 * An item changed again while the call was out stays marked for the next run.
 */
export async function pushShopStock(ctx: AppContext, shopId: string): Promise<{ pushed: number }> {
  const [shop] = await ctx.db.select().from(shops).where(eq(shops.id, shopId));
  if (!shop) return { pushed: 0 };
  if (!mallSyncActive(shop.settings as ShopSettings, ctx.clock.now(), { testImport: false })) {
    // Before 受注連動 starts the mall's stock is still kept elsewhere: nothing to tell it.
    await ctx.db.delete(stockPushes).where(eq(stockPushes.shopId, shopId));
    return { pushed: 0 };
  }
  const result = await ctx.db.execute(sql`
    select p.mall_item_code as "mallItemCode", p.mall_sku_code as "mallSkuCode", p.changed_at::text as "changedAt",
      -- A mall's stock API wants its own SKU id, which this shop's orders of the item told us (the
      -- newest, should the merchant have rebuilt the item's SKUs); a mapping made before any order
      -- was seen falls back to its own SKU code, or the item code for an item without SKUs.
      coalesce((
        select oi.mall_variant_id from order_items oi join orders o on o.id = oi.order_id
        where oi.account_id = m.account_id and oi.mall_item_code = m.mall_item_code
          and oi.mall_sku_code = m.mall_sku_code and oi.mall_variant_id is not null
          and o.shop_id = m.shop_id
        order by o.ordered_at desc, o.id
        limit 1
      ), nullif(m.mall_sku_code, ''), m.mall_item_code) as "variantId",
      coalesce((
        select min(floor(greatest(coalesce((
          -- per component, through the stock key: never an aggregate over every account's stock
          select sum(s.on_hand - s.allocated) from stock s where s.product_id = c.product_id
        ), 0), 0) / c.quantity))
        from product_mapping_components c
        where c.mapping_id = m.id
      ), 0)::int as quantity
    from stock_pushes p
    join product_mappings m
      on m.shop_id = p.shop_id and m.mall_item_code = p.mall_item_code and m.mall_sku_code = p.mall_sku_code
    where p.shop_id = ${shopId}
    order by p.changed_at
    limit ${ITEMS_PER_RUN}`);
  const marked = (result as unknown as { rows: Marked[] }).rows;
  // The sink leaves out (and logs) an item whose codes its mall cannot take, so one bad code does
  // not refuse the whole call; its mark goes with the others.
  if (marked.length > 0) {
    try {
      await stockSinkOf(ctx, shop).pushStock(
        marked.map((m) => ({
          mallItemCode: m.mallItemCode,
          mallVariantId: m.variantId,
          quantity: m.quantity,
        })),
      );
    } catch (error) {
      // Down, or the shop's keys are wrong: the marks stay, so the stock goes out once it can.
      if (!(error instanceof MallError) || error.retryable || error.credentials) throw error;
      // A refusal of what was sent is not cured by sending the same again: drop the marks, say why.
      console.error(`stock push refused for shop ${shopId}: ${error.message}`);
    }
  }
  await ctx.db.transaction(async (tx) => {
    for (const m of marked) {
      await tx
        .delete(stockPushes)
        .where(
          and(
            eq(stockPushes.shopId, shopId),
            eq(stockPushes.mallItemCode, m.mallItemCode),
            eq(stockPushes.mallSkuCode, m.mallSkuCode),
            lte(stockPushes.changedAt, sql`${m.changedAt}::timestamptz`),
          ),
        );
    }
    // Marks of items no longer mapped can never be sent.
    await tx.execute(sql`
      delete from stock_pushes p where p.shop_id = ${shopId} and not exists (
        select 1 from product_mappings m
        where m.shop_id = p.shop_id and m.mall_item_code = p.mall_item_code and m.mall_sku_code = p.mall_sku_code)`);
  });
  return { pushed: marked.length };
}

/** Every shop with marked items gets a push job; the queue keeps one waiting per shop. */
export async function enqueueStockPushes(ctx: AppContext): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const rows = await tx.selectDistinct({ shopId: stockPushes.shopId }).from(stockPushes);
    for (const r of rows)
      await ctx.jobs.enqueue(tx, "mall-stock-push", { shopId: r.shopId }, { singletonKey: r.shopId });
    return rows.length;
  });
}

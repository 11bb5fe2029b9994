import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import {
  customerRanks,
  optionSurcharges,
  orders,
  productMappings,
  shopMailSettings,
  shops,
  warehouses,
} from "#server/db/schema.ts";
import { notFound } from "#server/domain/refusal.ts";
import {
  confirmRefusal,
  type SetupFacts,
  type SetupItem,
  type StoredChecklist,
  withConfirmation,
} from "#server/domain/setup-checklist.ts";
import type { ShopSettings } from "#server/domain/shop-settings.ts";
import { type Actor, type AppContext, actorLabel } from "../context.ts";

type ShopRow = typeof shops.$inferSelect;

/** The shop with its checklist and the facts shown beside it, read at one moment. */
export async function loadSetupChecklist(
  ctx: AppContext,
  accountId: string,
  shopId: string,
): Promise<{ shop: ShopRow; stored: StoredChecklist; facts: SetupFacts }> {
  return ctx.db.transaction(async (tx) => {
    const shop = await shopOf(tx, accountId, shopId, false);
    return { shop, stored: shop.setupChecklist as StoredChecklist, facts: await setupFacts(ctx, tx, shop) };
  });
}

/**
 * 確認 (or 確認を取り消す) one item. Confirming waits on its fact (confirmRefusal); the shop row is
 * locked so a confirmation and a settings change never pass each other.
 */
export async function confirmSetupItem(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  shopId: string,
  item: SetupItem,
  confirmed: boolean,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const shop = await shopOf(tx, accountId, shopId, true);
    if (confirmed) {
      const refusal = confirmRefusal(item, await setupFacts(ctx, tx, shop));
      if (refusal) throw refusal;
    }
    const now = ctx.clock.now();
    const next = withConfirmation(
      shop.setupChecklist as StoredChecklist,
      item,
      confirmed ? { by: actorLabel(actor), at: now.toISOString() } : null,
    );
    await tx.update(shops).set({ setupChecklist: next, updatedAt: now }).where(eq(shops.id, shop.id));
  });
}

async function shopOf(tx: Db, accountId: string, shopId: string, lock: boolean): Promise<ShopRow> {
  const query = tx
    .select()
    .from(shops)
    .where(and(eq(shops.id, shopId), eq(shops.accountId, accountId)));
  const [shop] = lock ? await query.for("update") : await query;
  if (!shop) throw notFound("shop", "ショップ");
  return shop;
}

async function setupFacts(ctx: AppContext, tx: Db, shop: ShopRow): Promise<SetupFacts> {
  const settings = shop.settings as ShopSettings;
  const [warehouse] = await tx
    .select({ name: warehouses.name, calendarSaved: sql<boolean>`${warehouses.calendar} <> '{}'::jsonb` })
    .from(warehouses)
    .where(
      and(
        eq(warehouses.accountId, shop.accountId),
        settings.warehouseId ? eq(warehouses.id, settings.warehouseId) : undefined,
      ),
    )
    .orderBy(asc(warehouses.createdAt))
    .limit(1);
  const [mapped] = await tx
    .select({ n: count() })
    .from(productMappings)
    .where(eq(productMappings.shopId, shop.id));
  const [tests] = await tx
    .select({
      n: count(),
      unprocessed: sql<number>`count(*) filter (where ${orders.testProcessedAt} is null)::int`,
    })
    .from(orders)
    .where(and(eq(orders.shopId, shop.id), eq(orders.testImport, true), isNull(orders.deletedAt)));
  const [surcharges] = await tx
    .select({ n: count() })
    .from(optionSurcharges)
    .where(eq(optionSurcharges.shopId, shop.id));
  const [ranks] = await tx
    .select({ n: count() })
    .from(customerRanks)
    .where(eq(customerRanks.accountId, shop.accountId));
  const unknown = await tx.execute(sql`
    select count(distinct (v->>'kind', v->>'mallCode'))::int as n
    from ${orders} cross join lateral jsonb_array_elements(${orders.unknownMallValues}) as v
    where ${orders.shopId} = ${shop.id} and ${orders.deletedAt} is null`);
  const [mails] = await tx
    .select({ n: count() })
    .from(shopMailSettings)
    .where(and(eq(shopMailSettings.shopId, shop.id), eq(shopMailSettings.enabled, true)));
  return {
    hasCredentials: shop.credentials !== null,
    needsCredentials: (ctx.channels.get(shop.channel)?.credentials ?? []).length > 0,
    warehouse: warehouse ?? null,
    mappedProducts: mapped?.n ?? 0,
    unknownMallValues: Number((unknown as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0),
    optionSurcharges: surcharges?.n ?? 0,
    customerRanks: ranks?.n ?? 0,
    testOrders: tests?.n ?? 0,
    unprocessedTestOrders: tests?.unprocessed ?? 0,
    enabledMails: mails?.n ?? 0,
  };
}

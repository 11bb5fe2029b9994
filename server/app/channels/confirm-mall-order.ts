import { and, eq, inArray, isNull } from "drizzle-orm";
import { appendEvents, loadOrderById, saveDecision } from "#server/db/orders/order-queries.ts";
import { orderEvents, orders, shops } from "#server/db/schema.ts";
import { systemTag } from "#server/db/shops/shop-reads.ts";
import { attachTag } from "#server/domain/order-tagging.ts";
import { Refusal } from "#server/domain/refusal.ts";
import type { ShopSettings } from "#server/domain/shop-settings.ts";
import { MallError } from "#server/ports/mall.ts";
import type { AppContext } from "../context.ts";
import { applyMallOrders } from "./apply-mall-orders.ts";
import { orderSinkOf } from "./channel-clients.ts";
import { readMallOrder } from "./mall-read-back.ts";

const ACTOR = "system:mall-confirm-order";

/**
 * 注文確認 for the orders of one fetch: one call per shop for all its orders (the channel's client
 * splits them into the calls its mall allows), recorded in one transaction. A mall that is down
 * fails that shop's orders for a retry; one that refuses the call is asked again order by order,
 * so only the refused order is left with its reason and the others go through.
 */
export async function confirmMallOrders(
  ctx: AppContext,
  orderIds: readonly string[],
): Promise<(Error | null)[]> {
  const rows = await ctx.db
    .select({ order: orders, shop: shops })
    .from(orders)
    .innerJoin(shops, eq(shops.id, orders.shopId))
    .where(inArray(orders.id, [...orderIds]));
  const failed = new Map<string, Error>();
  const byShop = new Map<string, typeof rows>();
  for (const row of rows) {
    if (row.order.mallConfirmedAt || row.order.status === "cancelled") continue;
    byShop.set(row.shop.id, [...(byShop.get(row.shop.id) ?? []), row]);
  }
  for (const group of byShop.values()) {
    const [first] = group;
    if (!first) continue;
    try {
      await orderSinkOf(ctx, first.shop).confirmOrders(group.map((r) => r.order.mallOrderNumber));
    } catch (error) {
      if (error instanceof MallError && !error.retryable) {
        for (const r of group)
          await confirmMallOrder(ctx, r.order.id).catch((e) => failed.set(r.order.id, e));
      } else {
        for (const r of group)
          failed.set(r.order.id, error instanceof Error ? error : new Error(String(error)));
      }
      continue;
    }
    await recordConfirmed(
      ctx,
      group.map((r) => r.order.id),
    );
  }
  return orderIds.map((id) => failed.get(id) ?? null);
}

/**
 * Sends 注文確認 (Rakuten confirmOrder) for one order, once. The call happens outside any transaction;
 * the record of it is written after. A mall that is down is retried by the job; a mall that refuses
 * leaves the モール反映エラー tag and the mall's words in the timeline for a person.
 */
export async function confirmMallOrder(ctx: AppContext, orderId: string): Promise<void> {
  const [row] = await ctx.db
    .select({ order: orders, shop: shops })
    .from(orders)
    .innerJoin(shops, eq(shops.id, orders.shopId))
    .where(eq(orders.id, orderId));
  if (!row || row.order.mallConfirmedAt || row.order.status === "cancelled") return;
  try {
    await orderSinkOf(ctx, row.shop).confirmOrders([row.order.mallOrderNumber]);
  } catch (error) {
    if (!(error instanceof MallError) || error.retryable) throw error;
    // Refused because the buyer cancelled meanwhile: follow the mall; nothing is left to reflect.
    if (await followedMallCancel(ctx, row.shop, row.order.mallOrderNumber)) return;
    await recordMallReflectionError(
      ctx,
      orderId,
      `注文確認をモールに送れませんでした: ${error.message}`,
      ACTOR,
    );
    return;
  }
  await recordConfirmed(ctx, [orderId]);
}

async function recordConfirmed(ctx: AppContext, orderIds: string[]): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const confirmed = await tx
      .update(orders)
      .set({ mallConfirmedAt: now })
      .where(and(inArray(orders.id, orderIds), isNull(orders.mallConfirmedAt)))
      .returning({ id: orders.id, accountId: orders.accountId });
    if (confirmed.length === 0) return;
    await tx.insert(orderEvents).values(
      confirmed.map((o) => ({
        orderId: o.id,
        accountId: o.accountId,
        at: now,
        actor: ACTOR,
        type: "mall_confirmed",
        message: "モールに注文確認を送りました",
      })),
    );
  });
}

/** Reads the order back from the mall; when the mall has cancelled it, Juchu follows (import's rules). */
async function followedMallCancel(
  ctx: AppContext,
  shop: typeof shops.$inferSelect,
  mallOrderNumber: string,
): Promise<boolean> {
  const mall = await readMallOrder(ctx, shop, mallOrderNumber);
  if (!mall?.mallStatus.cancelled) return false;
  await applyMallOrders(ctx, shop, [mall], (shop.settings as ShopSettings).testImportMode);
  return true;
}

/** モール反映エラー: the mall refused what Juchu told it; the order says what and a person checks the mall. */
export async function recordMallReflectionError(
  ctx: AppContext,
  orderId: string,
  message: string,
  actor: string,
): Promise<void> {
  const meta = { actor, now: ctx.clock.now() };
  await ctx.db.transaction(async (tx) => {
    const order = await loadOrderById(tx, orderId);
    if (!order) return;
    const tag = await systemTag(tx, order.row.accountId, "mall_reflection_error");
    const decision = attachTag(order.snapshot, tag, "system");
    const tagged = decision instanceof Refusal ? order : await saveDecision(tx, order, decision, meta);
    await appendEvents(tx, tagged.row, [{ type: "mall_reflection_error", message }], meta);
  });
}

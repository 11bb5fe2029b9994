import { eq } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { appendEvents, type LoadedOrder } from "#server/db/orders/order-queries.ts";
import { shops } from "#server/db/schema.ts";
import { shopSettings } from "#server/db/shops/shop-reads.ts";
import { cancelOrder as decideCancel } from "#server/domain/order.ts";
import { mallSyncActive, type ShopSettings } from "#server/domain/shop-settings.ts";
import type { Actor, AppContext } from "../context.ts";
import { refreshRanks } from "../customers/refresh-ranks.ts";
import { releaseShipments } from "../stock/stock-allocation.ts";
import { followStockShortage } from "./order-holds.ts";
import { commandOrder, type OrderCommandScope } from "./with-order.ts";

export const WAREHOUSE_NOT_TOLD =
  "出荷依頼済みの注文です。倉庫にはキャンセルを自動で連絡していません。必要なら倉庫に連絡してください。";

/**
 * 注文キャンセル (SPEC.md §5). Stock held by unshipped parcels goes back when the shop says so, and
 * orders waiting for that stock get it in a follow-up job (their own transactions, oldest first). The
 * mall hears of it in a job enqueued with the cancel when the shop reflects cancels; the warehouse is
 * never told by this, which the answer says when a request had gone.
 */
export async function cancelOrder(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  orderId: string,
  input: {
    reason?: string | undefined;
    /**
     * One of the channel's cancelReasons, as /api/vocabulary names it (`<channel>:<code>`); its first
     * when none. A bulk cancel over several channels gives one per channel: the order's own is used.
     */
    mallCancelReason?: string | readonly string[] | undefined;
    /** The caller's own writes, in the cancel's transaction and before its decision (a refusal there wins). */
    before?: ((scope: OrderCommandScope) => Promise<void>) | undefined;
  },
): Promise<{ warnings: string[] }> {
  const warnings: string[] = [];
  await commandOrder(
    ctx,
    actor,
    accountId,
    orderId,
    async (order, scope) => {
      await input.before?.(scope);
      return decideCancel(order, input);
    },
    async ({ tx, order: cancelled, meta }) => {
      const order = await followStockShortage(tx, cancelled, meta);
      const settings = await shopSettings(tx, order.row.shopId);
      if (order.shipments.some((s) => s.requestedAt)) {
        warnings.push(WAREHOUSE_NOT_TOLD);
        await appendEvents(
          tx,
          order.row,
          [{ type: "cancel_warehouse_not_told", message: WAREHOUSE_NOT_TOLD }],
          meta,
        );
      }
      if (
        order.row.source === "import" &&
        settings.reflectCancelToMall &&
        mallSyncActive(settings, meta.now, order.row)
      ) {
        const reasonCode = await reasonFor(tx, order.row.shopId, input.mallCancelReason);
        await ctx.jobs.enqueue(tx, "mall-cancel-order", { orderId, reasonCode }, { singletonKey: orderId });
      }
      await releaseCancelledShipments(tx, ctx, [{ order, settings }], meta);
      // A cancelled order no longer counts toward its buyer's 顧客ランク.
      if (order.row.customerId)
        await refreshRanks(tx, [{ id: order.row.customerId, accountId: order.row.accountId }], meta.now);
      return order;
    },
  );
  return { warnings };
}

async function reasonFor(
  tx: Db,
  shopId: string,
  given: string | readonly string[] | undefined,
): Promise<string> {
  if (given === undefined || typeof given === "string") return given ?? "";
  const [shop] = await tx.select({ channel: shops.channel }).from(shops).where(eq(shops.id, shopId));
  return given.find((r) => r.startsWith(`${shop?.channel}:`)) ?? "";
}

/**
 * What the cancelled parcels held goes back when their shop says so (在庫戻し), whoever cancelled —
 * the merchant or the mall — for many orders at once; orders waiting for it get it in follow-up jobs.
 */
export async function releaseCancelledShipments(
  tx: Db,
  ctx: AppContext,
  cancelled: readonly { order: LoadedOrder; settings: ShopSettings }[],
  meta: { actor: string; now: Date },
): Promise<void> {
  const held = cancelled
    .filter((c) => c.settings.returnStockOnCancel)
    .flatMap(({ order }) =>
      order.shipments.filter((s) => s.status === "cancelled").map((s) => ({ order: order.row, shipment: s })),
    );
  if (held.length === 0) return;
  const released = await releaseShipments(
    tx,
    held.map((h) => ({ order: h.order, shipmentId: h.shipment.id })),
    meta,
  );
  const jobs = held.flatMap(({ order, shipment }) => {
    const productIds = released.get(shipment.id) ?? [];
    if (productIds.length === 0) return [];
    return [{ data: { accountId: order.accountId, warehouseId: shipment.warehouseId, productIds } }];
  });
  if (jobs.length > 0) await ctx.jobs.enqueueMany(tx, "allocate-waiting-orders", jobs);
}

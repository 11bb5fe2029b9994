import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { loadOrder, saveDecision } from "#server/db/orders/order-queries.ts";
import { orders, orderTags } from "#server/db/schema.ts";
import type { OrderEvent } from "#server/domain/order.ts";
import type { OrderStatus } from "#server/domain/order-status.ts";
import type { AppContext } from "../context.ts";
import { progressOrder } from "./progress-order.ts";

// A hold stops an order in 確認待, and also in 確認済 (a tag made holding after the order got there).
const HOLDABLE: OrderStatus[] = ["awaiting_confirmation", "confirmed"];

/**
 * Live orders carrying the tag that a hold may be stopping, locked in id order. Taken before the tag
 * itself is locked, the same order a command on one order takes them in (order, then its tags).
 */
export async function lockOrdersHeldBy(tx: Db, accountId: string, tagId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: orders.id })
    .from(orders)
    .innerJoin(orderTags, eq(orderTags.orderId, orders.id))
    .where(
      and(
        eq(orders.accountId, accountId),
        eq(orderTags.tagId, tagId),
        inArray(orders.status, HOLDABLE),
        isNull(orders.deletedAt),
      ),
    )
    .orderBy(asc(orders.id))
    .for("update", { of: orders });
  return rows.map((r) => r.id);
}

/**
 * After a hold went away, lets each order move on by itself as far as it can (another holding tag
 * still stops it), with `event` on its timeline saying why. Returns how many changed status.
 */
export async function releaseOrders(
  tx: Db,
  ctx: AppContext,
  accountId: string,
  orderIds: readonly string[],
  event: OrderEvent | null,
  meta: { actor: string; now: Date },
): Promise<number> {
  let moved = 0;
  for (const id of [...orderIds].sort()) {
    const loaded = await loadOrder(tx, accountId, id, { lock: true });
    if (!loaded || loaded.row.deletedAt || !HOLDABLE.includes(loaded.snapshot.status)) continue;
    const noted = event
      ? await saveDecision(tx, loaded, { order: loaded.snapshot, events: [event] }, meta)
      : loaded;
    const after = await progressOrder(tx, ctx, noted, meta);
    if (after.snapshot.status !== loaded.snapshot.status) moved++;
  }
  return moved;
}

import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { surchargeEntries } from "#server/db/options/surcharge-reads.ts";
import { type LoadedOrder, loadOrders } from "#server/db/orders/order-queries.ts";
import { orderItems, orders, orderTags, tags } from "#server/db/schema.ts";
import {
  type ChosenOption,
  optionAmountOf,
  surchargeTable,
  withTableAmounts,
} from "#server/domain/option-amounts.ts";
import type { AppContext } from "../context.ts";
import { OrderBatch } from "./order-batch.ts";
import { billedTotalCheck } from "./order-holds.ts";
import { progressOrders } from "./progress-order.ts";

type Meta = { actor: string; now: Date };

/**
 * After a オプション金額表 change: the shop's orders held for 請求金額不一致 take the table's amounts for
 * the options whose words gave none, and are checked again — those that now agree lose the hold and
 * move on. In the caller's transaction, as a batch: one read of the orders, one of the table, one
 * update of the lines that changed. Answers how many were released.
 */
export async function recheckHeldTotals(
  tx: Db,
  ctx: AppContext,
  shopId: string,
  meta: Meta,
): Promise<number> {
  const held = await tx
    .selectDistinct({ id: orders.id })
    .from(orders)
    .innerJoin(orderTags, eq(orderTags.orderId, orders.id))
    .innerJoin(tags, eq(tags.id, orderTags.tagId))
    .where(and(eq(orders.shopId, shopId), eq(tags.systemCode, "total_mismatch"), isNull(orders.deletedAt)));
  if (held.length === 0) return 0;
  const loaded = await loadOrders(
    tx,
    held.map((h) => h.id),
  );
  const table = surchargeTable(
    await surchargeEntries(
      tx,
      shopId,
      loaded.flatMap((o) => o.items.map((i) => i.mallItemCode)),
    ),
  );
  const changed: { id: string; optionAmount: number }[] = [];
  const refreshed: LoadedOrder[] = loaded.map((order) => ({
    ...order,
    items: order.items.map((item) => {
      const optionAmount = optionAmountOf(
        withTableAmounts(item.mallItemCode, item.options as ChosenOption[], table),
      );
      if (optionAmount === item.optionAmount) return item;
      changed.push({ id: item.id, optionAmount });
      return { ...item, optionAmount };
    }),
  }));
  if (changed.length > 0)
    await tx
      .update(orderItems)
      .set({
        optionAmount: sql`case ${orderItems.id} ${sql.join(
          changed.map((c) => sql`when ${c.id}::uuid then ${c.optionAmount}::integer`),
          sql` `,
        )} end`,
      })
      .where(
        inArray(
          orderItems.id,
          changed.map((c) => c.id),
        ),
      );
  const batch = new OrderBatch(tx, ctx, meta);
  const checked: LoadedOrder[] = [];
  for (const order of refreshed) checked.push(await billedTotalCheck(batch, order));
  const released = checked.filter((o) => !o.snapshot.tags.some((t) => t.systemCode === "total_mismatch"));
  await batch.prefetchFacts(released, false);
  await progressOrders(batch, released);
  await batch.flush();
  return released.length;
}

import { and, eq, sql } from "drizzle-orm";
import { orderEvents, orderTags, tags } from "#server/db/schema.ts";
import { type Actor, type AppContext, actorLabel } from "../context.ts";
import { lockOrdersHeldBy, releaseOrders } from "../orders/held-orders.ts";
import { customTag } from "./custom-tags.ts";

/**
 * タグ削除: the tag comes off every order carrying it (the foreign key cascades), each such order
 * notes it on its timeline, and the orders it was holding move on by themselves — all in one
 * transaction.
 */
export async function deleteTag(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  tagId: string,
): Promise<{ detachedOrders: number; releasedOrders: number }> {
  const meta = { actor: actorLabel(actor), now: ctx.clock.now() };
  return ctx.db.transaction(async (tx) => {
    const before = await customTag(tx, accountId, tagId);
    const heldBefore = before.hold ? await lockOrdersHeldBy(tx, accountId, tagId) : [];
    const tag = await customTag(tx, accountId, tagId, "update");
    // Orders tagged while this waited for the tag lock are committed by now and seen here.
    const held = tag.hold
      ? [...new Set([...heldBefore, ...(await lockOrdersHeldBy(tx, accountId, tagId))])]
      : [];

    // One statement however many orders carry the tag: a popular tag may be on thousands.
    const noted = await tx.execute(sql`
      with noted as (
        insert into ${orderEvents} (order_id, account_id, at, actor, type, message, detail)
        select ${orderTags.orderId}, ${orderTags.accountId}, ${meta.now.toISOString()}::timestamptz,
               ${meta.actor}, 'tag_removed', ${`タグ「${tag.name}」が削除されたため、注文から外れました`},
               ${JSON.stringify({ tagId, tagDeleted: true })}::jsonb
        from ${orderTags} where ${orderTags.tagId} = ${tagId}
        returning 1
      )
      select count(*)::int as n from noted`);
    await tx.delete(tags).where(and(eq(tags.id, tagId), eq(tags.accountId, accountId)));

    const releasedOrders = await releaseOrders(tx, ctx, accountId, held, null, meta);
    return {
      detachedOrders: (noted as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0,
      releasedOrders,
    };
  });
}

import { and, eq } from "drizzle-orm";
import { tags } from "#server/db/schema.ts";
import { hasUnmappedItem, type OrderSnapshot } from "#server/domain/order.ts";
import { attachTag, detachTag } from "#server/domain/order-tagging.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import type { Actor, AppContext } from "../context.ts";
import { progressOrder } from "../orders/progress-order.ts";
import { commandOrder } from "../orders/with-order.ts";

/** A person tags an order; a holding tag on an order not yet sent to the warehouse pulls it back to 確認待. */
export async function attachOrderTag(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  orderId: string,
  tagId: string,
) {
  return commandOrder(ctx, actor, accountId, orderId, async (order, { tx }) => {
    const [tag] = await tx
      .select()
      .from(tags)
      .where(and(eq(tags.id, tagId), eq(tags.accountId, accountId)))
      // Shared lock: a concurrent un-hold or delete of this tag waits, then sees and releases this order.
      .for("share");
    if (!tag) return notFound("tag", "タグ");
    if (tag.kind === "system") {
      return new Refusal(
        "order.tag_system_only",
        `システムタグ「${tag.name}」はシステムだけが付けられます。`,
        {
          errors: [{ path: "tagId", message: "システムタグは手動で付けられません" }],
        },
      );
    }
    return attachTag(order, { tagId: tag.id, name: tag.name, hold: tag.hold, systemCode: null }, "person");
  });
}

/** Removing the last holding tag lets the order move on by itself, in the same transaction. */
export async function detachOrderTag(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  orderId: string,
  tagId: string,
) {
  return commandOrder(
    ctx,
    actor,
    accountId,
    orderId,
    (order, { order: loaded }) =>
      detachTag(order, tagId, systemCausePersists(order, tagId, loaded.shipments)),
    ({ tx, order, meta }) => progressOrder(tx, ctx, order, meta),
  );
}

/** Only causes the system can see for itself are checked; the others are notices a person clears. */
function systemCausePersists(
  order: OrderSnapshot,
  tagId: string,
  shipments: readonly { addressPending: boolean }[],
): boolean {
  const tag = order.tags.find((t) => t.tagId === tagId);
  if (tag?.systemCode === "gift_address_pending") return shipments.some((s) => s.addressPending);
  if (tag?.systemCode === "unmapped_item") return hasUnmappedItem(order);
  if (tag?.systemCode === "amount_undetermined") return order.total === null;
  return false;
}

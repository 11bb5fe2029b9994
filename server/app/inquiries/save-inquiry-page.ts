import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { appendEvents } from "#server/db/orders/order-queries.ts";
import { inquiries, orders, shipments, type shops } from "#server/db/schema.ts";
import { type CancelRequestDecision, decideCancelRequest } from "#server/domain/inquiry-cancel.ts";
import { inquiryLinkageOf, isCancelRequest } from "#server/domain/inquiry-linkage.ts";
import type { OrderStatus, ShippingStatus } from "#server/domain/order-status.ts";
import type { MallInquiry } from "#server/ports/channel.ts";
import type { AppContext } from "../context.ts";
import { recordWebhookEvent } from "../webhooks/record-event.ts";

type Shop = typeof shops.$inferSelect;

export const INQUIRY_ACTOR = { kind: "system", job: "inquiry-cancel" } as const;

/**
 * One page of the channel's threads in one transaction, upserted by (shop, inquiry number). A cancel
 * request on a linked order is decided here, once: the row keeps the first decision (a thread seen
 * again in the next, overlapping window keeps it), and the job that acts on it is enqueued with it.
 */
export async function saveInquiryPage(
  ctx: AppContext,
  shop: Shop,
  listed: readonly MallInquiry[],
): Promise<{ saved: number; decided: number }> {
  // A thread listed twice in one page is one row (the upsert could not touch a row twice).
  const page = [...new Map(listed.map((i) => [i.inquiryNumber, i])).values()];
  if (page.length === 0) return { saved: 0, decided: 0 };
  const linkage = inquiryLinkageOf(shop.settings);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const linked = await linkedOrders(tx, shop.id, page);
    const numbers = page.map((i) => i.inquiryNumber);
    const before = await tx
      .select({ id: inquiries.id, number: inquiries.inquiryNumber, decision: inquiries.decision })
      .from(inquiries)
      .where(and(eq(inquiries.shopId, shop.id), inArray(inquiries.inquiryNumber, numbers)))
      .for("update");
    const known = new Map(before.map((b) => [b.number, b]));
    const toDecide: { id: string; orderId: string; decision: CancelRequestDecision; number: string }[] = [];
    const rows = page.map((i) => {
      const order = i.mallOrderNumber ? linked.get(i.mallOrderNumber) : undefined;
      // A buyer who asks to cancel in a later message of the thread asks as much as in the first.
      const words = [i.message, ...i.replies.filter((r) => r.from === "buyer").map((r) => r.message)];
      const cancelRequested = isCancelRequest(
        { cancelSignal: i.cancelSignal, message: words.join("\n") },
        linkage.cancelPhrases,
      );
      const id = known.get(i.inquiryNumber)?.id ?? ctx.newId();
      const undecided = !known.get(i.inquiryNumber)?.decision;
      const decision =
        linkage.enabled && cancelRequested && order && undecided ? decideCancelRequest(order, linkage) : null;
      if (decision && order) toDecide.push({ id, orderId: order.id, decision, number: i.inquiryNumber });
      return {
        id,
        accountId: shop.accountId,
        shopId: shop.id,
        inquiryNumber: i.inquiryNumber,
        mallOrderNumber: i.mallOrderNumber,
        orderId: order?.id ?? null,
        buyerName: i.buyerName,
        message: i.message,
        category: i.category,
        cancelRequested,
        thread: i.replies.map((r) => ({ from: r.from, message: r.message, at: r.at.toISOString() })),
        read: i.readByMerchant,
        completed: i.completed,
        receivedAt: i.receivedAt,
        updatedAt: i.updatedAt,
        decision,
      };
    });
    await tx
      .insert(inquiries)
      .values(rows)
      .onConflictDoUpdate({
        target: [inquiries.shopId, inquiries.inquiryNumber],
        set: {
          mallOrderNumber: sql`excluded.mall_order_number`,
          orderId: sql`coalesce(${inquiries.orderId}, excluded.order_id)`,
          buyerName: sql`excluded.buyer_name`,
          message: sql`excluded.message`,
          category: sql`excluded.category`,
          cancelRequested: sql`excluded.cancel_requested`,
          thread: sql`excluded.thread`,
          read: sql`excluded.read`,
          completed: sql`excluded.completed`,
          receivedAt: sql`excluded.received_at`,
          updatedAt: sql`excluded.updated_at`,
          // Decided once: a later window never changes what the first one decided.
          decision: sql`coalesce(${inquiries.decision}, excluded.decision)`,
        },
      });
    for (const d of toDecide) {
      await appendEvents(
        tx,
        { id: d.orderId, accountId: shop.accountId },
        [
          {
            type: "inquiry_cancel_requested",
            message: `購入者から問い合わせ(${d.number})でキャンセルの希望がありました`,
            detail: { inquiryId: d.id, decision: d.decision.kind },
          },
        ],
        { actor: "system:inquiry-import", now },
      );
    }
    // Ids only: the buyer's words stay in Juchu, the receiver reads them through the API if it must.
    const received = rows.filter((r) => !known.has(r.inquiryNumber));
    await recordWebhookEvent(
      ctx,
      tx,
      shop.accountId,
      received.map((r) => ({
        type: "inquiry.received",
        data: {
          inquiryId: r.id,
          shopId: shop.id,
          inquiryNumber: r.inquiryNumber,
          orderId: r.orderId,
          mallOrderNumber: r.mallOrderNumber,
          category: r.category,
          cancelRequested: r.cancelRequested,
        },
      })),
    );
    await ctx.jobs.enqueueMany(
      tx,
      "inquiry-act",
      toDecide.map((d) => ({ data: { inquiryId: d.id }, singletonKey: d.id })),
    );
    return { saved: rows.length, decided: toDecide.length };
  });
}

type LinkedOrder = {
  id: string;
  status: OrderStatus;
  shipments: { id: string; status: ShippingStatus }[];
};

/** The shop's live orders the page's threads name, with where their parcels are. */
async function linkedOrders(tx: Db, shopId: string, page: readonly MallInquiry[]) {
  const numbers = [...new Set(page.flatMap((i) => (i.mallOrderNumber ? [i.mallOrderNumber] : [])))];
  const found = new Map<string, LinkedOrder>();
  if (numbers.length === 0) return found;
  const rows = await tx
    .select({ id: orders.id, number: orders.mallOrderNumber, status: orders.status })
    .from(orders)
    .where(
      and(eq(orders.shopId, shopId), inArray(orders.mallOrderNumber, numbers), isNull(orders.deletedAt)),
    );
  if (rows.length === 0) return found;
  const parcels = await tx
    .select({ id: shipments.id, orderId: shipments.orderId, status: shipments.status })
    .from(shipments)
    .where(
      inArray(
        shipments.orderId,
        rows.map((r) => r.id),
      ),
    );
  for (const r of rows) {
    found.set(r.number, {
      id: r.id,
      status: r.status as OrderStatus,
      shipments: parcels
        .filter((p) => p.orderId === r.id)
        .map((p) => ({ id: p.id, status: p.status as ShippingStatus })),
    });
  }
  return found;
}

import { eq } from "drizzle-orm";
import { appendEvents } from "#server/db/orders/order-queries.ts";
import { inquiries, shops } from "#server/db/schema.ts";
import {
  type CancelRequestAction,
  type CancelRequestDecision,
  renderCancelReply,
  shippingStopped,
} from "#server/domain/inquiry-cancel.ts";
import { inquiryLinkageOf } from "#server/domain/inquiry-linkage.ts";
import type { MallInquiry } from "#server/ports/channel.ts";
import { MallError } from "#server/ports/mall.ts";
import { inquiryInboxOf } from "../channels/channel-clients.ts";
import type { AppContext } from "../context.ts";

const META_ACTOR = "system:inquiry-reply";

/**
 * The automatic reply to a cancel request, exactly once: the channel's reply is not idempotent, so the
 * thread is read first and a reply already there (a run that died after sending) is not sent again.
 * Then the thread is marked read. A mall that refuses keeps its words on the inquiry for a person; a
 * mall that is down fails the job, for pg-boss to retry.
 */
export async function sendCancelReply(ctx: AppContext, inquiryId: string): Promise<void> {
  const [row] = await ctx.db
    .select({ inquiry: inquiries, shop: shops })
    .from(inquiries)
    .innerJoin(shops, eq(shops.id, inquiries.shopId))
    .where(eq(inquiries.id, inquiryId));
  if (row?.inquiry.replyState !== "pending" || !row.inquiry.action) return;
  const { inquiry, shop } = row;
  const text = renderCancelReply(inquiryLinkageOf(shop.settings).replyTemplate, {
    buyerName: inquiry.buyerName,
    shopName: shop.name,
    mallOrderNumber: inquiry.mallOrderNumber ?? "",
    stopped: shippingStopped(
      inquiry.action as CancelRequestAction,
      inquiry.decision as CancelRequestDecision,
    ),
  });
  const inbox = inquiryInboxOf(ctx, shop);
  const thread = await inbox.getInquiry(inquiry.inquiryNumber);
  const already = thread?.replies.some((r) => r.from === "shop" && r.message.trim() === text.trim());
  if (!already) {
    try {
      await inbox.reply({ inquiryNumber: inquiry.inquiryNumber, message: text });
    } catch (error) {
      if (!(error instanceof MallError) || error.retryable) throw error;
      await recordReply(ctx, inquiry, { state: "failed", error: error.message, text, thread });
      return;
    }
  }
  await inbox.markRead([inquiry.inquiryNumber]);
  await recordReply(ctx, inquiry, { state: "sent", error: null, text, thread: already ? thread : null });
}

/** The reply's outcome on the inquiry and the order's timeline, together. */
async function recordReply(
  ctx: AppContext,
  inquiry: typeof inquiries.$inferSelect,
  result: { state: "sent" | "failed"; error: string | null; text: string; thread: MallInquiry | null },
): Promise<void> {
  const now = ctx.clock.now();
  const sent = result.state === "sent";
  // The thread as the channel had it when the reply was already there; else ours with the reply added.
  const thread = result.thread
    ? result.thread.replies.map((r) => ({ from: r.from, message: r.message, at: r.at.toISOString() }))
    : sent
      ? [...inquiry.thread, { from: "shop" as const, message: result.text, at: now.toISOString() }]
      : inquiry.thread;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(inquiries)
      .set({ replyState: result.state, replyError: result.error, thread, ...(sent ? { read: true } : {}) })
      .where(eq(inquiries.id, inquiry.id));
    if (!inquiry.orderId) return;
    await appendEvents(
      tx,
      { id: inquiry.orderId, accountId: inquiry.accountId },
      [
        sent
          ? {
              type: "inquiry_replied",
              message: `問い合わせ(${inquiry.inquiryNumber})に自動で返信しました`,
              detail: { inquiryId: inquiry.id, message: result.text },
            }
          : {
              type: "inquiry_reply_failed",
              message: `問い合わせ(${inquiry.inquiryNumber})への自動返信をモールが受け付けませんでした: ${result.error}`,
              detail: { inquiryId: inquiry.id },
            },
      ],
      { actor: META_ACTOR, now },
    );
  });
}

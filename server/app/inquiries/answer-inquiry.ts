import { and, eq } from "drizzle-orm";
import { appendEvents } from "#server/db/orders/order-queries.ts";
import { inquiries, shops } from "#server/db/schema.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import type { InquiryInbox } from "#server/ports/channel.ts";
import { MallError } from "#server/ports/mall.ts";
import { inquiryInboxOf } from "../channels/channel-clients.ts";
import { type Actor, type AppContext, actorLabel } from "../context.ts";

async function ownInquiry(ctx: AppContext, accountId: string, id: string) {
  const [row] = await ctx.db
    .select({ inquiry: inquiries, shop: shops })
    .from(inquiries)
    .innerJoin(shops, eq(shops.id, inquiries.shopId))
    .where(and(eq(inquiries.id, id), eq(inquiries.accountId, accountId)));
  if (!row) throw notFound("inquiry", "問い合わせ");
  return row;
}

/** The mall's no, in its own words; a mall that is down is a 502 the merchant may retry. */
function mallRefusal(error: MallError, what: string): Refusal {
  return error.retryable
    ? new Refusal(
        "inquiry.mall_unavailable",
        `モールに接続できませんでした。時間をおいて再度お試しください: ${error.message}`,
        {
          rule: error.code,
        },
      )
    : new Refusal("inquiry.mall_refused", `モールが${what}を受け付けませんでした: ${error.message}`, {
        rule: error.code,
      });
}

/** 返信 by a person: sent through the channel, then kept on the thread, marked read and on the order's timeline. */
export async function replyToInquiry(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  id: string,
  message: string,
): Promise<void> {
  const { inquiry, shop } = await ownInquiry(ctx, accountId, id);
  let inbox: InquiryInbox;
  try {
    // Inside: a shop whose channel takes no replies is the mall's no, not a server error.
    inbox = inquiryInboxOf(ctx, shop);
    await inbox.reply({ inquiryNumber: inquiry.inquiryNumber, message });
  } catch (error) {
    if (!(error instanceof MallError)) throw error;
    // The mall's no stays on the inquiry, so the inbox shows why the reply is not there.
    if (!error.retryable) {
      await ctx.db
        .update(inquiries)
        .set({ replyState: "failed", replyError: error.message })
        .where(eq(inquiries.id, id));
    }
    throw mallRefusal(error, "返信");
  }
  // The reply is out: a read flag the mall fails to take must not make the merchant send it again.
  await inbox.markRead([inquiry.inquiryNumber]).catch((error: unknown) => {
    if (!(error instanceof MallError)) throw error;
  });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(inquiries).where(eq(inquiries.id, id)).for("update");
    if (!current) return;
    await tx
      .update(inquiries)
      .set({
        thread: [...current.thread, { from: "shop", message, at: now.toISOString() }],
        read: true,
        replyState: "sent",
        replyError: null,
      })
      .where(eq(inquiries.id, id));
    if (current.orderId) {
      await appendEvents(
        tx,
        { id: current.orderId, accountId },
        [
          {
            type: "inquiry_replied",
            message: `問い合わせ(${current.inquiryNumber})に返信しました`,
            detail: { inquiryId: id, message },
          },
        ],
        { actor: actorLabel(actor), now },
      );
    }
  });
}

/** 対応完了 / 未完了: told to the channel first, so Juchu never shows a state the mall does not have. */
export async function setInquiryCompleted(
  ctx: AppContext,
  accountId: string,
  id: string,
  completed: boolean,
): Promise<void> {
  const { inquiry, shop } = await ownInquiry(ctx, accountId, id);
  try {
    await inquiryInboxOf(ctx, shop).setCompleted([inquiry.inquiryNumber], completed);
  } catch (error) {
    if (!(error instanceof MallError)) throw error;
    throw mallRefusal(error, completed ? "対応完了" : "未完了への変更");
  }
  await ctx.db.update(inquiries).set({ completed }).where(eq(inquiries.id, id));
}

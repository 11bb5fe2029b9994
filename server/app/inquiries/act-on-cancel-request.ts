import { eq } from "drizzle-orm";
import { appendEvents, loadOrder, saveDecision } from "#server/db/orders/order-queries.ts";
import { inquiries, shops } from "#server/db/schema.ts";
import { systemTag } from "#server/db/shops/shop-reads.ts";
import {
  type CancelRequestAction,
  type CancelRequestDecision,
  decideCancelRequest,
} from "#server/domain/inquiry-cancel.ts";
import { inquiryLinkageOf } from "#server/domain/inquiry-linkage.ts";
import { attachTag } from "#server/domain/order-tagging.ts";
import { Refusal } from "#server/domain/refusal.ts";
import type { SystemTagCode } from "#server/domain/system-tags.ts";
import type { AppContext } from "../context.ts";
import { cancelOrder } from "../orders/cancel-order.ts";
import { withdrawShipment } from "../shipping/withdraw-shipment.ts";
import { INQUIRY_ACTOR } from "./save-inquiry-page.ts";

type Outcome = {
  action: CancelRequestAction;
  note: string;
  tag: SystemTagCode | null;
  decision: CancelRequestDecision;
};

const ACTION_LABELS: Record<CancelRequestAction, string> = {
  cancelled: "注文をキャンセルしました(お客様都合)",
  withdrawn: "倉庫に出荷依頼の取下げを依頼し、受け付けられました(注文はキャンセルしていません)",
  withdraw_refused: "倉庫が出荷依頼の取下げを受け付けませんでした",
  tagged: "担当者の確認のためタグを付けました",
  none: "すでにキャンセル済みの注文です",
};

/**
 * The decided action on a buyer's cancel request, done once (SPEC.md §7): cancel, withdrawal or tag,
 * then — in one transaction — the outcome on the inquiry, the order's timeline and the automatic reply
 * job. A run that dies after the cancel or the withdrawal is run again by pg-boss: the order then
 * shows it done, which is taken as this job's doing (the decision was recorded before acting), so the
 * reply still goes, once.
 */
export async function actOnCancelRequest(ctx: AppContext, inquiryId: string): Promise<void> {
  const [row] = await ctx.db
    .select({ inquiry: inquiries, shop: shops })
    .from(inquiries)
    .innerJoin(shops, eq(shops.id, inquiries.shopId))
    .where(eq(inquiries.id, inquiryId));
  if (!row || row.inquiry.action !== null || !row.inquiry.decision || !row.inquiry.orderId) return;
  const { inquiry, shop } = row;
  const orderId = inquiry.orderId as string;
  const outcome = await act(ctx, shop, orderId, inquiry.decision as CancelRequestDecision);
  await finish(ctx, inquiryId, shop, orderId, outcome);
}

async function act(
  ctx: AppContext,
  shop: typeof shops.$inferSelect,
  orderId: string,
  decision: CancelRequestDecision,
): Promise<Outcome> {
  const done = (
    action: CancelRequestAction,
    tag: SystemTagCode | null = null,
    note = ACTION_LABELS[action],
  ) => ({
    action,
    note,
    tag,
    decision,
  });
  switch (decision.kind) {
    case "unlinked":
    case "already_cancelled":
      return done("none");
    case "hold":
      return done("tagged", "inquiry_cancel_requested");
    case "shipped":
      return done("tagged", "inquiry_cancel_shipped");
    case "cancel": {
      const first = ctx.channels.get(shop.channel)?.cancelReasons[0];
      try {
        await cancelOrder(ctx, INQUIRY_ACTOR, shop.accountId, orderId, {
          reason: first?.label ?? "お客様都合",
          mallCancelReason: first ? `${shop.channel}:${first.code}` : undefined,
        });
        return done("cancelled");
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        return redecide(ctx, shop, orderId, decision, error.detail);
      }
    }
    case "withdraw": {
      for (const shipmentId of decision.shipmentIds) {
        try {
          await withdrawShipment(ctx, INQUIRY_ACTOR, shop.accountId, orderId, shipmentId);
        } catch (error) {
          if (!(error instanceof Refusal)) throw error;
          if (error.code === "shipment.withdraw_refused") {
            return done(
              "withdraw_refused",
              "inquiry_cancel_not_stopped",
              `${ACTION_LABELS.withdraw_refused}: ${error.detail}`,
            );
          }
          if (await alreadyWithdrawn(ctx, shop.accountId, orderId, shipmentId)) continue;
          return redecide(ctx, shop, orderId, decision, error.detail);
        }
      }
      return done("withdrawn");
    }
  }
}

/**
 * The order moved between the decision and the act — or this is a run again after a crash, and the
 * order shows the act done. What it shows now says which; an order that reached the warehouse in the
 * meantime gets the withdrawal after all.
 */
async function redecide(
  ctx: AppContext,
  shop: typeof shops.$inferSelect,
  orderId: string,
  decided: CancelRequestDecision,
  why: string,
): Promise<Outcome> {
  const order = await loadOrder(ctx.db, shop.accountId, orderId, { lock: false });
  const now = order
    ? decideCancelRequest(order.snapshot, { autoCancel: false })
    : { kind: "unlinked" as const };
  if (decided.kind === "cancel" && now.kind === "already_cancelled") {
    return { action: "cancelled", note: ACTION_LABELS.cancelled, tag: null, decision: decided };
  }
  if (decided.kind !== "withdraw" && now.kind === "withdraw") return act(ctx, shop, orderId, now);
  const tag: SystemTagCode | null =
    now.kind === "shipped"
      ? "inquiry_cancel_shipped"
      : now.kind === "hold"
        ? "inquiry_cancel_requested"
        : null;
  return {
    action: tag ? "tagged" : "none",
    note: `${tag ? ACTION_LABELS.tagged : ACTION_LABELS.none}(${why})`,
    tag,
    decision: now,
  };
}

/** A parcel already 出荷不可: withdrawn by this job's run that died before recording it (or by hand). */
async function alreadyWithdrawn(ctx: AppContext, accountId: string, orderId: string, shipmentId: string) {
  const order = await loadOrder(ctx.db, accountId, orderId, { lock: false });
  return order?.snapshot.shipments.some((s) => s.id === shipmentId && s.status === "unshippable") ?? false;
}

async function finish(
  ctx: AppContext,
  inquiryId: string,
  shop: typeof shops.$inferSelect,
  orderId: string,
  outcome: Outcome,
): Promise<void> {
  const meta = { actor: "system:inquiry-cancel", now: ctx.clock.now() };
  const replies = inquiryLinkageOf(shop.settings).enabled;
  await ctx.db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ action: inquiries.action, number: inquiries.inquiryNumber })
      .from(inquiries)
      .where(eq(inquiries.id, inquiryId))
      .for("update");
    if (!locked || locked.action !== null) return;
    const order = await loadOrder(tx, shop.accountId, orderId, { lock: true });
    let current = order;
    if (order && outcome.tag) {
      const tagged = attachTag(order.snapshot, await systemTag(tx, shop.accountId, outcome.tag), "system");
      if (!(tagged instanceof Refusal)) current = await saveDecision(tx, order, tagged, meta);
    }
    if (current) {
      await appendEvents(
        tx,
        current.row,
        [
          {
            type: "inquiry_cancel_action",
            message: `問い合わせ(${locked.number})のキャンセル希望: ${outcome.note}`,
            detail: { inquiryId, action: outcome.action },
          },
        ],
        meta,
      );
    }
    await tx
      .update(inquiries)
      .set({
        action: outcome.action,
        actionNote: outcome.note,
        actedAt: meta.now,
        decision: outcome.decision,
        ...(replies ? { replyState: "pending" } : {}),
      })
      .where(eq(inquiries.id, inquiryId));
    if (replies) await ctx.jobs.enqueue(tx, "inquiry-reply", { inquiryId }, { singletonKey: inquiryId });
  });
}

import { loggableError } from "#server/db/errors.ts";
import { Refusal } from "#server/domain/refusal.ts";
import type { Actor, AppContext } from "../context.ts";
import { attachOrderTag, detachOrderTag } from "../tags/order-tags.ts";
import { cancelOrder } from "./cancel-order.ts";
import { recordPayment } from "./record-payment.ts";

export const BULK_ACTIONS = ["cancel", "markPaid", "attachTag", "removeTag"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export type BulkInput = {
  action: BulkAction;
  orderIds: readonly string[];
  tagId?: string | undefined;
  reason?: string | undefined;
  /** For a cancel: the reason each channel is told, one `<channel>:<code>` per channel. */
  mallCancelReasons?: readonly string[] | undefined;
};

export type BulkOutcome =
  | { orderId: string; ok: true }
  | { orderId: string; ok: false; code: string; detail: string; rule: string | undefined };

/**
 * 一括操作: the same command as on the order screen, once per order, each in its own transaction —
 * one order's refusal (its rule, in the merchant's words) never undoes or blocks the others.
 */
export async function runBulkOrderAction(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  input: BulkInput,
): Promise<BulkOutcome[]> {
  const command = commandFor(ctx, actor, accountId, input);
  const outcomes: BulkOutcome[] = [];
  for (const orderId of input.orderIds) {
    try {
      await command(orderId);
      outcomes.push({ orderId, ok: true });
    } catch (error) {
      if (error instanceof Refusal) {
        outcomes.push({ orderId, ok: false, code: error.code, detail: error.detail, rule: error.rule });
        continue;
      }
      // A bug on one order is reported on that order; the ones already done stay done and say so.
      console.error(`bulk ${input.action} failed on order ${orderId}:\n${loggableError(error)}`);
      outcomes.push({
        orderId,
        ok: false,
        code: "internal",
        detail: "内部エラーが発生しました。",
        rule: undefined,
      });
    }
  }
  return outcomes;
}

function commandFor(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  input: BulkInput,
): (orderId: string) => Promise<unknown> {
  const tagId = input.tagId;
  switch (input.action) {
    case "cancel":
      return (id) =>
        cancelOrder(ctx, actor, accountId, id, {
          reason: input.reason,
          mallCancelReason: input.mallCancelReasons,
        });
    case "markPaid":
      return (id) => recordPayment(ctx, actor, accountId, id, {});
    case "attachTag":
    case "removeTag": {
      if (!tagId) {
        throw new Refusal("validation.failed", "タグの一括操作には tagId が必要です。", {
          errors: [{ path: "tagId", message: "タグを選んでください" }],
        });
      }
      return input.action === "attachTag"
        ? (id) => attachOrderTag(ctx, actor, accountId, id, tagId)
        : (id) => detachOrderTag(ctx, actor, accountId, id, tagId);
    }
  }
}

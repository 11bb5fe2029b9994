import { appendEvents, loadOrder, saveDecision } from "#server/db/orders/order-queries.ts";
import { systemTag } from "#server/db/shops/shop-reads.ts";
import { attachTag } from "#server/domain/order-tagging.ts";
import { Refusal } from "#server/domain/refusal.ts";
import type { AppContext } from "../context.ts";
import { withdrawShipment } from "../shipping/withdraw-shipment.ts";

const ACTOR = { kind: "system", job: "mall-cancel-withdraw" } as const;

/**
 * The mall cancelled an order whose parcel the warehouse is working on (SPEC.md §7): the withdrawal
 * request goes by itself. Its yes is the ordinary withdrawal (出荷不可 + 出荷取下げ); the order is not
 * cancelled — the merchant does that. Its no (picking begun) leaves 出荷取下げ不可 and the warehouse's
 * words, for a person to stop the parcel with the carrier or handle the return.
 */
export async function withdrawForMallCancel(
  ctx: AppContext,
  input: { accountId: string; orderId: string; shipmentId: string },
): Promise<void> {
  try {
    await withdrawShipment(ctx, ACTOR, input.accountId, input.orderId, input.shipmentId);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    if (error.code === "shipment.withdraw_refused") await tagRefused(ctx, input, error.detail);
    // Any other refusal: the parcel is no longer 出荷中 (shipped, withdrawn by hand): nothing to stop.
  }
}

async function tagRefused(
  ctx: AppContext,
  input: { accountId: string; orderId: string },
  why: string,
): Promise<void> {
  const meta = { actor: "system:mall-cancel-withdraw", now: ctx.clock.now() };
  await ctx.db.transaction(async (tx) => {
    const order = await loadOrder(tx, input.accountId, input.orderId, { lock: true });
    if (!order) return;
    const decision = attachTag(
      order.snapshot,
      await systemTag(tx, input.accountId, "withdrawal_refused"),
      "system",
    );
    const tagged = decision instanceof Refusal ? order : await saveDecision(tx, order, decision, meta);
    await appendEvents(
      tx,
      tagged.row,
      [
        {
          type: "mall_cancel_not_stopped",
          message: `モール側でキャンセルされましたが、出荷を止められませんでした。${why}`,
        },
      ],
      meta,
    );
  });
}

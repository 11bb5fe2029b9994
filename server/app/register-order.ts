import { and, eq } from "drizzle-orm";
import { orders, shops } from "#server/db/schema.ts";
import type { ShipTo } from "#server/domain/address.ts";
import { manualRegistrationRefusal } from "#server/domain/mall-order-number.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { type Actor, type AppContext, actorLabel } from "./context.ts";
import { insertOrder, lockOrderNumber } from "./insert-order.ts";

export type OrderRegistration = {
  shopId: string;
  mallOrderNumber: string;
  orderedAt?: Date | undefined;
  buyer: { name: string; email: string; phone?: string | undefined };
  shipTo: ShipTo;
  paymentMethod: string;
  paid?: boolean | undefined;
  items: {
    mallItemCode: string;
    mallSkuCode?: string | undefined;
    name: string;
    unitPrice: number;
    quantity: number;
  }[];
  shippingFee?: number | undefined;
  remarks?: string | undefined;
};

/**
 * 手動登録 (and later CSV): the order enters 新規受付 and waits out the shop's grace period — zero
 * for manual shops, so it moves on in this same transaction as far as its data allows.
 */
export async function registerOrder(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  input: OrderRegistration,
  source: "manual" | "csv" = "manual",
): Promise<string> {
  const now = ctx.clock.now();
  const meta = { actor: actorLabel(actor), now };
  return ctx.db.transaction(async (tx) => {
    const [shop] = await tx
      .select()
      .from(shops)
      .where(and(eq(shops.id, input.shopId), eq(shops.accountId, accountId)));
    if (!shop) throw notFound("shop", "ショップ");
    await lockOrderNumber(tx, shop.id, input.mallOrderNumber);
    const existing = await tx
      .select({ id: orders.id, status: orders.status, deletedAt: orders.deletedAt })
      .from(orders)
      .where(and(eq(orders.shopId, shop.id), eq(orders.mallOrderNumber, input.mallOrderNumber)));
    const refusal = manualRegistrationRefusal(
      input.mallOrderNumber,
      existing.map((o) => ({ ...o, status: o.status as never })),
    );
    if (refusal) throw refusal;

    const subtotal = input.items.reduce((sum, i) => sum + i.unitPrice * i.quantity, 0);
    const shippingFee = input.shippingFee ?? 0;
    const order = await insertOrder(
      tx,
      ctx,
      shop,
      {
        source,
        mallOrderNumber: input.mallOrderNumber,
        orderedAt: input.orderedAt ?? now,
        buyer: input.buyer,
        shipTo: input.shipTo,
        paymentMethod: input.paymentMethod,
        paidAt: input.paid ? now : null,
        subtotal,
        shippingFee,
        fees: 0,
        couponDiscount: 0,
        pointsUsed: 0,
        total: subtotal + shippingFee,
        remarks: input.remarks ?? null,
        shipments: [{ items: input.items }],
      },
      `${source === "csv" ? "CSV取込" : "手動登録"}で受注しました(${input.items.length}明細、合計${subtotal + shippingFee}円)`,
      meta,
    );
    return order.row.id;
  });
}

/** What became of one order of a batch: registered, or refused with the rule that said no. */
export type RegistrationOutcome = { orderId: string } | { refusal: Refusal };

/**
 * Registers many orders (CSV upload, B2B, the API): one outcome per input, in input order. A refused
 * order does not hold the others back.
 */
export async function registerOrders(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  inputs: readonly OrderRegistration[],
  source: "manual" | "csv" = "manual",
): Promise<RegistrationOutcome[]> {
  const outcomes: RegistrationOutcome[] = [];
  for (const input of inputs) {
    try {
      outcomes.push({ orderId: await registerOrder(ctx, actor, accountId, input, source) });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      outcomes.push({ refusal: error });
    }
  }
  return outcomes;
}

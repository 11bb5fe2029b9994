import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { orders, shops } from "#server/db/schema.ts";
import type { ShipTo } from "#server/domain/address.ts";
import { manualRegistrationRefusal } from "#server/domain/mall-order-number.ts";
import type { OrderStatus } from "#server/domain/order-status.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { type Actor, type AppContext, actorLabel } from "../context.ts";
import { insertOrders, type OrderToInsert } from "./insert-order.ts";
import { OrderBatch } from "./order-batch.ts";

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
  desiredDeliveryDate?: string | null | undefined;
  desiredTimeSlot?: string | null | undefined;
  /** Where the order came from, as the timeline's first line names it (「手動登録」 when not said). */
  via?: string | undefined;
};

/** What became of one order of a batch: registered, or refused with the rule that said no. */
export type RegistrationOutcome = { orderId: string } | { refusal: Refusal };

/**
 * 手動登録 (and CSV): the order enters 新規受付 and waits out the shop's grace period — zero for
 * manual shops, so it moves on in this same transaction as far as its data allows.
 */
export async function registerOrder(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  input: OrderRegistration,
  source: "manual" | "csv" = "manual",
): Promise<string> {
  const [outcome] = await ctx.db.transaction((tx) => registerIn(tx, ctx, actor, accountId, [input], source));
  if (!outcome) throw new Error("registration answered nothing");
  if ("refusal" in outcome) throw outcome.refusal;
  return outcome.orderId;
}

/**
 * Registers many orders (CSV upload, B2B, the API) in one transaction with a handful of statements:
 * one outcome per input, in input order. A refused order does not hold the others back; when the
 * batch fails as a whole, it is retried order by order, and the one that fails says why.
 */
export async function registerOrders(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  inputs: readonly OrderRegistration[],
  source: "manual" | "csv" = "manual",
): Promise<RegistrationOutcome[]> {
  if (inputs.length === 0) return [];
  try {
    return await ctx.db.transaction((tx) => registerIn(tx, ctx, actor, accountId, inputs, source));
  } catch (error) {
    if (inputs.length === 1) return [{ refusal: asRefusal(error) }];
    const outcomes: RegistrationOutcome[] = [];
    for (const input of inputs) {
      try {
        outcomes.push({ orderId: await registerOrder(ctx, actor, accountId, input, source) });
      } catch (one) {
        outcomes.push({ refusal: asRefusal(one) });
      }
    }
    return outcomes;
  }
}

const asRefusal = (error: unknown) =>
  error instanceof Refusal
    ? error
    : new Refusal(
        "order.registration_failed",
        `注文を登録できませんでした: ${error instanceof Error ? error.message : String(error)}`,
      );

/** registerOrders inside the caller's transaction, for a use case that writes more beside the orders. */
export async function registerIn(
  tx: Db,
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  inputs: readonly OrderRegistration[],
  source: "manual" | "csv",
): Promise<RegistrationOutcome[]> {
  const now = ctx.clock.now();
  const batch = new OrderBatch(tx, ctx, { actor: actorLabel(actor), now });
  const shopIds = [...new Set(inputs.map((i) => i.shopId))];
  const shopRows = await tx
    .select()
    .from(shops)
    .where(and(inArray(shops.id, shopIds), eq(shops.accountId, accountId)));
  // Numbers already held (a deleted order's included: SPEC.md §5 decides what frees a number).
  const existing = await tx
    .select({
      id: orders.id,
      shopId: orders.shopId,
      mallOrderNumber: orders.mallOrderNumber,
      status: orders.status,
      deletedAt: orders.deletedAt,
    })
    .from(orders)
    .where(
      and(
        inArray(orders.shopId, shopIds),
        inArray(orders.mallOrderNumber, [...new Set(inputs.map((i) => i.mallOrderNumber))]),
      ),
    );
  const outcomes: (RegistrationOutcome | null)[] = inputs.map(() => null);
  const heldBy = new Map<string, { id: string; status: OrderStatus; deletedAt: Date | null }[]>();
  for (const o of existing) {
    const key = `${o.shopId}:${o.mallOrderNumber}`;
    heldBy.set(key, [...(heldBy.get(key) ?? []), { ...o, status: o.status as OrderStatus }]);
  }
  const taken = new Set<string>();
  const byShop = new Map<string, { index: number; entry: OrderToInsert }[]>();
  for (const [index, input] of inputs.entries()) {
    const key = `${input.shopId}:${input.mallOrderNumber}`;
    const holding = [...(heldBy.get(key) ?? [])];
    // The same number twice in one batch: the first one takes it.
    if (taken.has(key)) holding.push(LIVE);
    const refusal = shopRows.some((s) => s.id === input.shopId)
      ? manualRegistrationRefusal(input.mallOrderNumber, holding)
      : notFound("shop", "ショップ");
    if (refusal) {
      outcomes[index] = { refusal };
      continue;
    }
    taken.add(key);
    const entry = { index, entry: toInsert(input, source, now) };
    const ofShop = byShop.get(input.shopId);
    if (ofShop) ofShop.push(entry);
    else byShop.set(input.shopId, [entry]);
  }
  for (const [shopId, entries] of byShop) {
    const shop = shopRows.find((s) => s.id === shopId);
    if (!shop) continue;
    const written = await insertOrders(
      batch,
      ctx,
      shop,
      entries.map((e) => e.entry),
    );
    entries.forEach(({ index, entry }, i) => {
      const order = written[i];
      // Taken meanwhile by a concurrent registration or import, which the live-number key let win.
      outcomes[index] = order
        ? { orderId: order.row.id }
        : {
            refusal:
              manualRegistrationRefusal(entry.input.mallOrderNumber, [LIVE]) ?? notFound("order", "注文"),
          };
    });
  }
  return outcomes.map((o) => o ?? { refusal: notFound("shop", "ショップ") });
}

const LIVE = { id: "", status: "new" as const, deletedAt: null };

function toInsert(input: OrderRegistration, source: "manual" | "csv", now: Date): OrderToInsert {
  const subtotal = input.items.reduce((sum, i) => sum + i.unitPrice * i.quantity, 0);
  const shippingFee = input.shippingFee ?? 0;
  return {
    input: {
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
      desiredDeliveryDate: input.desiredDeliveryDate ?? null,
      desiredTimeSlot: input.desiredTimeSlot || null,
      shipments: [{ items: input.items }],
    },
    registeredMessage: `${input.via ?? (source === "csv" ? "CSV取込" : "手動登録")}で受注しました(${input.items.length}明細、合計${subtotal + shippingFee}円)`,
  };
}

import { and, eq, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { loadOrder, saveDecision } from "#server/db/order-queries.ts";
import { orderItems, orders, shipments, shops, warehouses } from "#server/db/schema.ts";
import { manualRegistrationRefusal } from "#server/domain/mall-order-number.ts";
import { notFound } from "#server/domain/refusal.ts";
import type { ShopSettings } from "#server/domain/shop-settings.ts";
import { type Actor, type AppContext, actorLabel } from "./context.ts";
import { progressOrder } from "./progress-order.ts";

export type OrderRegistration = {
  shopId: string;
  mallOrderNumber: string;
  orderedAt?: Date | undefined;
  buyer: { name: string; email: string; phone?: string | undefined };
  shipTo: {
    name: string;
    postalCode: string;
    prefecture: string;
    address1: string;
    address2?: string | undefined;
    phone: string;
  };
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
    const settings = shop.settings as ShopSettings;
    // Locks the number for this shop so two registrations of it cannot both pass the check.
    await tx.execute(sqlLock(shop.id, input.mallOrderNumber));
    const existing = await tx
      .select({ id: orders.id, status: orders.status, deletedAt: orders.deletedAt })
      .from(orders)
      .where(and(eq(orders.shopId, shop.id), eq(orders.mallOrderNumber, input.mallOrderNumber)));
    const refusal = manualRegistrationRefusal(
      input.mallOrderNumber,
      existing.map((o) => ({ ...o, status: o.status as never })),
    );
    if (refusal) throw refusal;

    const warehouseId = settings.warehouseId ?? (await firstWarehouse(tx, accountId));
    const orderedAt = input.orderedAt ?? now;
    const subtotal = input.items.reduce((sum, i) => sum + i.unitPrice * i.quantity, 0);
    const shippingFee = input.shippingFee ?? 0;
    const orderId = ctx.newId();
    const graceUntil = new Date(orderedAt.getTime() + settings.gracePeriodMinutes * 60_000);
    await tx.insert(orders).values({
      id: orderId,
      accountId,
      shopId: shop.id,
      mallOrderNumber: input.mallOrderNumber,
      source,
      status: "new",
      orderedAt,
      graceUntil,
      buyerName: input.buyer.name,
      buyerEmail: input.buyer.email.toLowerCase(),
      buyerPhone: input.buyer.phone ?? null,
      shipTo: input.shipTo,
      paymentMethod: input.paymentMethod,
      paidAt: input.paid ? now : null,
      subtotal,
      shippingFee,
      total: subtotal + shippingFee,
      remarks: input.remarks ?? null,
      searchText: [
        input.mallOrderNumber,
        input.buyer.name,
        input.buyer.email,
        input.shipTo.name,
        ...input.items.map((i) => i.name),
      ]
        .join("\n")
        .toLowerCase(),
    });
    await tx.insert(orderItems).values(
      input.items.map((item, index) => ({
        id: ctx.newId(),
        orderId,
        accountId,
        lineNo: index + 1,
        mallItemCode: item.mallItemCode,
        mallSkuCode: item.mallSkuCode ?? "",
        name: item.name,
        unitPrice: item.unitPrice,
        quantity: item.quantity,
      })),
    );
    await tx
      .insert(shipments)
      .values({ id: ctx.newId(), orderId, accountId, warehouseId, status: "allocating" });

    const loaded = await loadOrder(tx, accountId, orderId, { lock: true });
    if (!loaded) throw new Error("order vanished inside its own transaction");
    const registered = await saveDecision(
      tx,
      loaded,
      {
        order: loaded.snapshot,
        events: [
          {
            type: "registered",
            to: "new",
            message: `${source === "csv" ? "CSV取込" : "手動登録"}で受注しました(${input.items.length}明細、合計${subtotal + shippingFee}円)`,
          },
        ],
      },
      meta,
    );
    if (graceUntil > now) {
      await ctx.jobs.enqueue(
        tx,
        "order-grace-over",
        { orderId },
        { startAfter: graceUntil, singletonKey: orderId },
      );
    } else {
      await progressOrder(tx, ctx, registered, meta);
    }
    return orderId;
  });
}

function sqlLock(shopId: string, mallOrderNumber: string) {
  return sql`select pg_advisory_xact_lock(hashtextextended(${`${shopId}:${mallOrderNumber}`}, 0))`;
}

async function firstWarehouse(tx: Db, accountId: string): Promise<string> {
  const [w] = await tx
    .select({ id: warehouses.id })
    .from(warehouses)
    .where(eq(warehouses.accountId, accountId))
    .orderBy(warehouses.createdAt)
    .limit(1);
  if (!w) throw new Error(`account ${accountId} has no warehouse`);
  return w.id;
}

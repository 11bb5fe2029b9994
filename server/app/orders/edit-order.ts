import { and, eq, inArray, max, ne, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { type LoadedOrder, loadOrder } from "#server/db/orders/order-queries.ts";
import { orderItems, orders, shipments, shops } from "#server/db/schema.ts";
import { move, type OrderEvent, withShipments } from "#server/domain/order.ts";
import { type EditPlan, editMessage, type OrderEdit, planOrderEdit } from "#server/domain/order-edit.ts";
import {
  type MallReflection,
  type MallValues,
  mallReflectionOf,
  mallValuesAfterEdit,
} from "#server/domain/order-edit-mall.ts";
import { detachTag } from "#server/domain/order-tagging.ts";
import { isPaymentSatisfied } from "#server/domain/payment.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { type Actor, type AppContext, actorLabel } from "../context.ts";
import { releaseShipments } from "../stock/stock-allocation.ts";
import { OrderBatch } from "./order-batch.ts";
import { shipToCheck } from "./order-holds.ts";
import { storedSearchColumns } from "./order-search-columns.ts";
import { allocateMany, progressOrders } from "./progress-order.ts";

type Meta = { actor: string; now: Date };

/**
 * 受注修正 before the warehouse request: the domain decides what changes, then in one transaction the
 * order and its lines are written, the stock its parcels hold is given back and taken again for the
 * new lines (through the same allocation every order uses), the holds that follow its data are set
 * again, and it moves on as far as it can. Answers whether the mall was told.
 */
export async function editOrder(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  orderId: string,
  edit: OrderEdit,
): Promise<{ mall: MallReflection }> {
  const meta = { actor: actorLabel(actor), now: ctx.clock.now() };
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadOrder(tx, accountId, orderId, { lock: true });
    if (!loaded) throw notFound("order", "注文");
    const plan = planOrderEdit(editableOf(loaded), edit);
    if (plan instanceof Refusal) throw plan;
    const mall = await mallReflection(tx, ctx, loaded);
    if (plan.changes.length === 0) return { mall };
    await writePlan(tx, ctx, loaded, plan, meta, mall);
    let current = await reloaded(tx, loaded);
    const batch = new OrderBatch(tx, ctx, meta);
    batch.writes.setOrderColumns(current.row.id, storedSearchColumns(current));
    batch.writes.recordEvents(
      current.row,
      [
        {
          type: "order_edited",
          message: editMessage(plan, mall),
          detail: { changes: plan.changes, mall },
        },
      ],
      meta,
    );
    current = backToConfirmed(batch, current, plan);
    if (plan.reallocate) current = await reallocate(batch, current);
    current = amountHold(batch, current);
    if (plan.set.shipTo) current = await shipToCheck(batch, current);
    await progressOrders(batch, [current]);
    await batch.flush();
    return { mall };
  });
}

function editableOf(loaded: LoadedOrder) {
  const { row } = loaded;
  return {
    ...row,
    status: loaded.snapshot.status,
    items: loaded.items,
    shipments: loaded.shipments.map((s, i) => ({
      ...s,
      status: loaded.snapshot.shipments[i]?.status ?? "cancelled",
    })),
  };
}

async function mallReflection(tx: Db, ctx: AppContext, loaded: LoadedOrder): Promise<MallReflection> {
  const [shop] = await tx
    .select({ channel: shops.channel })
    .from(shops)
    .where(eq(shops.id, loaded.row.shopId));
  return mallReflectionOf(loaded.row.source, ctx.channels.get(shop?.channel ?? "")?.capabilities.updateOrder);
}

async function writePlan(
  tx: Db,
  ctx: AppContext,
  loaded: LoadedOrder,
  plan: EditPlan,
  meta: Meta,
  mall: MallReflection,
) {
  const { row } = loaded;
  const kept = row.mallValues as MallValues | null;
  await tx
    .update(orders)
    .set({
      ...plan.set,
      ...(plan.couponDelta !== 0
        ? { shopCouponDiscount: sql`${orders.shopCouponDiscount} + ${plan.couponDelta}` }
        : {}),
      ...(mall === "not_told" ? { mallValues: mallValuesAfterEdit(editableOf(loaded), plan, kept) } : {}),
      version: sql`${orders.version} + 1`,
      updatedAt: meta.now,
    })
    .where(eq(orders.id, row.id));
  for (const u of plan.items.update) {
    await tx.update(orderItems).set({ quantity: u.quantity }).where(eq(orderItems.id, u.id));
  }
  if (plan.items.remove.length > 0) {
    await tx.delete(orderItems).where(inArray(orderItems.id, plan.items.remove));
  }
  if (plan.items.add.length > 0) {
    const [last] = await tx
      .select({ lineNo: max(orderItems.lineNo) })
      .from(orderItems)
      .where(eq(orderItems.orderId, row.id));
    // A new line goes in the order's first live parcel: an order with several 送付先 names none.
    const shipmentId = loaded.shipments.find((s) => s.status !== "cancelled")?.id ?? null;
    await tx.insert(orderItems).values(
      plan.items.add.map((l, i) => ({
        id: ctx.newId(),
        orderId: row.id,
        accountId: row.accountId,
        lineNo: (last?.lineNo ?? 0) + i + 1,
        shipmentId,
        mallItemCode: l.mallItemCode,
        mallSkuCode: l.mallSkuCode,
        name: l.name,
        unitPrice: l.unitPrice,
        quantity: l.quantity,
      })),
    );
  }
  if (plan.shippingService !== undefined) {
    await tx
      .update(shipments)
      .set({ shippingService: plan.shippingService, updatedAt: meta.now })
      .where(and(eq(shipments.orderId, row.id), ne(shipments.status, "cancelled")));
  }
}

async function reloaded(tx: Db, loaded: LoadedOrder): Promise<LoadedOrder> {
  const again = await loadOrder(tx, loaded.row.accountId, loaded.row.id, { lock: true });
  if (!again) throw new Error(`order ${loaded.row.id} vanished while edited`);
  return again;
}

/**
 * 出荷待ち was decided on the old lines and payment: new lines must be allocated again, and a prepaid
 * method not yet paid must wait for the money, so the order goes back to 確認済 and moves on again.
 */
function backToConfirmed(batch: OrderBatch, order: LoadedOrder, plan: EditPlan): LoadedOrder {
  if (order.snapshot.status !== "awaiting_shipment") return order;
  const unpaid = !isPaymentSatisfied(order.row.paymentMethod, order.row.paidAt);
  if (!plan.reallocate && !unpaid) return order;
  const back = withShipments(order.snapshot, (s) =>
    s.status === "awaiting_shipment" ? "allocated" : s.status,
  );
  const why = plan.reallocate ? "受注内容の変更で在庫を引き当て直します" : "支払方法の変更で入金を待ちます";
  return batch.writes.recordDecision(order, move(back, "confirmed", why), batch.meta);
}

/**
 * The stock the parcels held is given back, then taken again for the lines as they now stand — the
 * order keeps its place (its order date) among those waiting. What it no longer needs goes to them.
 */
async function reallocate(batch: OrderBatch, order: LoadedOrder): Promise<LoadedOrder> {
  if (order.snapshot.status !== "confirmed" || order.row.testImport) return order;
  await batch.flush();
  const held = order.shipments.filter((s) => s.status === "allocating" || s.status === "allocated");
  const released = await releaseShipments(
    batch.tx,
    held.map((s) => ({ order: order.row, shipmentId: s.id })),
    batch.meta,
  );
  for (const s of held) {
    const productIds = released.get(s.id) ?? [];
    if (productIds.length > 0) {
      batch.writes.enqueue("allocate-waiting-orders", {
        data: { accountId: order.row.accountId, warehouseId: s.warehouseId, productIds },
      });
    }
  }
  const [done] = await allocateMany(batch, [order]);
  return done ?? order;
}

/**
 * 金額未確定 of an order Juchu keeps itself goes once a person fixes the bill; a mall's order keeps it
 * until the mall fixes its own (the import clears it), since the mall bills the buyer.
 */
function amountHold(batch: OrderBatch, order: LoadedOrder): LoadedOrder {
  const tag = order.snapshot.tags.find((t) => t.systemCode === "amount_undetermined");
  if (!tag || order.row.total === null || order.row.source === "import") return order;
  const detached = detachTag(order.snapshot, tag.tagId, false);
  if (detached instanceof Refusal) return order;
  const events: OrderEvent[] = detached.events.map((e) => ({
    ...e,
    message: `${e.message}(請求金額が確定)`,
  }));
  return batch.writes.recordDecision(order, { ...detached, events }, batch.meta);
}

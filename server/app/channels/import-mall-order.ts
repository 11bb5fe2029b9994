import { and, eq } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { appendEvents, type LoadedOrder, loadOrder, saveDecision } from "#server/db/orders/order-queries.ts";
import { orders, type shops } from "#server/db/schema.ts";
import { shopSettings, systemTag } from "#server/db/shops/shop-reads.ts";
import { sameAddress, shipToOf } from "#server/domain/address.ts";
import { mallOrderChanges } from "#server/domain/mall-order-changes.ts";
import { importDecision } from "#server/domain/mall-order-number.ts";
import { cancelAtMall, recordPayment } from "#server/domain/order.ts";
import { type MallValues, mallValuesAfterImport } from "#server/domain/order-edit-mall.ts";
import type { OrderStatus } from "#server/domain/order-status.ts";
import { attachTag, detachTag } from "#server/domain/order-tagging.ts";
import { Refusal } from "#server/domain/refusal.ts";
import type { SystemTagCode } from "#server/domain/system-tags.ts";
import type { MallOrder } from "#server/ports/mall.ts";
import type { AppContext } from "../context.ts";
import { releaseCancelledShipments } from "../orders/cancel-order.ts";
import {
  insertOrder,
  lockOrderNumber,
  mallDetailColumns,
  type OrderToInsert,
} from "../orders/insert-order.ts";
import { followShipToCheck, followStockShortage } from "../orders/order-holds.ts";
import { progressOrder } from "../orders/progress-order.ts";
import { updateShipmentsFromMall } from "./mall-package-details.ts";

const BEFORE_THE_WAREHOUSE: readonly OrderStatus[] = [
  "awaiting_confirmation",
  "confirmed",
  "awaiting_shipment",
];

export type ImportOutcome = "created" | "updated" | "unchanged" | "skipped";

type Meta = { actor: string; now: Date };
type Shop = typeof shops.$inferSelect;

/**
 * One order as the mall has it now, into Juchu: created the first time it is seen, updated after —
 * idempotent, so the overlapping windows that see it again and again change nothing. The SPEC.md §5
 * number rules decide: a cancelled or deleted order's number is never imported again.
 */
export async function importMallOrder(
  tx: Db,
  ctx: AppContext,
  shop: Shop,
  mall: MallOrder,
  options: { testImport: boolean; meta: Meta },
): Promise<ImportOutcome> {
  await lockOrderNumber(tx, shop.id, mall.mallOrderNumber);
  const existing = await tx
    .select({
      id: orders.id,
      status: orders.status,
      deletedAt: orders.deletedAt,
      testProcessedAt: orders.testProcessedAt,
    })
    .from(orders)
    .where(and(eq(orders.shopId, shop.id), eq(orders.mallOrderNumber, mall.mallOrderNumber)));
  const decision = importDecision(existing.map((o) => ({ ...o, status: o.status as OrderStatus })));
  if (decision.action === "skip") return "skipped";
  if (decision.action === "update") {
    // A processed test order was handled before sync started: the mall's later changes are not ours.
    if (existing.find((o) => o.id === decision.orderId)?.testProcessedAt) return "skipped";
    return updateFromMall(tx, ctx, shop.accountId, decision.orderId, mall, options.meta);
  }
  // Cancelled before Juchu ever saw it: nothing to ship, nothing to take back.
  if (mall.mallStatus.cancelled) return "skipped";
  const { input, registeredMessage } = newOrderOf(ctx, shop, mall, options);
  const created = await insertOrder(tx, ctx, shop, input, registeredMessage, options.meta);
  // A batch import of the same order won the number meanwhile (it had committed): this read updates it.
  return created ? "created" : importMallOrder(tx, ctx, shop, mall, options);
}

/** A mall's order as Juchu's new order, with the first line of its timeline. */
export function newOrderOf(
  ctx: AppContext,
  shop: Shop,
  mall: MallOrder,
  options: { testImport: boolean; meta: Meta },
): OrderToInsert {
  const [first] = mall.packages;
  if (!first) throw new Error(`mall order ${mall.mallOrderNumber} has no package`);
  const shipTo = shipToOf(first.shipTo);
  const lines = mall.packages.flatMap((p) => p.items);
  const channel = ctx.channels.get(shop.channel)?.label ?? shop.channel;
  const billed = mall.billedTotal === null ? "請求額未確定" : `請求額${mall.billedTotal}円`;
  return {
    input: {
      source: "import",
      mallOrderNumber: mall.mallOrderNumber,
      orderedAt: mall.orderedAt,
      buyer: { name: mall.buyer.name, email: mall.buyer.email, phone: mall.buyer.phone },
      shipTo,
      paymentMethod: mall.paymentMethod,
      paidAt: mall.paid ? options.meta.now : null,
      subtotal: mall.subtotal,
      shippingFee: mall.shippingFee,
      fees: mall.fees,
      couponDiscount: mall.couponDiscount,
      pointsUsed: mall.pointsUsed,
      total: mall.billedTotal,
      remarks: mall.remarks || null,
      desiredDeliveryDate: mall.desiredDeliveryDate,
      desiredTimeSlot: mall.desiredTimeSlot,
      mall: {
        status: mall.mallStatus.code,
        statusLabel: mall.mallStatus.label,
        paymentLabel: mall.paymentMethodLabel,
        checkedAt: options.meta.now,
      },
      testImport: options.testImport,
      mallDetails: mall,
      shipments: mall.packages.map((p) => {
        const own = shipToOf(p.shipTo);
        return {
          mallPackageId: p.mallPackageId,
          ...(sameAddress(own, shipTo) ? {} : { shipTo: own }),
          details: p,
          items: p.items,
        };
      }),
    },
    registeredMessage: `${options.testImport ? "[テスト取込] " : ""}${channel}から取り込みました(${lines.length}明細、${billed}、送付先${mall.packages.length}件)${warned(mall)}`,
  };
}

/** The mall's warnings on the order, kept on its timeline: the read succeeded, but a person may want to know. */
const warned = (mall: MallOrder) =>
  mall.mallWarnings?.length ? `\nモールからの警告: ${mall.mallWarnings.join(" / ")}` : "";

async function updateFromMall(
  tx: Db,
  ctx: AppContext,
  accountId: string,
  orderId: string,
  mall: MallOrder,
  meta: Meta,
): Promise<ImportOutcome> {
  const loaded = await loadOrder(tx, accountId, orderId, { lock: true });
  if (!loaded) throw new Error(`order ${orderId} vanished under its lock`);
  // What a person edited without the mall being told is compared by the mall's own values (受注修正).
  const kept = loaded.row.mallValues as MallValues | null;
  const changes = mallOrderChanges({ ...loaded.row, items: loaded.items, ...kept }, mall);
  await tx
    .update(orders)
    .set({
      ...changes.set,
      ...(kept ? { mallValues: mallValuesAfterImport(kept, changes) } : {}),
      // Details that follow the amounts and the mall's screen; what changed is said by `changes`.
      ...mallDetailColumns(mall),
      mallCheckedAt: meta.now,
      ...(changes.described.length ? { updatedAt: meta.now } : {}),
    })
    .where(eq(orders.id, orderId));
  const addressArrived = await updateShipmentsFromMall(tx, loaded, mall);
  const paidNow = mall.paid && loaded.row.paidAt === null && loaded.row.status !== "cancelled";
  // A grace period that ended while the mall could not be read: this read lets the order move on.
  const graceOver = loaded.snapshot.status === "new" && loaded.snapshot.graceUntil <= meta.now;
  if (
    changes.described.length === 0 &&
    !mall.mallStatus.cancelled &&
    !paidNow &&
    !addressArrived &&
    !graceOver
  ) {
    return "unchanged";
  }

  let current = (await loadOrder(tx, accountId, orderId, { lock: true })) as LoadedOrder;
  if (changes.described.length > 0) {
    await appendEvents(
      tx,
      current.row,
      [
        {
          type: "mall_changed",
          message: `モールの変更を取り込みました: ${changes.described.join(" / ")}`,
          detail: changes.set,
        },
      ],
      meta,
    );
  }
  if (mall.mallStatus.cancelled && current.snapshot.status !== "cancelled") {
    const cancelled = cancelAtMall(current.snapshot);
    if (!(cancelled instanceof Refusal)) {
      const saved = await followStockShortage(tx, await saveDecision(tx, current, cancelled, meta), meta);
      await releaseCancelledShipments(tx, ctx, saved, await shopSettings(tx, saved.row.shopId), meta);
      return "updated";
    }
    const tagged = await attachSystemTag(tx, current, "mall_cancelled", meta, cancelled.detail);
    // Seen for the first time (the tag is new): ask the warehouse to stop what it is working on.
    if (tagged !== current && cancelled.rule === "shipment_in_progress") {
      for (const s of tagged.shipments.filter((s) => s.status === "shipping")) {
        await ctx.jobs.enqueue(
          tx,
          "mall-cancel-withdraw",
          { accountId, orderId, shipmentId: s.id },
          { singletonKey: s.id },
        );
      }
    }
    return "updated";
  }
  if (changes.itemsChanged) current = await attachSystemTag(tx, current, "mall_order_changed", meta);
  if (paidNow) {
    const paid = recordPayment(current.snapshot, { paidAt: meta.now, amount: undefined });
    if (!(paid instanceof Refusal)) current = await saveDecision(tx, current, paid, meta);
  }
  const undetermined = current.snapshot.tags.find((t) => t.systemCode === "amount_undetermined");
  if (undetermined && current.snapshot.total !== null) {
    const detached = detachTag(current.snapshot, undetermined.tagId, false);
    if (!(detached instanceof Refusal)) current = await saveDecision(tx, current, detached, meta);
  }
  const giftPending = current.snapshot.tags.find((t) => t.systemCode === "gift_address_pending");
  if (giftPending && !mall.packages.some((p) => p.addressPending)) {
    const detached = detachTag(current.snapshot, giftPending.tagId, false);
    if (!(detached instanceof Refusal)) current = await saveDecision(tx, current, detached, meta);
  }
  // A ship-to the mall changed, or a gift's address that arrived, is checked as one read at 確認待 was —
  // a fix takes 住所エラー off, a new problem puts it on — while the order is Juchu's to hold: 新規受付
  // gets its check at 確認待, and a warehouse that has the parcel is not stopped by a tag.
  if (
    (changes.set.shipTo !== undefined || addressArrived) &&
    BEFORE_THE_WAREHOUSE.includes(current.snapshot.status)
  )
    current = await followShipToCheck(tx, current, meta);
  await progressOrder(tx, ctx, current, meta);
  return "updated";
}

async function attachSystemTag(
  tx: Db,
  order: LoadedOrder,
  code: SystemTagCode,
  meta: Meta,
  why?: string,
): Promise<LoadedOrder> {
  const tag = await systemTag(tx, order.row.accountId, code);
  const decision = attachTag(order.snapshot, tag, "system");
  if (decision instanceof Refusal) return order;
  if (why) decision.events.push({ type: "mall_cancel_needs_person", message: why });
  return saveDecision(tx, order, decision, meta);
}

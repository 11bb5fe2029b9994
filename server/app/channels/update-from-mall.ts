import { type LoadedOrder, loadOrders } from "#server/db/orders/order-queries.ts";
import { mallOrderChanges } from "#server/domain/mall-order-changes.ts";
import { cancelAtMall, recordPayment } from "#server/domain/order.ts";
import { type MallValues, mallValuesAfterImport } from "#server/domain/order-edit-mall.ts";
import type { OrderStatus } from "#server/domain/order-status.ts";
import { attachTag, detachTag } from "#server/domain/order-tagging.ts";
import { Refusal } from "#server/domain/refusal.ts";
import type { ShopSettings } from "#server/domain/shop-settings.ts";
import type { SystemTagCode } from "#server/domain/system-tags.ts";
import {
  describeUnknownValues,
  sameUnknownValues,
  type UnknownMallValue,
} from "#server/domain/unknown-mall-values.ts";
import type { MallOrder } from "#server/ports/mall.ts";
import type { AppContext } from "../context.ts";
import { releaseCancelledShipments } from "../orders/cancel-order.ts";
import { mallDetailColumns } from "../orders/mall-detail-columns.ts";
import type { OrderBatch } from "../orders/order-batch.ts";
import { billedTotalCheck, followUnknownValues, shipToCheck, stockShortage } from "../orders/order-holds.ts";
import { mallSearchColumns } from "../orders/order-search-columns.ts";
import { progressOrders } from "../orders/progress-order.ts";
import type { ImportOutcome } from "./import-mall-order.ts";
import { shipmentsFromMall, withShipmentUpdates } from "./mall-package-details.ts";

const BEFORE_THE_WAREHOUSE: readonly OrderStatus[] = [
  "awaiting_confirmation",
  "confirmed",
  "awaiting_shipment",
];

/** A stored order (each at most once) and what the mall says of it now. */
export type MallUpdate = { orderId: string; mall: MallOrder };

type Decided = { outcome: ImportOutcome; order: LoadedOrder; next: "progress" | "release" | "stay" };

/**
 * Stored orders brought up to what the mall says now (changes, payment, a mall-side cancel, a ship-to
 * or gift address): loaded together and locked in id order, each decided in memory, recorded into the
 * batch — the caller flushes — then those that can move on moved together. Answers an outcome per update.
 */
export async function updateFromMall(
  batch: OrderBatch,
  ctx: AppContext,
  updates: readonly MallUpdate[],
): Promise<ImportOutcome[]> {
  if (updates.length === 0) return [];
  const loaded = new Map(
    (
      await loadOrders(
        batch.tx,
        updates.map((u) => u.orderId),
      )
    ).map((o) => [o.row.id, o]),
  );
  const decided: Decided[] = [];
  for (const { orderId, mall } of updates) {
    const order = loaded.get(orderId);
    if (!order) throw new Error(`order ${orderId} vanished under its lock`);
    decided.push(await decide(batch, order, mall));
  }
  const cancelled = decided.flatMap((d) => (d.next === "release" ? [d.order] : []));
  const released: { order: LoadedOrder; settings: ShopSettings }[] = [];
  for (const order of cancelled) released.push({ order, settings: await batch.settings(order.row.shopId) });
  await releaseCancelledShipments(batch.tx, ctx, released, batch.meta);
  const moving = decided.flatMap((d) => (d.next === "progress" ? [d.order] : []));
  await batch.prefetchFacts(moving, false);
  await progressOrders(batch, moving);
  return decided.map((d) => d.outcome);
}

async function decide(batch: OrderBatch, order: LoadedOrder, mall: MallOrder): Promise<Decided> {
  const { meta } = batch;
  // What a person edited without the mall being told is compared by the mall's own values (受注修正).
  const kept = order.row.mallValues as MallValues | null;
  const changes = mallOrderChanges({ ...order.row, items: order.items, ...kept }, mall);
  const { updates, addressArrived } = shipmentsFromMall(order, mall);
  // A 決済方法 the shop has since mapped in its master: the order takes the method it now reads as.
  const paymentMapped =
    ((order.row.unknownMallValues ?? []) as UnknownMallValue[]).some((v) => v.kind === "payment_method") &&
    !(mall.unknownValues ?? []).some((v) => v.kind === "payment_method");
  const row = {
    ...order.row,
    ...changes.set,
    ...(paymentMapped
      ? { paymentMethod: mall.paymentMethod, mallPaymentLabel: mall.paymentMethodLabel }
      : {}),
  };
  // Every column the mall's order sets, whole, so a batch's orders share one statement (two with updatedAt).
  batch.writes.setOrderColumns(order.row.id, {
    mallStatus: row.mallStatus,
    mallStatusLabel: row.mallStatusLabel,
    paymentMethod: row.paymentMethod,
    mallPaymentLabel: row.mallPaymentLabel,
    shippingFee: row.shippingFee,
    fees: row.fees,
    couponDiscount: row.couponDiscount,
    pointsUsed: row.pointsUsed,
    total: row.total,
    remarks: row.remarks,
    shipTo: row.shipTo,
    mallValues: mallValuesAfterImport(kept, changes),
    // Details that follow the amounts and the mall's screen; what changed is said by `changes`.
    ...mallDetailColumns(mall),
    ...mallSearchColumns(mall),
    mallCheckedAt: meta.now,
    ...(changes.described.length ? { updatedAt: meta.now } : {}),
  });
  for (const u of updates) batch.writes.setShipmentColumns(u.id, u.set);
  const paidNow = mall.paid && order.row.paidAt === null && order.row.status !== "cancelled";
  // A grace period that ended while the mall could not be read: this read lets the order move on.
  const graceOver = order.snapshot.status === "new" && order.snapshot.graceUntil <= meta.now;
  const unknownBefore = (order.row.unknownMallValues ?? []) as UnknownMallValue[];
  const unknownChanged = !sameUnknownValues(unknownBefore, mall.unknownValues ?? []);
  if (
    !unknownChanged &&
    changes.described.length === 0 &&
    !mall.mallStatus.cancelled &&
    !paidNow &&
    !addressArrived &&
    !graceOver
  ) {
    return { outcome: "unchanged", order, next: "stay" };
  }

  let current: LoadedOrder = {
    ...order,
    row: { ...row, ...mallDetailColumns(mall) },
    shipments: withShipmentUpdates(order.shipments, updates),
    snapshot: { ...order.snapshot, total: row.total, paymentMethod: row.paymentMethod },
  };
  if (changes.described.length > 0) {
    batch.writes.recordEvents(
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
      const saved = await stockShortage(batch, batch.writes.recordDecision(current, cancelled, meta));
      return { outcome: "updated", order: saved, next: "release" };
    }
    const tagged = await attachSystemTag(batch, current, "mall_cancelled", cancelled.detail);
    // Seen for the first time (the tag is new): ask the warehouse to stop what it is working on.
    if (tagged !== current && cancelled.rule === "shipment_in_progress") {
      for (const s of tagged.shipments.filter((s) => s.status === "shipping")) {
        batch.writes.enqueue("mall-cancel-withdraw", {
          data: { accountId: order.row.accountId, orderId: order.row.id, shipmentId: s.id },
          singletonKey: s.id,
        });
      }
    }
    return { outcome: "updated", order: tagged, next: "stay" };
  }
  if (changes.itemsChanged) current = await attachSystemTag(batch, current, "mall_order_changed");
  if (paidNow) {
    const paid = recordPayment(current.snapshot, { paidAt: meta.now, amount: undefined });
    if (!(paid instanceof Refusal)) current = batch.writes.recordDecision(current, paid, meta);
  }
  const undetermined = current.snapshot.tags.find((t) => t.systemCode === "amount_undetermined");
  if (undetermined && current.snapshot.total !== null) {
    const detached = detachTag(current.snapshot, undetermined.tagId, false);
    if (!(detached instanceof Refusal)) current = batch.writes.recordDecision(current, detached, meta);
  }
  if (unknownChanged) {
    const now = mall.unknownValues ?? [];
    batch.writes.recordEvents(
      current.row,
      [
        {
          type: "mall_unknown_values",
          message: now.length
            ? `未登録のモール値: ${describeUnknownValues(now)}`
            : `未登録のモール値はなくなりました(${describeUnknownValues(unknownBefore)})`,
          detail: { unknownValues: now },
        },
      ],
      meta,
    );
    current = await followUnknownValues(batch, current);
  }
  const giftPending = current.snapshot.tags.find((t) => t.systemCode === "gift_address_pending");
  if (giftPending && !mall.packages.some((p) => p.addressPending)) {
    const detached = detachTag(current.snapshot, giftPending.tagId, false);
    if (!(detached instanceof Refusal)) current = batch.writes.recordDecision(current, detached, meta);
  }
  // A ship-to the mall changed, or a gift's address that arrived, is checked as one read at 確認待 was —
  // a fix takes 住所エラー off, a new problem puts it on — while the order is Juchu's to hold: 新規受付
  // gets its check at 確認待, and a warehouse that has the parcel is not stopped by a tag.
  if (
    (changes.set.shipTo !== undefined || addressArrived) &&
    BEFORE_THE_WAREHOUSE.includes(current.snapshot.status)
  )
    current = await shipToCheck(batch, current);
  // The mall's new amounts may now bill the options' surcharges (or stop agreeing): checked again
  // while the order is Juchu's to hold, like the ship-to.
  if (BEFORE_THE_WAREHOUSE.includes(current.snapshot.status))
    current = await billedTotalCheck(batch, current);
  return { outcome: "updated", order: current, next: "progress" };
}

async function attachSystemTag(
  batch: OrderBatch,
  order: LoadedOrder,
  code: SystemTagCode,
  why?: string,
): Promise<LoadedOrder> {
  const decision = attachTag(order.snapshot, await batch.systemTag(order.row.accountId, code), "system");
  if (decision instanceof Refusal) return order;
  if (why) decision.events.push({ type: "mall_cancel_needs_person", message: why });
  return batch.writes.recordDecision(order, decision, batch.meta);
}

import type { Db } from "#server/db/database.ts";
import { type LoadedOrder, loadOrders } from "#server/db/orders/order-queries.ts";
import { nextAutomaticStep, type OrderEvent, setShipmentAllocated } from "#server/domain/order.ts";
import { mallSyncActive } from "#server/domain/shop-settings.ts";
import type { AppContext } from "../context.ts";
import { allocateOrders } from "../stock/stock-allocation.ts";
import { OrderBatch } from "./order-batch.ts";
import { applyTagRules, stockShortage } from "./order-holds.ts";

type Meta = { actor: string; now: Date };

/**
 * Lets the order move on by itself as far as it can right now (SPEC.md §2): out of the grace
 * period, through 確認待 when nothing holds it, to 出荷待ち once paid and allocated. Each entry runs
 * what the status asks for, in the caller's transaction: a batch of one, written when it is done.
 */
export async function progressOrder(
  tx: Db,
  ctx: AppContext,
  loaded: LoadedOrder,
  meta: Meta,
): Promise<LoadedOrder> {
  const batch = new OrderBatch(tx, ctx, meta);
  const [done] = await progressOrders(batch, [loaded]);
  await batch.flush();
  return done ?? loaded;
}

/**
 * Moves many orders on as far as each can (the grace period sweep, a batch of imports): loaded
 * together, locked in id order, in the caller's transaction. Orders deleted meanwhile are left alone.
 */
export async function progressOrderIds(
  tx: Db,
  ctx: AppContext,
  orderIds: readonly string[],
  meta: Meta,
): Promise<LoadedOrder[]> {
  const batch = new OrderBatch(tx, ctx, meta);
  const live = (await loadOrders(tx, orderIds)).filter((o) => !o.snapshot.deletedAt);
  await batch.prefetchFacts(live, false);
  const done = await progressOrders(batch, live);
  await batch.flush();
  return done;
}

type Walk = { current: LoadedOrder; fromNew: boolean };

/**
 * progressOrder for many orders, recorded into the batch (the caller flushes). Each order walks its
 * steps in memory; those that reach 確認済 wait for the others, then all are allocated together
 * against stock read once, and walk on.
 */
export async function progressOrders(
  batch: OrderBatch,
  loaded: readonly LoadedOrder[],
): Promise<LoadedOrder[]> {
  const walks: Walk[] = loaded.map((o) => ({ current: o, fromNew: o.row.status === "new" }));
  let walking = walks;
  // Each step moves strictly forward through a finite table, so a handful of rounds always suffices.
  for (let round = 0; round < 4 && walking.length > 0; round++) {
    const toAllocate: Walk[] = [];
    for (const w of walking) if (await walk(batch, w)) toAllocate.push(w);
    if (toAllocate.length === 0) break;
    const allocated = await allocateMany(
      batch,
      toAllocate.map((w) => w.current),
    );
    toAllocate.forEach((w, i) => {
      w.current = allocated[i] ?? w.current;
    });
    walking = toAllocate;
  }
  return walks.map((w) => w.current);
}

/** Walks one order's automatic steps; true when it stopped at 確認済 to be allocated. */
async function walk(batch: OrderBatch, w: Walk): Promise<boolean> {
  for (let round = 0; round < 8; round++) {
    const step = nextAutomaticStep(w.current.snapshot, batch.meta.now);
    if (!step) return false;
    w.current = batch.writes.recordDecision(w.current, step, batch.meta);
    const entered = step.events.find((e) => e.type === "status_changed");
    if (entered?.from === "new" && entered.to === "awaiting_confirmation") {
      // A channel that refuses 注文確認 while the bill is undetermined (confirm.needsFixedTotal) is told
      // at 確認済 instead, once it has fixed the amount and the 金額未確定 hold is gone.
      await confirmAtMall(batch, w.current, true);
      w.current = await applyTagRules(batch, w.current);
    } else if (entered?.to === "confirmed") {
      // Not when this same pass came from 新規受付: it has just queued the 注文確認 at 確認待.
      if (!w.fromNew) await confirmAtMall(batch, w.current);
      if (!w.current.row.testImport) return true;
      testImportHoldsNoStock(batch, w.current);
    } else if (entered?.to === "awaiting_shipment") {
      await scheduleShipmentRequests(batch, w.current);
    }
  }
  return false;
}

/**
 * Allocates the orders together, each shipment fully or in part, and follows 在庫不足 — in memory:
 * the stock rows read FOR UPDATE are the batch's last read, and each order is written once, in the
 * state it ends in (a new order inserted 出荷待ち, not inserted and then updated step by step).
 */
export async function allocateMany(
  batch: OrderBatch,
  orders: readonly LoadedOrder[],
): Promise<LoadedOrder[]> {
  const outcomes = await allocateOrders(batch, orders);
  const done: LoadedOrder[] = [];
  for (const [index, order] of orders.entries()) {
    let current = order;
    for (const [shipmentId, full] of outcomes[index] ?? []) {
      const decision = setShipmentAllocated(current.snapshot, shipmentId, full);
      const events: OrderEvent[] = full
        ? decision.events
        : [
            {
              type: "allocation_short",
              message: "在庫が不足しているため一部のみ引当てました。入荷後に自動で引当てます。",
              detail: { shipmentId },
            },
          ];
      current = batch.writes.recordDecision(current, { ...decision, events }, batch.meta);
    }
    done.push(await stockShortage(batch, current));
  }
  return done;
}

/** テスト取込 (SPEC.md §6): the order stops at 確認済 without taking stock, so processing it changes nothing. */
function testImportHoldsNoStock(batch: OrderBatch, order: LoadedOrder): void {
  batch.writes.recordEvents(
    order.row,
    [
      {
        type: "test_import_no_allocation",
        message: "テスト取込の注文のため、在庫の引当と倉庫への出荷依頼はしません",
      },
    ],
    batch.meta,
  );
}

/** 注文確認: the order passed 新規受付, so the mall hears the merchant has taken it on (受注連動 only). */
async function confirmAtMall(batch: OrderBatch, order: LoadedOrder, leavingNew = false): Promise<void> {
  if (order.row.source !== "import" || order.row.mallConfirmedAt) return;
  const shop = await batch.shop(order.row.shopId);
  const confirm = batch.channels?.get(shop.channel)?.capabilities.confirm;
  if (!confirm?.required) return;
  if (leavingNew && confirm.needsFixedTotal && order.snapshot.total === null) return;
  if (!mallSyncActive(shop.settings, batch.meta.now, order.row)) return;
  batch.writes.enqueue("mall-confirm-order", { data: { orderId: order.row.id }, singletonKey: order.row.id });
}

async function scheduleShipmentRequests(batch: OrderBatch, order: LoadedOrder): Promise<void> {
  const { now } = batch.meta;
  if (order.row.testImport) {
    batch.writes.recordEvents(
      order.row,
      [{ type: "test_import_no_request", message: "テスト取込の注文のため、倉庫へは出荷依頼しません" }],
      batch.meta,
    );
    return;
  }
  const settings = await batch.settings(order.row.shopId);
  const due = new Date(now.getTime() + settings.shipmentRequestDelayMinutes * 60_000);
  for (const s of order.shipments) {
    if (s.status !== "awaiting_shipment") continue;
    batch.writes.changeShipment(s.id, { requestDueAt: due });
    batch.writes.enqueue("shipment-request", {
      data: { shipmentId: s.id },
      startAfter: due,
      singletonKey: s.id,
    });
  }
}

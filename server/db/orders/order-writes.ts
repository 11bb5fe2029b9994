import { sql } from "drizzle-orm";
import type { AttachedTag, Decision } from "#server/domain/order.ts";
import type { JobName, JobQueue, JobToEnqueue } from "#server/jobs/queue.ts";
import type { Db } from "../database.ts";
import {
  allocations,
  orderEvents,
  orderItems,
  orders,
  orderTags,
  shipments,
  stockMovements,
} from "../schema.ts";
import {
  addAllocated,
  detachTags,
  type OrderChange,
  type ShipmentChange,
  updateOrderStates,
  updateShipmentStates,
} from "./batch-statements.ts";
import { insertJsonRows, updateJsonRows } from "./json-rows.ts";
import type { LoadedOrder } from "./order-queries.ts";

type Meta = { actor: string; now: Date };
type StockKey = { productId: string; warehouseId: string };
type OrderColumns = Partial<typeof orders.$inferInsert> & { id: string };
type ShipmentColumns = Partial<typeof shipments.$inferInsert> & { id: string };

/**
 * The orders' side of one transaction, collected in memory and written by `flush` with a handful of
 * statements whatever the number of orders: new orders with their lines and shipments, each order's
 * and shipment's final state (one UPDATE per table, however many steps it went through), tags,
 * timeline events, allocations with their stock and 在庫履歴, and the jobs that follow. Stock rows
 * are written last, so their locks are held for the shortest time.
 */
export class OrderWrites {
  /** Not written yet, by id: a decision on one changes the row to insert, not a later UPDATE. */
  private newOrders = new Map<string, typeof orders.$inferInsert>();
  private newShipments = new Map<string, typeof shipments.$inferInsert>();
  private newItems: (typeof orderItems.$inferInsert)[] = [];
  private orderChanges = new Map<string, OrderChange>();
  private shipmentChanges = new Map<string, ShipmentChange>();
  private orderColumns = new Map<string, OrderColumns>();
  private shipmentColumns = new Map<string, ShipmentColumns>();
  private tagChanges = new Map<
    string,
    { attach: typeof orderTags.$inferInsert | null; orderId: string; tagId: string }
  >();
  private events: (typeof orderEvents.$inferInsert)[] = [];
  private allocationRows = new Map<string, typeof allocations.$inferInsert>();
  private stockDeltas = new Map<string, StockKey & { allocated: number }>();
  private movements: (typeof stockMovements.$inferInsert)[] = [];
  private jobs = new Map<JobName, JobToEnqueue[]>();
  /** Shipments created through this unit (flushed or not): they held no allocation before it. */
  readonly createdShipments = new Set<string>();

  addOrder(
    order: typeof orders.$inferInsert & { id: string },
    shipmentRows: (typeof shipments.$inferInsert & { id: string })[],
    items: (typeof orderItems.$inferInsert)[],
  ): void {
    this.newOrders.set(order.id, order);
    for (const s of shipmentRows) {
      this.newShipments.set(s.id, s);
      this.createdShipments.add(s.id);
    }
    this.newItems.push(...items);
  }

  /** What a decision changed, and its events; answers the order as it now stands. */
  recordDecision(loaded: LoadedOrder, decision: Decision, meta: Meta): LoadedOrder {
    const before = loaded.snapshot;
    const after = decision.order;
    const unwritten = this.newOrders.get(loaded.row.id);
    if (unwritten)
      Object.assign(unwritten, { status: after.status, paidAt: after.paidAt, deletedAt: after.deletedAt });
    else if (
      before.status !== after.status ||
      before.paidAt !== after.paidAt ||
      before.deletedAt !== after.deletedAt
    ) {
      this.orderChanges.set(loaded.row.id, {
        id: loaded.row.id,
        status: after.status,
        paidAt: after.paidAt,
        deletedAt: after.deletedAt,
        updatedAt: meta.now,
      });
    }
    for (const s of after.shipments) {
      const old = before.shipments.find((b) => b.id === s.id);
      if (old && old.status !== s.status)
        this.changeShipment(s.id, { status: s.status, updatedAt: meta.now });
    }
    for (const t of after.tags.filter((t) => !before.tags.some((b) => b.tagId === t.tagId))) {
      this.tagChanges.set(`${loaded.row.id}:${t.tagId}`, {
        orderId: loaded.row.id,
        tagId: t.tagId,
        attach: {
          orderId: loaded.row.id,
          tagId: t.tagId,
          accountId: loaded.row.accountId,
          attachedBy: meta.actor,
          attachedAt: meta.now,
        },
      });
    }
    for (const t of before.tags.filter((t) => !after.tags.some((a) => a.tagId === t.tagId))) {
      this.tagChanges.set(`${loaded.row.id}:${t.tagId}`, {
        orderId: loaded.row.id,
        tagId: t.tagId,
        attach: null,
      });
    }
    this.recordEvents(loaded.row, decision.events, meta);
    return {
      ...loaded,
      row: { ...loaded.row, status: after.status, paidAt: after.paidAt, deletedAt: after.deletedAt },
      shipments: loaded.shipments.map((s) => ({
        ...s,
        status: after.shipments.find((a) => a.id === s.id)?.status ?? s.status,
      })),
      tags: [...after.tags] as AttachedTag[],
      snapshot: after,
    };
  }

  recordEvents(order: { id: string; accountId: string }, events: Decision["events"], meta: Meta): void {
    for (const e of events) {
      this.events.push({
        orderId: order.id,
        accountId: order.accountId,
        at: meta.now,
        actor: meta.actor,
        type: e.type,
        fromStatus: e.from ?? null,
        toStatus: e.to ?? null,
        message: e.message,
        detail: e.detail ?? null,
      });
    }
  }

  /** Columns of a stored order set as given (what the mall says now), over what this unit set before. */
  setOrderColumns(id: string, values: Omit<OrderColumns, "id">): void {
    this.orderColumns.set(id, { ...this.orderColumns.get(id), ...values, id });
  }

  /** Columns of a stored shipment set as given (null included), over what this unit set before. */
  setShipmentColumns(id: string, values: Omit<ShipmentColumns, "id">): void {
    this.shipmentColumns.set(id, { ...this.shipmentColumns.get(id), ...values, id });
  }

  changeShipment(id: string, change: Omit<ShipmentChange, "id">): void {
    const unwritten = this.newShipments.get(id);
    // A row not written yet takes its created and updated time from the insert.
    if (unwritten) Object.assign(unwritten, { ...change, updatedAt: undefined });
    else this.shipmentChanges.set(id, { ...this.shipmentChanges.get(id), ...change, id });
  }

  /** A shipment's allocation of a product as it now stands, and the stock it took or gave back. */
  recordAllocation(
    row: typeof allocations.$inferInsert,
    taken: number,
    movement: { accountId: string; orderId: string; actor: string; at: Date },
  ): void {
    this.allocationRows.set(`${row.shipmentId}:${row.productId}`, row);
    if (taken === 0) return;
    const key = `${row.productId}:${row.warehouseId}`;
    const delta = this.stockDeltas.get(key) ?? {
      productId: row.productId,
      warehouseId: row.warehouseId,
      allocated: 0,
    };
    delta.allocated += taken;
    this.stockDeltas.set(key, delta);
    this.movements.push({
      ...movement,
      productId: row.productId,
      warehouseId: row.warehouseId,
      kind: "allocate",
      allocatedDelta: taken,
      shipmentId: row.shipmentId,
    });
  }

  enqueue(name: JobName, job: JobToEnqueue): void {
    const queued = this.jobs.get(name);
    if (queued) queued.push(job);
    else this.jobs.set(name, [job]);
  }

  get isEmpty(): boolean {
    return (
      this.newOrders.size +
        this.orderColumns.size +
        this.shipmentColumns.size +
        this.orderChanges.size +
        this.shipmentChanges.size +
        this.tagChanges.size +
        this.events.length +
        this.allocationRows.size +
        this.jobs.size ===
      0
    );
  }

  /**
   * Writes everything collected, then starts empty again. New orders whose number a concurrent
   * transaction took first (the live-number key) are dropped with all they carried: answers their ids.
   */
  async flush(tx: Db, queue: JobQueue | null): Promise<Set<string>> {
    const lost = await this.insertNewOrders(tx);
    for (const update of updateJsonRows(orders, [...this.orderColumns.values()])) await tx.execute(update);
    for (const update of updateJsonRows(shipments, [...this.shipmentColumns.values()]))
      await tx.execute(update);
    await updateOrderStates(tx, [...this.orderChanges.values()]);
    await updateShipmentStates(tx, [...this.shipmentChanges.values()]);
    const tagChanges = [...this.tagChanges.values()];
    await detachTags(
      tx,
      tagChanges.filter((t) => t.attach === null),
    );
    const attached = tagChanges.flatMap((t) => (t.attach ? [t.attach] : []));
    if (attached.length > 0)
      await tx.execute(insertJsonRows(orderTags, attached, sql`on conflict do nothing`));
    if (this.events.length > 0) await tx.execute(insertJsonRows(orderEvents, this.events));
    if (this.allocationRows.size > 0) {
      await tx.execute(
        insertJsonRows(
          allocations,
          [...this.allocationRows.values()],
          sql`on conflict (shipment_id, product_id) do update set allocated = excluded.allocated`,
        ),
      );
    }
    if (this.movements.length > 0) await tx.execute(insertJsonRows(stockMovements, this.movements));
    for (const [name, jobs] of this.jobs) {
      if (!queue) throw new Error(`jobs of ${name} recorded without a queue`);
      await queue.enqueueMany(tx, name, jobs);
    }
    // Last: every transaction locks its orders before any stock row.
    await addAllocated(tx, [...this.stockDeltas.values()]);
    this.clear();
    return lost;
  }

  private async insertNewOrders(tx: Db): Promise<Set<string>> {
    const lost = new Set<string>();
    if (this.newOrders.size === 0) return lost;
    const inserted = await tx.execute<{ id: string }>(
      insertJsonRows(
        orders,
        [...this.newOrders.values()],
        sql`on conflict (shop_id, mall_order_number) where deleted_at is null do nothing returning id`,
      ),
    );
    const won = new Set(rowsOf<{ id: string }>(inserted).map((r) => r.id));
    for (const id of this.newOrders.keys()) if (!won.has(id)) lost.add(id);
    if (lost.size > 0) this.forget(lost);
    if (this.newShipments.size > 0)
      await tx.execute(insertJsonRows(shipments, [...this.newShipments.values()]));
    if (this.newItems.length > 0) await tx.execute(insertJsonRows(orderItems, this.newItems));
    return lost;
  }

  /** Drops everything recorded for orders that were never written. */
  private forget(orderIds: Set<string>): void {
    const shipmentIds = new Set(
      [...this.newShipments.values()].filter((s) => orderIds.has(s.orderId)).map((s) => s.id),
    );
    for (const id of shipmentIds) if (id) this.newShipments.delete(id);
    this.newItems = this.newItems.filter((i) => !orderIds.has(i.orderId));
    this.events = this.events.filter((e) => !orderIds.has(e.orderId));
    for (const id of orderIds) this.orderChanges.delete(id);
    for (const id of shipmentIds) if (id) this.shipmentChanges.delete(id);
    for (const [k, t] of this.tagChanges) if (orderIds.has(t.orderId)) this.tagChanges.delete(k);
    for (const [name, jobs] of this.jobs)
      this.jobs.set(
        name,
        jobs.filter(
          (j) => !orderIds.has(j.data.orderId as string) && !shipmentIds.has(j.data.shipmentId as string),
        ),
      );
    // Stock they took in memory stays on the shelf.
    for (const [k, a] of this.allocationRows)
      if (shipmentIds.has(a.shipmentId)) this.allocationRows.delete(k);
    for (const m of this.movements) {
      if (!orderIds.has(m.orderId ?? "")) continue;
      const delta = this.stockDeltas.get(`${m.productId}:${m.warehouseId}`);
      if (delta) delta.allocated -= m.allocatedDelta ?? 0;
    }
    this.movements = this.movements.filter((m) => !orderIds.has(m.orderId ?? ""));
  }

  private clear(): void {
    this.newOrders.clear();
    this.newShipments.clear();
    this.newItems = [];
    this.orderColumns.clear();
    this.shipmentColumns.clear();
    this.orderChanges.clear();
    this.shipmentChanges.clear();
    this.tagChanges.clear();
    this.events = [];
    this.allocationRows.clear();
    this.stockDeltas.clear();
    this.movements = [];
    this.jobs.clear();
  }
}

/** node-postgres answers a result object, PGlite too; both carry `rows`. */
function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

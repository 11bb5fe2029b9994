import { and, asc, eq, inArray } from "drizzle-orm";
import { findMapping, type ProductMappingRule } from "#server/domain/allocation.ts";
import type { AttachedTag, Decision, OrderSnapshot } from "#server/domain/order.ts";
import type { OrderStatus, ShippingStatus } from "#server/domain/order-status.ts";
import type { Db } from "../database.ts";
import {
  orderItems,
  orders,
  orderTags,
  productMappingComponents,
  productMappings,
  shipments,
  tags,
} from "../schema.ts";
import { OrderWrites } from "./order-writes.ts";

export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;
export type ShipmentRow = typeof shipments.$inferSelect;

export type LoadedOrder = {
  row: OrderRow;
  items: (OrderItemRow & { mapping: (ProductMappingRule & { id: string }) | null })[];
  shipments: ShipmentRow[];
  tags: AttachedTag[];
  snapshot: OrderSnapshot;
};

/** Mappings of one shop for the given mall item codes, with their components. */
export async function loadMappings(
  tx: Db,
  shopId: string,
  itemCodes: readonly string[],
): Promise<(ProductMappingRule & { id: string })[]> {
  if (itemCodes.length === 0) return [];
  const rows = await tx
    .select({
      id: productMappings.id,
      mallItemCode: productMappings.mallItemCode,
      mallSkuCode: productMappings.mallSkuCode,
      productId: productMappingComponents.productId,
      quantity: productMappingComponents.quantity,
    })
    .from(productMappings)
    .innerJoin(productMappingComponents, eq(productMappingComponents.mappingId, productMappings.id))
    .where(
      and(eq(productMappings.shopId, shopId), inArray(productMappings.mallItemCode, [...new Set(itemCodes)])),
    );
  return groupMappings(rows);
}

export type MappingComponentRow = {
  id: string;
  mallItemCode: string;
  mallSkuCode: string;
  productId: string;
  quantity: number;
};

/** Mapping rules from their rows joined with their components, one row per component. */
export function groupMappings(rows: readonly MappingComponentRow[]): (ProductMappingRule & { id: string })[] {
  const byId = new Map<
    string,
    ProductMappingRule & { id: string; components: { productId: string; quantity: number }[] }
  >();
  for (const r of rows) {
    const m = byId.get(r.id) ?? {
      id: r.id,
      mallItemCode: r.mallItemCode,
      mallSkuCode: r.mallSkuCode,
      components: [],
    };
    m.components.push({ productId: r.productId, quantity: r.quantity });
    byId.set(r.id, m);
  }
  return [...byId.values()];
}

/** Loads an order of the account (locked for the transaction when `lock`), or null if it is not theirs. */
export async function loadOrder(
  tx: Db,
  accountId: string,
  orderId: string,
  options: { lock: boolean },
): Promise<LoadedOrder | null> {
  const base = tx
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.accountId, accountId)));
  const [row] = options.lock ? await base.for("update") : await base;
  if (!row) return null;
  // One after another: inside a transaction they share one connection anyway.
  const items = await tx
    .select()
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(asc(orderItems.lineNo));
  const shipmentRows = await tx
    .select()
    .from(shipments)
    .where(eq(shipments.orderId, orderId))
    .orderBy(asc(shipments.createdAt), asc(shipments.id));
  const tagRows = await tx
    .select({ tagId: tags.id, name: tags.name, hold: tags.hold, systemCode: tags.systemCode })
    .from(orderTags)
    .innerJoin(tags, eq(tags.id, orderTags.tagId))
    .where(eq(orderTags.orderId, orderId))
    .orderBy(asc(orderTags.attachedAt));
  return assembleOrder(tx, row, items, shipmentRows, tagRows);
}

/**
 * An order from its rows as they stand in this transaction, with the product mapping of each line —
 * for rows just read, or just written (registration has them all without reading them back).
 */
export async function assembleOrder(
  tx: Db,
  row: OrderRow,
  items: readonly OrderItemRow[],
  shipmentRows: ShipmentRow[],
  tagRows: AttachedTag[],
): Promise<LoadedOrder> {
  const mappings = await loadMappings(
    tx,
    row.shopId,
    items.map((i) => i.mallItemCode),
  );
  return assembleWith(row, items, shipmentRows, tagRows, mappings);
}

/** An order from its rows and its shop's mappings of its lines (no statement). */
export function assembleWith(
  row: OrderRow,
  items: readonly OrderItemRow[],
  shipmentRows: ShipmentRow[],
  tagRows: AttachedTag[],
  mappings: readonly (ProductMappingRule & { id: string })[],
): LoadedOrder {
  const mappedItems = items.map((i) => ({ ...i, mapping: findMapping(mappings, i) }));
  return {
    row,
    items: mappedItems,
    shipments: shipmentRows,
    tags: tagRows,
    snapshot: {
      status: row.status as OrderStatus,
      paymentMethod: row.paymentMethod,
      paidAt: row.paidAt,
      total: row.total,
      graceUntil: row.graceUntil,
      deletedAt: row.deletedAt,
      items: mappedItems.map((i) => ({ mapped: i.mapping !== null })),
      shipments: shipmentRows.map((s) => ({ id: s.id, status: s.status as ShippingStatus })),
      tags: tagRows,
      testImport: row.testImport,
    },
  };
}

/**
 * Many orders with a handful of statements (orders locked FOR UPDATE in id order, so two batches never
 * wait on each other in a circle; then lines, shipments, tags and the mappings of every shop at once).
 * Answers in id order; ids that are not orders are left out.
 */
export async function loadOrders(tx: Db, orderIds: readonly string[]): Promise<LoadedOrder[]> {
  if (orderIds.length === 0) return [];
  const ids = [...new Set(orderIds)].sort();
  const rows = await tx
    .select()
    .from(orders)
    .where(inArray(orders.id, ids))
    .orderBy(asc(orders.id))
    .for("update");
  if (rows.length === 0) return [];
  const found = rows.map((r) => r.id);
  const items = await tx
    .select()
    .from(orderItems)
    .where(inArray(orderItems.orderId, found))
    .orderBy(asc(orderItems.orderId), asc(orderItems.lineNo));
  const shipmentRows = await tx
    .select()
    .from(shipments)
    .where(inArray(shipments.orderId, found))
    .orderBy(asc(shipments.createdAt), asc(shipments.id));
  const tagRows = await tx
    .select({
      orderId: orderTags.orderId,
      tagId: tags.id,
      name: tags.name,
      hold: tags.hold,
      systemCode: tags.systemCode,
    })
    .from(orderTags)
    .innerJoin(tags, eq(tags.id, orderTags.tagId))
    .where(inArray(orderTags.orderId, found))
    .orderBy(asc(orderTags.attachedAt));
  const mappings = await loadShopsMappings(
    tx,
    rows.map((r) => r.shopId),
    items.map((i) => i.mallItemCode),
  );
  return rows.map((row) =>
    assembleWith(
      row,
      items.filter((i) => i.orderId === row.id),
      shipmentRows.filter((s) => s.orderId === row.id),
      tagRows.filter((t) => t.orderId === row.id).map(({ orderId: _, ...t }) => t),
      mappings.get(row.shopId) ?? [],
    ),
  );
}

/** The mappings of several shops for the given item codes, in one statement, by shop. */
export async function loadShopsMappings(
  tx: Db,
  shopIds: readonly string[],
  itemCodes: readonly string[],
): Promise<Map<string, (ProductMappingRule & { id: string })[]>> {
  const byShop = new Map<string, (ProductMappingRule & { id: string })[]>();
  const shopsWanted = [...new Set(shopIds)];
  if (itemCodes.length === 0 || shopsWanted.length === 0) return byShop;
  const rows = await tx
    .select({
      id: productMappings.id,
      shopId: productMappings.shopId,
      mallItemCode: productMappings.mallItemCode,
      mallSkuCode: productMappings.mallSkuCode,
      productId: productMappingComponents.productId,
      quantity: productMappingComponents.quantity,
    })
    .from(productMappings)
    .innerJoin(productMappingComponents, eq(productMappingComponents.mappingId, productMappings.id))
    .where(
      and(
        inArray(productMappings.shopId, shopsWanted),
        inArray(productMappings.mallItemCode, [...new Set(itemCodes)]),
      ),
    );
  const byId = new Map<
    string,
    ProductMappingRule & { id: string; components: { productId: string; quantity: number }[] }
  >();
  for (const r of rows) {
    let m = byId.get(r.id);
    if (!m) {
      m = { id: r.id, mallItemCode: r.mallItemCode, mallSkuCode: r.mallSkuCode, components: [] };
      byId.set(r.id, m);
      byShop.set(r.shopId, [...(byShop.get(r.shopId) ?? []), m]);
    }
    m.components.push({ productId: r.productId, quantity: r.quantity });
  }
  return byShop;
}

/** For jobs, which act for whichever account owns the order. */
export async function loadOrderById(tx: Db, orderId: string): Promise<LoadedOrder | null> {
  const [row] = await tx.select({ accountId: orders.accountId }).from(orders).where(eq(orders.id, orderId));
  return row ? loadOrder(tx, row.accountId, orderId, { lock: true }) : null;
}

/**
 * Writes what a decision changed and appends its events to the timeline, in the caller's transaction:
 * a unit of work of one order, flushed at once (batches record many into one OrderWrites instead).
 */
export async function saveDecision(
  tx: Db,
  loaded: LoadedOrder,
  decision: Decision,
  meta: { actor: string; now: Date },
): Promise<LoadedOrder> {
  const writes = new OrderWrites();
  const saved = writes.recordDecision(loaded, decision, meta);
  await writes.flush(tx, null);
  return saved;
}

export async function appendEvents(
  tx: Db,
  order: { id: string; accountId: string },
  events: Decision["events"],
  meta: { actor: string; now: Date },
): Promise<void> {
  const writes = new OrderWrites();
  writes.recordEvents(order, events, meta);
  await writes.flush(tx, null);
}

import { sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { orders, orderTags, shipments, stock } from "../schema.ts";
import { jsonRows } from "./json-rows.ts";

/*
 * The UPDATEs a batch ends with (OrderWrites.flush), one statement each whatever the number of rows:
 * the rows travel as one JSON parameter (jsonb_populate_recordset), never as thousands of bind parameters.
 */

/** An order's state as a batch leaves it. */
export type OrderChange = {
  id: string;
  status: string;
  paidAt: Date | null;
  deletedAt: Date | null;
  updatedAt: Date;
};
/** A shipment's columns as a batch leaves them; a column left out keeps what it holds. */
export type ShipmentChange = {
  id: string;
  status?: string;
  requestDueAt?: Date;
  updatedAt?: Date;
  requestedAt?: Date;
  warehouseReference?: string;
  plannedShipDate?: string | null;
  parcels?: unknown[];
  /** The parcels' 伝票番号 folded for the order search: set with the parcels that carry them. */
  trackingKeys?: string[];
  shippedAt?: Date;
  unshippableReason?: string | null;
  mallReportedAt?: Date;
};
/** The columns a change may set back to null, with their names in SQL. */
const NULLABLE = [
  ["plannedShipDate", "planned_ship_date"],
  ["unshippableReason", "unshippable_reason"],
] as const;

export async function updateOrderStates(tx: Db, changes: readonly OrderChange[]): Promise<void> {
  if (changes.length === 0) return;
  const { source } = jsonRows(orders, changes);
  await tx.execute(sql`update ${orders} o set status = v.status, paid_at = v.paid_at,
    deleted_at = v.deleted_at, updated_at = v.updated_at from ${source} v where o.id = v.id`);
}

export async function updateShipmentStates(tx: Db, changes: readonly ShipmentChange[]): Promise<void> {
  if (changes.length === 0) return;
  // A row without parcels keeps its own, not the column's default an INSERT would take.
  const { source } = jsonRows(
    shipments,
    changes.map((c) => ({ parcels: null, ...c })),
  );
  // jsonb_populate_recordset cannot tell a null from a missing key: the columns set to null go apart.
  const nulled = JSON.stringify(
    Object.fromEntries(
      changes.map((c) => [c.id, NULLABLE.filter(([key]) => c[key] === null).map(([, column]) => column)]),
    ),
  );
  const keepOrSet = (column: string) =>
    sql`${sql.identifier(column)} = case when coalesce(${nulled}::jsonb -> s.id::text, '[]') @> to_jsonb(${column}::text)
      then null else coalesce(v.${sql.identifier(column)}, s.${sql.identifier(column)}) end`;
  await tx.execute(sql`update ${shipments} s set status = coalesce(v.status, s.status),
    request_due_at = coalesce(v.request_due_at, s.request_due_at),
    updated_at = coalesce(v.updated_at, s.updated_at),
    requested_at = coalesce(v.requested_at, s.requested_at),
    warehouse_reference = coalesce(v.warehouse_reference, s.warehouse_reference),
    parcels = coalesce(v.parcels, s.parcels),
    tracking_keys = coalesce(v.tracking_keys, s.tracking_keys),
    shipped_at = coalesce(v.shipped_at, s.shipped_at),
    mall_reported_at = coalesce(v.mall_reported_at, s.mall_reported_at),
    ${keepOrSet("planned_ship_date")}, ${keepOrSet("unshippable_reason")}
    from ${source} v where s.id = v.id`);
}

/** Each product's allocated count moved by its batch total: one row lock per product, taken last. */
export async function addAllocated(
  tx: Db,
  deltas: readonly { productId: string; warehouseId: string; allocated: number }[],
): Promise<void> {
  if (deltas.length === 0) return;
  const { source } = jsonRows(stock, deltas);
  await tx.execute(sql`update ${stock} s set allocated = s.allocated + v.allocated from ${source} v
    where s.product_id = v.product_id and s.warehouse_id = v.warehouse_id`);
}

export async function detachTags(tx: Db, rows: readonly { orderId: string; tagId: string }[]): Promise<void> {
  if (rows.length === 0) return;
  const { source } = jsonRows(
    orderTags,
    rows.map(({ orderId, tagId }) => ({ orderId, tagId })),
  );
  await tx.execute(
    sql`delete from ${orderTags} t using ${source} v where t.order_id = v.order_id and t.tag_id = v.tag_id`,
  );
}

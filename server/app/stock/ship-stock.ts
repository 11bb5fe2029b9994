import { sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { allocations, shipments, stock, stockMovements } from "#server/db/schema.ts";

/**
 * 出荷: what the shipments held leaves the shelf — 在庫 and 引当 each go down by it, once per product and
 * warehouse whatever the number of shipments, with a 出荷 movement per shipment and product. The caller
 * calls it once, when the shipments become 出荷済; their allocation rows stay as the record of what went.
 * The stock rows are locked last and in product order, as every allocation takes them.
 */
export async function shipStock(
  tx: Db,
  shipmentIds: readonly string[],
  meta: { actor: string; now: Date },
): Promise<void> {
  if (shipmentIds.length === 0) return;
  const ids = sql.join(
    shipmentIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const held = sql`select ${allocations.productId} as product_id, ${allocations.warehouseId} as warehouse_id,
      sum(${allocations.allocated})::int as qty
    from ${allocations} where ${allocations.shipmentId} in (${ids}) and ${allocations.allocated} > 0
    group by 1, 2`;
  await tx.execute(sql`select 1 from ${stock} s join (${held}) h
    on s.product_id = h.product_id and s.warehouse_id = h.warehouse_id
    order by s.product_id, s.warehouse_id for update of s`);
  await tx.execute(sql`update ${stock} s set on_hand = s.on_hand - h.qty, allocated = s.allocated - h.qty
    from (${held}) h where s.product_id = h.product_id and s.warehouse_id = h.warehouse_id`);
  await tx.execute(sql`insert into ${stockMovements}
      (account_id, product_id, warehouse_id, kind, on_hand_delta, allocated_delta, order_id, shipment_id, actor, at)
    select a.account_id, a.product_id, a.warehouse_id, 'ship', -a.allocated, -a.allocated, sh.order_id, a.shipment_id,
      ${meta.actor}, ${meta.now.toISOString()}::timestamptz
    from ${allocations} a join ${shipments} sh on sh.id = a.shipment_id
    where a.shipment_id in (${ids}) and a.allocated > 0`);
}

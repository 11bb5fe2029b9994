import { and, eq, getTableColumns, sql, type Table } from "drizzle-orm";
import { actorNameSql } from "../actor-names.ts";
import type { Db } from "../database.ts";
import { allocations, orderEvents, orderItems, orders, shipments, tags } from "../schema.ts";
import { type OrderB2bFacts, orderB2bSql } from "./order-b2b.ts";
import { assembleWith, groupMappings, type LoadedOrder, type MappingComponentRow } from "./order-queries.ts";

export type OrderForView = {
  order: LoadedOrder;
  events: (typeof orderEvents.$inferSelect)[];
  allocations: (typeof allocations.$inferSelect)[];
  /** The attached tags' own rows, in the order they were attached. */
  tags: (typeof tags.$inferSelect)[];
  /** The order's shop's channel (rakuten, manual, …). */
  channel: string | null;
  /** Who placed a BtoB order and its キャンセルリクエスト; null for other orders. */
  b2b: OrderB2bFacts;
  /** `user:<id>` / `token:<id>` of the history → that user's name (else e-mail) or the token's name. */
  actorNames: Record<string, string>;
};

/** A table's row from its `to_json` (column names as keys), read as Drizzle reads the row itself. */
function fromJson<T extends Table>(table: T, json: Record<string, unknown>): T["$inferSelect"] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T["$inferSelect"];
}

type Nested = {
  items: Record<string, unknown>[];
  shipments: Record<string, unknown>[];
  tags: Record<string, unknown>[];
  events: Record<string, unknown>[];
  allocations: Record<string, unknown>[];
  mappings: MappingComponentRow[];
  channel: string | null;
  b2b: OrderB2bFacts;
  actors: Record<string, string>;
};

// Who acted: each distinct actor of the history once, with its name.
const ACTORS =
  sql.raw(`(select coalesce(json_object_agg(d.actor, d.name) filter (where d.name is not null), '{}')
  from (select distinct e.actor, ${actorNameSql("e.actor", '"orders"."account_id"')} as name
        from order_events e where e.order_id = "orders"."id") d)`);

function viewStatement(db: Db) {
  const agg = (rows: string, order: string, from: string) =>
    sql.raw(`(select coalesce(json_agg(${rows} order by ${order}), '[]') from ${from})`);
  return db
    .select({
      row: orders,
      nested: sql<Nested>`json_build_object(
        'items', ${agg("i", "i.line_no", `order_items i where i.order_id = "orders"."id"`)},
        'shipments', ${agg("s", "s.created_at, s.id", `shipments s where s.order_id = "orders"."id"`)},
        'tags', ${agg("t", "ot.attached_at", `order_tags ot join tags t on t.id = ot.tag_id where ot.order_id = "orders"."id"`)},
        'events', ${agg("e", "e.id", `order_events e where e.order_id = "orders"."id"`)},
        'allocations', ${agg("a", "a.shipment_id, a.product_id", `allocations a join shipments s on s.id = a.shipment_id where s.order_id = "orders"."id"`)},
        'mappings', ${agg(
          `json_build_object('id', m.id, 'mallItemCode', m.mall_item_code, 'mallSkuCode', m.mall_sku_code,
            'productId', c.product_id, 'quantity', c.quantity)`,
          "m.id",
          `product_mappings m join product_mapping_components c on c.mapping_id = m.id
           where m.shop_id = "orders"."shop_id"
             and m.mall_item_code in (select i.mall_item_code from order_items i where i.order_id = "orders"."id")`,
        )},
        'channel', (select sh.channel from shops sh where sh.id = "orders"."shop_id"),
        'b2b', ${orderB2bSql},
        'actors', ${ACTORS})`,
    })
    .from(orders)
    .where(and(eq(orders.id, sql.placeholder("orderId")), eq(orders.accountId, sql.placeholder("accountId"))))
    .prepare("order_view");
}

// Prepared once per database handle: planning the eight sub-selects cost as much as running them.
const statements = new WeakMap<Db, ReturnType<typeof viewStatement>>();

/**
 * Everything the order screen shows in one statement (the order, its lines with their mappings,
 * shipments, tags, history and allocations): one round trip instead of ten for the most read
 * screen. Not for writes: nothing is locked.
 */
export async function loadOrderForView(
  db: Db,
  accountId: string,
  orderId: string,
): Promise<OrderForView | null> {
  let statement = statements.get(db);
  if (!statement) {
    statement = viewStatement(db);
    statements.set(db, statement);
  }
  const [found] = await statement.execute({ orderId, accountId });
  if (!found) return null;
  const n = found.nested;
  const tagRows = n.tags.map((t) => fromJson(tags, t));
  return {
    order: assembleWith(
      found.row,
      n.items.map((i) => fromJson(orderItems, i)),
      n.shipments.map((s) => fromJson(shipments, s)),
      tagRows.map((t) => ({ tagId: t.id, name: t.name, hold: t.hold, systemCode: t.systemCode })),
      groupMappings(n.mappings),
    ),
    events: n.events.map((e) => fromJson(orderEvents, e)),
    allocations: n.allocations.map((a) => fromJson(allocations, a)),
    tags: tagRows,
    channel: n.channel,
    b2b: n.b2b,
    actorNames: n.actors,
  };
}

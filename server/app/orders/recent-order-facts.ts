import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import {
  orderItems,
  orders,
  productMappingComponents,
  productMappings,
  products,
} from "#server/db/schema.ts";
import { findMapping } from "#server/domain/allocation.ts";
import type { OrderStatus } from "#server/domain/order-status.ts";
import { tagRuleFactsOf } from "#server/domain/tag-rule-facts.ts";
import type { TagRuleFacts } from "#server/domain/tag-rules.ts";

export type RecentOrder = {
  id: string;
  mallOrderNumber: string;
  orderedAt: Date;
  buyerName: string;
  total: number | null;
  status: OrderStatus;
};

/**
 * The tag-rule facts of the account's last `limit` live orders, newest first, in four set-based
 * queries whatever `limit` is: orders, their items, the mappings those items may use, buyer counts.
 */
export async function recentOrderFacts(
  tx: Db,
  accountId: string,
  limit: number,
): Promise<{ order: RecentOrder; facts: TagRuleFacts }[]> {
  const rows = await tx
    .select({
      id: orders.id,
      shopId: orders.shopId,
      mallOrderNumber: orders.mallOrderNumber,
      orderedAt: orders.orderedAt,
      status: orders.status,
      buyerName: orders.buyerName,
      buyerEmail: orders.buyerEmail,
      buyerPhone: orders.buyerPhone,
      shipTo: orders.shipTo,
      paymentMethod: orders.paymentMethod,
      total: orders.total,
      remarks: orders.remarks,
      customerRank: orders.customerRank,
    })
    .from(orders)
    .where(and(eq(orders.accountId, accountId), isNull(orders.deletedAt)))
    .orderBy(desc(orders.orderedAt), desc(orders.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const ids = rows.map((o) => o.id);

  const items = await tx
    .select({
      orderId: orderItems.orderId,
      mallItemCode: orderItems.mallItemCode,
      mallSkuCode: orderItems.mallSkuCode,
    })
    .from(orderItems)
    .where(inArray(orderItems.orderId, ids));
  const itemsByOrder = groupBy(items, (i) => i.orderId);

  // Every mapping any of these items could use, with the SKUs of its products; the exact choice
  // (SKU-level over item-level) is findMapping's, as when the order itself was loaded.
  const mappingRows = await tx
    .select({
      id: productMappings.id,
      shopId: productMappings.shopId,
      mallItemCode: productMappings.mallItemCode,
      mallSkuCode: productMappings.mallSkuCode,
      productId: productMappingComponents.productId,
      quantity: productMappingComponents.quantity,
      sku: products.sku,
    })
    .from(productMappings)
    .innerJoin(productMappingComponents, eq(productMappingComponents.mappingId, productMappings.id))
    .innerJoin(products, eq(products.id, productMappingComponents.productId))
    .where(
      and(
        inArray(productMappings.shopId, [...new Set(rows.map((o) => o.shopId))]),
        inArray(productMappings.mallItemCode, [...new Set(items.map((i) => i.mallItemCode))]),
      ),
    );
  const byId = new Map<string, ShopMapping>();
  for (const m of mappingRows) {
    const mapping = byId.get(m.id) ?? {
      shopId: m.shopId,
      mallItemCode: m.mallItemCode,
      mallSkuCode: m.mallSkuCode,
      components: [],
    };
    mapping.components.push({ productId: m.productId, quantity: m.quantity, sku: m.sku });
    byId.set(m.id, mapping);
  }
  const mappingsByShop = groupBy([...byId.values()], (m) => m.shopId);

  // As of each order: a repeat buyer's first order was a first purchase when its rule ran. A running
  // count over these buyers' orders stays linear whatever the planner's estimates (PGlite never
  // analyzes on its own; a join on "earlier orders" turned quadratic there).
  const running = tx
    .select({
      id: orders.id,
      n: sql<number>`count(*) over (partition by ${orders.buyerEmail} order by ${orders.orderedAt})`
        .mapWith(Number)
        .as("n"),
    })
    .from(orders)
    .where(
      and(
        eq(orders.accountId, accountId),
        isNull(orders.deletedAt),
        inArray(orders.buyerEmail, [...new Set(rows.map((o) => o.buyerEmail))]),
      ),
    )
    .as("running");
  const counts = await tx.select().from(running).where(inArray(running.id, ids));
  const buyerCounts = new Map(counts.map((c) => [c.id, c.n]));

  return rows.map((o) => {
    const orderItemsOf = itemsByOrder.get(o.id) ?? [];
    const shopMappings = mappingsByShop.get(o.shopId) ?? [];
    const productSkus = orderItemsOf.flatMap(
      (i) => findMapping(shopMappings, i)?.components.map((c) => c.sku) ?? [],
    );
    return {
      order: {
        id: o.id,
        mallOrderNumber: o.mallOrderNumber,
        orderedAt: o.orderedAt,
        buyerName: o.buyerName,
        total: o.total,
        status: o.status as OrderStatus,
      },
      facts: tagRuleFactsOf({
        ...o,
        shipTo: o.shipTo as { name: string; prefecture: string; phone: string },
        items: orderItemsOf,
        productSkus: [...new Set(productSkus)],
        buyerOrderCount: buyerCounts.get(o.id) ?? 1,
      }),
    };
  });
}

type ShopMapping = {
  shopId: string;
  mallItemCode: string;
  mallSkuCode: string;
  components: { productId: string; quantity: number; sku: string }[];
};

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const t of list) {
    const group = map.get(key(t));
    if (group) group.push(t);
    else map.set(key(t), [t]);
  }
  return map;
}

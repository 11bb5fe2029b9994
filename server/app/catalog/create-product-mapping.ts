import { and, asc, eq, exists, inArray, isNull, type SQL } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { type LoadedOrder, loadOrder, saveDecision } from "#server/db/orders/order-queries.ts";
import {
  orderItems,
  orders,
  orderTags,
  productMappingComponents,
  productMappings,
  products,
  shops,
  tags,
} from "#server/db/schema.ts";
import { hasUnmappedItem } from "#server/domain/order.ts";
import { detachTag } from "#server/domain/order-tagging.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { type Actor, type AppContext, actorLabel } from "../context.ts";
import { progressOrder } from "../orders/progress-order.ts";
import { lockStockFor } from "../stock/stock-locks.ts";

export type MappingInput = {
  shopId: string;
  mallItemCode: string;
  /** '' maps the item whatever SKU the buyer chose. */
  mallSkuCode: string;
  components: { productId: string; quantity: number }[];
};

type Meta = { actor: string; now: Date };

/**
 * 商品マッピング登録. The orders held at 確認待 only because this item was unmapped lose the
 * 未マッピング商品 tag and move on by themselves (allocation and beyond) in the same transaction.
 */
export async function createProductMapping(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  input: MappingInput,
): Promise<string> {
  const meta = { actor: actorLabel(actor), now: ctx.clock.now() };
  return ctx.db.transaction(async (tx) => {
    // FOR UPDATE, not weaker: it conflicts with the key-share lock every new order takes on its shop,
    // so an order registered meanwhile either commits before the release below looks, or sees this mapping.
    const [shop] = await tx
      .select({ id: shops.id })
      .from(shops)
      .where(and(eq(shops.id, input.shopId), eq(shops.accountId, accountId)))
      .for("update");
    if (!shop) throw notFound("shop", "ショップ");
    await checkComponents(tx, accountId, input.components);
    const id = ctx.newId();
    const [created] = await tx
      .insert(productMappings)
      .values({
        id,
        accountId,
        shopId: shop.id,
        mallItemCode: input.mallItemCode,
        mallSkuCode: input.mallSkuCode,
        createdAt: meta.now,
      })
      .onConflictDoNothing({
        target: [productMappings.shopId, productMappings.mallItemCode, productMappings.mallSkuCode],
      })
      .returning({ id: productMappings.id });
    if (!created) {
      const what = input.mallSkuCode
        ? `${input.mallItemCode} / SKU ${input.mallSkuCode}`
        : input.mallItemCode;
      throw new Refusal(
        "product_mapping.duplicate",
        `商品「${what}」はこのショップですでにマッピングされています。`,
        {
          errors: [{ path: "mallItemCode", message: "すでにマッピングがあります" }],
        },
      );
    }
    await tx
      .insert(productMappingComponents)
      .values(input.components.map((c) => ({ mappingId: id, productId: c.productId, quantity: c.quantity })));
    await releaseHeldOrders(tx, ctx, accountId, input, { mappingId: id }, meta);
    return id;
  });
}

/** Every product must be the account's own, and each at most once (a set lists quantities instead). */
async function checkComponents(tx: Db, accountId: string, components: MappingInput["components"]) {
  const ids = components.map((c) => c.productId);
  const mine = await tx
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.accountId, accountId), inArray(products.id, ids)));
  const errors = components.flatMap((c, i) => {
    const path = `components.${i}.productId`;
    if (!mine.some((p) => p.id === c.productId)) return [{ path, message: "商品が見つかりません" }];
    if (ids.indexOf(c.productId) < i)
      return [{ path, message: "同じ商品が重複しています。数量で指定してください" }];
    return [];
  });
  const first = errors[0];
  if (first) {
    throw new Refusal("validation.failed", `${first.path}: ${first.message}`, { errors });
  }
}

/**
 * The 確認待 orders of the shop held only as 未マッピング商品 that the mappings now cover move on, in
 * the caller's transaction (whose mappings they read): those with a line of the given codes, or — no
 * codes, as a product import maps many at once — every held order of the shop.
 */
export async function releaseHeldOrders(
  tx: Db,
  ctx: AppContext,
  accountId: string,
  held: { shopId: string; mallItemCode?: string; mallSkuCode?: string },
  detail: Record<string, unknown>,
  meta: Meta,
): Promise<void> {
  for (const order of await lockHeldOrders(tx, accountId, held)) await release(tx, ctx, order, detail, meta);
}

/**
 * 確認待 orders of the shop tagged 未マッピング商品 (with a line of the codes, when given), oldest first.
 * Locked in id order, as other multi-order releases lock them, and all before any allocates, so order
 * rows are always taken before stock rows.
 */
async function lockHeldOrders(
  tx: Db,
  accountId: string,
  input: { shopId: string; mallItemCode?: string; mallSkuCode?: string },
): Promise<LoadedOrder[]> {
  const line: SQL[] = [eq(orderItems.orderId, orders.id)];
  if (input.mallItemCode !== undefined) line.push(eq(orderItems.mallItemCode, input.mallItemCode));
  if (input.mallSkuCode) line.push(eq(orderItems.mallSkuCode, input.mallSkuCode));
  const held = await tx
    .select({ id: orders.id, orderedAt: orders.orderedAt })
    .from(orders)
    .innerJoin(orderTags, eq(orderTags.orderId, orders.id))
    .innerJoin(tags, and(eq(tags.id, orderTags.tagId), eq(tags.systemCode, "unmapped_item")))
    .where(
      and(
        eq(orders.shopId, input.shopId),
        eq(orders.status, "awaiting_confirmation"),
        isNull(orders.deletedAt),
        exists(
          tx
            .select({ id: orderItems.id })
            .from(orderItems)
            .where(and(...line)),
        ),
      ),
    )
    .orderBy(asc(orders.id))
    .for("update", { of: orders });
  held.sort((a, b) => a.orderedAt.getTime() - b.orderedAt.getTime() || a.id.localeCompare(b.id));
  const locked: LoadedOrder[] = [];
  for (const { id } of held) {
    const order = await loadOrder(tx, accountId, id, { lock: true });
    if (order) locked.push(order);
  }
  await lockStockFor(tx, locked);
  return locked;
}

async function release(
  tx: Db,
  ctx: AppContext,
  order: LoadedOrder,
  detail: Record<string, unknown>,
  meta: Meta,
) {
  const tag = order.snapshot.tags.find((t) => t.systemCode === "unmapped_item");
  if (!tag || order.snapshot.status !== "awaiting_confirmation" || hasUnmappedItem(order.snapshot)) return;
  const decision = detachTag(order.snapshot, tag.tagId, false);
  if (decision instanceof Refusal) return;
  const events = decision.events.map((e) => ({
    ...e,
    message: `${e.message}(商品マッピングが登録され、すべての商品が紐付きました)`,
    detail: { ...e.detail, ...detail },
  }));
  const saved = await saveDecision(tx, order, { ...decision, events }, meta);
  await progressOrder(tx, ctx, saved, meta);
}

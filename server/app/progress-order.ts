import { and, count, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { appendEvents, type LoadedOrder, loadOrders, saveDecision } from "#server/db/order-queries.ts";
import { orders, products, shipments, shops, tags } from "#server/db/schema.ts";
import type { ShipTo } from "#server/domain/address.ts";
import {
  type Decision,
  hasUnmappedItem,
  nextAutomaticStep,
  type OrderEvent,
  setShipmentAllocated,
} from "#server/domain/order.ts";
import { attachTag, detachTag, isShortOfStock } from "#server/domain/order-tagging.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { shipToProblems } from "#server/domain/ship-to-check.ts";
import { mallSyncActive, type ShopSettings } from "#server/domain/shop-settings.ts";
import type { SystemTagCode } from "#server/domain/system-tags.ts";
import { tagRuleFactsOf } from "#server/domain/tag-rule-facts.ts";
import { matchingTags, type TagRule, type TagRuleFacts } from "#server/domain/tag-rules.ts";
import type { AppContext } from "./context.ts";
import { allocateOrder } from "./stock-allocation.ts";

type Meta = { actor: string; now: Date };

/**
 * Lets the order move on by itself as far as it can right now (SPEC.md §2): out of the grace
 * period, through 確認待 when nothing holds it, to 出荷待ち once paid and allocated. Each entry runs
 * what the status asks for, in the caller's transaction.
 */
export async function progressOrder(
  tx: Db,
  ctx: AppContext,
  loaded: LoadedOrder,
  meta: Meta,
): Promise<LoadedOrder> {
  let current = loaded;
  const fromNew = loaded.row.status === "new";
  // Each step moves strictly forward through a finite table, so a handful of rounds always suffices.
  for (let round = 0; round < 8; round++) {
    const step = nextAutomaticStep(current.snapshot, meta.now);
    if (!step) return current;
    current = await saveDecision(tx, current, step, meta);
    current = await onEnter(tx, ctx, current, step, meta, fromNew);
  }
  return current;
}

/**
 * Moves many orders on as far as each can (the grace period sweep, a batch of imports): loaded
 * together, locked in id order, in one transaction. Orders deleted meanwhile are left alone.
 */
export async function progressOrderIds(
  ctx: AppContext,
  orderIds: readonly string[],
  meta: Meta,
): Promise<LoadedOrder[]> {
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadOrders(tx, orderIds);
    return progressOrders(
      tx,
      ctx,
      loaded.filter((o) => !o.snapshot.deletedAt),
      meta,
    );
  });
}

/** progressOrder for many orders in the caller's transaction. */
export async function progressOrders(
  tx: Db,
  ctx: AppContext,
  loaded: readonly LoadedOrder[],
  meta: Meta,
): Promise<LoadedOrder[]> {
  const done: LoadedOrder[] = [];
  for (const order of loaded) done.push(await progressOrder(tx, ctx, order, meta));
  return done;
}

async function onEnter(
  tx: Db,
  ctx: AppContext,
  order: LoadedOrder,
  step: Decision,
  meta: Meta,
  fromNew: boolean,
): Promise<LoadedOrder> {
  const entered = step.events.find((e) => e.type === "status_changed");
  if (entered?.from === "new" && entered.to === "awaiting_confirmation") {
    // RMS refuses 注文確認 while the postage is undetermined: that order is confirmed at 確認済, once
    // the mall has fixed the amount and the 金額未確定 hold is gone.
    if (order.snapshot.total !== null) await confirmAtMall(tx, ctx, order, meta.now);
    return applyTagRules(tx, order, meta);
  }
  if (entered?.to === "confirmed") {
    // Not when this same pass came from 新規受付: it has just queued the 注文確認 at 確認待.
    if (!fromNew) await confirmAtMall(tx, ctx, order, meta.now);
    if (order.row.testImport) return testImportHoldsNoStock(tx, order, meta);
    return allocate(tx, order, meta);
  }
  if (entered?.to === "awaiting_shipment") {
    await scheduleShipmentRequests(tx, ctx, order, meta);
  }
  return order;
}

export async function allocate(tx: Db, order: LoadedOrder, meta: Meta): Promise<LoadedOrder> {
  const outcome = await allocateOrder(tx, order, meta);
  let current = order;
  for (const [shipmentId, full] of outcome) {
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
    current = await saveDecision(tx, current, { ...decision, events }, meta);
  }
  return followStockShortage(tx, current, meta);
}

/** 在庫不足 follows the shipments: on while 確認済 and short of stock, off once allocated or cancelled. */
export async function followStockShortage(tx: Db, order: LoadedOrder, meta: Meta): Promise<LoadedOrder> {
  const attached = order.snapshot.tags.find((t) => t.systemCode === "stock_short");
  const short = isShortOfStock(order.snapshot);
  if (short && !attached) {
    return attachIfAbsent(tx, order, await systemTag(tx, order.row.accountId, "stock_short"), "system", meta);
  }
  if (!short && attached) {
    const detached = detachTag(order.snapshot, attached.tagId, false);
    if (!(detached instanceof Refusal)) return saveDecision(tx, order, detached, meta);
  }
  return order;
}

/** テスト取込 (SPEC.md §6): the order stops at 確認済 without taking stock, so processing it changes nothing. */
async function testImportHoldsNoStock(tx: Db, order: LoadedOrder, meta: Meta): Promise<LoadedOrder> {
  await appendEvents(
    tx,
    order.row,
    [
      {
        type: "test_import_no_allocation",
        message: "テスト取込の注文のため、在庫の引当と倉庫への出荷依頼はしません",
      },
    ],
    meta,
  );
  return order;
}

/** 注文確認: the order passed 新規受付, so the mall hears the merchant has taken it on (受注連動 only). */
async function confirmAtMall(tx: Db, ctx: AppContext, order: LoadedOrder, now: Date): Promise<void> {
  if (order.row.source !== "import" || order.row.mallConfirmedAt) return;
  if (!mallSyncActive(await shopSettings(tx, order.row.shopId), now, order.row)) return;
  await ctx.jobs.enqueue(tx, "mall-confirm-order", { orderId: order.row.id }, { singletonKey: order.row.id });
}

async function scheduleShipmentRequests(
  tx: Db,
  ctx: AppContext,
  order: LoadedOrder,
  meta: Meta,
): Promise<void> {
  const { now } = meta;
  if (order.row.testImport) {
    await appendEvents(
      tx,
      order.row,
      [{ type: "test_import_no_request", message: "テスト取込の注文のため、倉庫へは出荷依頼しません" }],
      meta,
    );
    return;
  }
  const settings = await shopSettings(tx, order.row.shopId);
  const due = new Date(now.getTime() + settings.shipmentRequestDelayMinutes * 60_000);
  for (const s of order.shipments) {
    if (s.status !== "awaiting_shipment") continue;
    await tx.update(shipments).set({ requestDueAt: due }).where(eq(shipments.id, s.id));
    await ctx.jobs.enqueue(
      tx,
      "shipment-request",
      { shipmentId: s.id },
      { startAfter: due, singletonKey: s.id },
    );
  }
}

export async function shopSettings(tx: Db, shopId: string): Promise<ShopSettings> {
  const [shop] = await tx.select({ settings: shops.settings }).from(shops).where(eq(shops.id, shopId));
  if (!shop) throw new Error(`shop ${shopId} vanished`);
  return shop.settings as ShopSettings;
}

export async function systemTag(tx: Db, accountId: string, code: SystemTagCode) {
  const [tag] = await tx
    .select()
    .from(tags)
    .where(and(eq(tags.accountId, accountId), eq(tags.systemCode, code)));
  if (!tag) throw new Error(`account ${accountId} has no system tag ${code}`);
  return { tagId: tag.id, name: tag.name, hold: tag.hold, systemCode: tag.systemCode };
}

/** Sets the system tags for what needs a person, then every custom tag whose rule matches. */
async function applyTagRules(tx: Db, order: LoadedOrder, meta: Meta): Promise<LoadedOrder> {
  let current = order;
  if (hasUnmappedItem(current.snapshot)) {
    const tag = await systemTag(tx, current.row.accountId, "unmapped_item");
    current = await attachIfAbsent(tx, current, tag, "system", meta);
  }
  if (current.snapshot.total === null) {
    const tag = await systemTag(tx, current.row.accountId, "amount_undetermined");
    current = await attachIfAbsent(tx, current, tag, "system", meta);
  }
  current = await followShipToCheck(tx, current, meta);
  if (current.shipments.some((s) => s.addressPending)) {
    const tag = await systemTag(tx, current.row.accountId, "gift_address_pending");
    current = await attachIfAbsent(tx, current, tag, "system", meta);
  }
  const ruleTags = await tx
    .select({ id: tags.id, name: tags.name, hold: tags.hold, rule: tags.rule })
    .from(tags)
    .where(and(eq(tags.accountId, current.row.accountId), eq(tags.kind, "custom")))
    // Shared lock: a tag deleted or un-held meanwhile waits for this order, then sees it and releases it.
    .for("share");
  const withRules = ruleTags.filter((t) => t.rule !== null).map((t) => ({ ...t, rule: t.rule as TagRule }));
  if (withRules.length === 0) return current;
  const facts = await tagRuleFacts(tx, current);
  for (const t of matchingTags(withRules, facts)) {
    current = await attachIfAbsent(
      tx,
      current,
      { tagId: t.id, name: t.name, hold: t.hold, systemCode: null },
      "rule",
      meta,
    );
  }
  return current;
}

/**
 * 住所エラー follows the ship-tos the order's parcels go to: on when one lacks a part or its postal code
 * belongs to another prefecture (the timeline says what is wrong), off once the mall's change fixes it.
 * Checked at 確認待, and again whenever the mall changes a ship-to or a gift's address arrives.
 */
export async function followShipToCheck(tx: Db, order: LoadedOrder, meta: Meta): Promise<LoadedOrder> {
  const problems = [
    ...new Set(
      order.shipments
        // A social gift's placeholder is not an address yet: its own hold waits for the real one.
        .filter((s) => s.status !== "cancelled" && !s.addressPending)
        .flatMap((s) =>
          shipToProblems((s.shipTo ?? order.row.shipTo) as Partial<ShipTo>).map((p) => p.message),
        ),
    ),
  ];
  const attached = order.snapshot.tags.find((t) => t.systemCode === "address_error");
  if (problems.length === 0) {
    if (!attached) return order;
    const detached = detachTag(order.snapshot, attached.tagId, false);
    return detached instanceof Refusal ? order : saveDecision(tx, order, detached, meta);
  }
  if (attached) return order;
  await appendEvents(
    tx,
    order.row,
    [{ type: "address_error", message: `住所エラー: ${problems.join("。")}`, detail: { problems } }],
    meta,
  );
  return attachIfAbsent(tx, order, await systemTag(tx, order.row.accountId, "address_error"), "system", meta);
}

async function attachIfAbsent(
  tx: Db,
  order: LoadedOrder,
  tag: { tagId: string; name: string; hold: boolean; systemCode: string | null },
  by: "rule" | "system",
  meta: Meta,
): Promise<LoadedOrder> {
  const decision = attachTag(order.snapshot, tag, by);
  return decision instanceof Error ? order : saveDecision(tx, order, decision, meta);
}

export async function tagRuleFacts(tx: Db, order: LoadedOrder): Promise<TagRuleFacts> {
  const [buyerOrders] = await tx
    .select({ n: count() })
    .from(orders)
    .where(
      and(
        eq(orders.accountId, order.row.accountId),
        eq(orders.buyerEmail, order.row.buyerEmail),
        isNull(orders.deletedAt),
      ),
    );
  const productIds = order.items.flatMap((i) => i.mapping?.components.map((c) => c.productId) ?? []);
  const skus =
    productIds.length === 0
      ? []
      : await tx.select({ sku: products.sku }).from(products).where(inArray(products.id, productIds));
  return orderFacts(
    order,
    buyerOrders?.n ?? 1,
    skus.map((p) => p.sku),
  );
}

function orderFacts(
  order: LoadedOrder,
  buyerOrderCount: number,
  productSkus: readonly string[],
): TagRuleFacts {
  return tagRuleFactsOf({
    ...order.row,
    shipTo: order.row.shipTo as { name: string; prefecture: string; phone: string },
    items: order.items,
    productSkus,
    buyerOrderCount,
  });
}

import type { Db } from "#server/db/database.ts";
import type { LoadedOrder } from "#server/db/orders/order-queries.ts";
import type { ShipTo } from "#server/domain/address.ts";
import { billedTotalGap, gapMessage } from "#server/domain/billed-total.ts";
import { hasUnmappedItem } from "#server/domain/order.ts";
import { attachTag, detachTag, isShortOfStock } from "#server/domain/order-tagging.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { shipToProblems } from "#server/domain/ship-to-check.ts";
import { tagRuleFactsOf } from "#server/domain/tag-rule-facts.ts";
import { matchingTags, type TagRuleFacts } from "#server/domain/tag-rules.ts";
import {
  UNKNOWN_VALUE_TAGS,
  type UnknownMallValue,
  unknownValueTags,
} from "#server/domain/unknown-mall-values.ts";
import { OrderBatch } from "./order-batch.ts";

type Meta = { actor: string; now: Date };

// The holds and tags that follow an order's data (在庫不足, 住所エラー, 商品未登録, 金額未確定, 未登録のモール値, 請求金額不一致, rule tags),
// set as it moves on and again whenever that data changes.

/** 在庫不足 follows the shipments: on while 確認済 and short of stock, off once allocated or cancelled. */
export async function followStockShortage(tx: Db, order: LoadedOrder, meta: Meta): Promise<LoadedOrder> {
  const batch = new OrderBatch(tx, null, meta);
  const done = await stockShortage(batch, order);
  await batch.flush();
  return done;
}

export async function stockShortage(batch: OrderBatch, order: LoadedOrder): Promise<LoadedOrder> {
  const attached = order.snapshot.tags.find((t) => t.systemCode === "stock_short");
  const short = isShortOfStock(order.snapshot);
  if (short && !attached) {
    return attachIfAbsent(batch, order, await batch.systemTag(order.row.accountId, "stock_short"), "system");
  }
  if (!short && attached) {
    const detached = detachTag(order.snapshot, attached.tagId, false);
    if (!(detached instanceof Refusal)) return batch.writes.recordDecision(order, detached, batch.meta);
  }
  return order;
}

/** Sets the system tags for what needs a person, then every custom tag whose rule matches. */
export async function applyTagRules(batch: OrderBatch, order: LoadedOrder): Promise<LoadedOrder> {
  let current = order;
  const accountId = current.row.accountId;
  if (hasUnmappedItem(current.snapshot)) {
    current = attachIfAbsent(batch, current, await batch.systemTag(accountId, "unmapped_item"), "system");
  }
  if (current.snapshot.total === null) {
    current = attachIfAbsent(
      batch,
      current,
      await batch.systemTag(accountId, "amount_undetermined"),
      "system",
    );
  }
  current = await shipToCheck(batch, current);
  current = await followUnknownValues(batch, current);
  current = await billedTotalCheck(batch, current);
  if (current.shipments.some((s) => s.addressPending)) {
    current = attachIfAbsent(
      batch,
      current,
      await batch.systemTag(accountId, "gift_address_pending"),
      "system",
    );
  }
  const withRules = await batch.ruleTags(accountId);
  if (withRules.length === 0) return current;
  const facts = await tagRuleFactsIn(batch, current);
  for (const t of matchingTags(withRules, facts)) {
    current = attachIfAbsent(
      batch,
      current,
      { tagId: t.id, name: t.name, hold: t.hold, systemCode: null },
      "rule",
    );
  }
  return current;
}

/**
 * 住所エラー follows the ship-tos the order's parcels go to: on when one lacks a part or its postal code
 * belongs to another prefecture (the timeline says what is wrong), off once the mall's change fixes it.
 * Checked at 確認待, and again whenever the mall changes a ship-to or a gift's address arrives.
 */
export async function shipToCheck(batch: OrderBatch, order: LoadedOrder): Promise<LoadedOrder> {
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
    return detached instanceof Refusal ? order : batch.writes.recordDecision(order, detached, batch.meta);
  }
  if (attached) return order;
  batch.writes.recordEvents(
    order.row,
    [{ type: "address_error", message: `住所エラー: ${problems.join("。")}`, detail: { problems } }],
    batch.meta,
  );
  return attachIfAbsent(batch, order, await batch.systemTag(order.row.accountId, "address_error"), "system");
}

/**
 * 未登録のモール値 follows the values the mall's last read could not place (domain/unknown-mall-values.ts):
 * each tag on while a value of its kinds is there, off once the shop's master (or the mall) resolves it.
 */
export async function followUnknownValues(batch: OrderBatch, order: LoadedOrder): Promise<LoadedOrder> {
  const wanted = unknownValueTags((order.row.unknownMallValues ?? []) as UnknownMallValue[]);
  let current = order;
  for (const code of UNKNOWN_VALUE_TAGS) {
    const attached = current.snapshot.tags.find((t) => t.systemCode === code);
    if (wanted.includes(code) && !attached) {
      current = attachIfAbsent(batch, current, await batch.systemTag(current.row.accountId, code), "system");
    } else if (!wanted.includes(code) && attached) {
      const detached = detachTag(current.snapshot, attached.tagId, false);
      if (!(detached instanceof Refusal))
        current = batch.writes.recordDecision(current, detached, batch.meta);
    }
  }
  return current;
}

/**
 * 請求金額不一致 follows a mall's order's amounts (domain/billed-total.ts): on, with both amounts and the
 * difference on the timeline, when Juchu's sum of the lines with their オプション金額 is not the mall's
 * 請求金額; off once an import or the オプション金額表 makes them agree. Decided from the loaded order
 * alone. Orders a person registered have no mall bill to compare with.
 */
export async function billedTotalCheck(batch: OrderBatch, order: LoadedOrder): Promise<LoadedOrder> {
  if (order.row.source !== "import") return order;
  const gap = billedTotalGap({ ...order.row, items: order.items });
  const attached = order.snapshot.tags.find((t) => t.systemCode === "total_mismatch");
  if (!gap) {
    if (!attached) return order;
    const detached = detachTag(order.snapshot, attached.tagId, false);
    return detached instanceof Refusal ? order : batch.writes.recordDecision(order, detached, batch.meta);
  }
  if (attached) return order;
  batch.writes.recordEvents(
    order.row,
    [{ type: "total_mismatch", message: gapMessage(gap), detail: gap }],
    batch.meta,
  );
  return attachIfAbsent(batch, order, await batch.systemTag(order.row.accountId, "total_mismatch"), "system");
}

function attachIfAbsent(
  batch: OrderBatch,
  order: LoadedOrder,
  tag: { tagId: string; name: string; hold: boolean; systemCode: string | null },
  by: "rule" | "system",
): LoadedOrder {
  const decision = attachTag(order.snapshot, tag, by);
  return decision instanceof Error ? order : batch.writes.recordDecision(order, decision, batch.meta);
}

/** The facts a tag rule can look at, for one order (its buyer's order count, its products' SKUs). */
async function tagRuleFactsIn(batch: OrderBatch, order: LoadedOrder): Promise<TagRuleFacts> {
  const productIds = order.items.flatMap((i) => i.mapping?.components.map((c) => c.productId) ?? []);
  return tagRuleFactsOf({
    ...order.row,
    shipTo: order.row.shipTo as { name: string; prefecture: string; phone: string },
    items: order.items,
    productSkus: await batch.skus(productIds),
    buyerOrderCount: await batch.buyerOrderCount(order),
  });
}

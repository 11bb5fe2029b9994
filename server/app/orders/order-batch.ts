import { and, count, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import type { LoadedOrder } from "#server/db/orders/order-queries.ts";
import { OrderWrites } from "#server/db/orders/order-writes.ts";
import { orders, products, shops, tags } from "#server/db/schema.ts";
import type { AttachedTag } from "#server/domain/order.ts";
import type { ShopSettings } from "#server/domain/shop-settings.ts";
import type { SystemTagCode } from "#server/domain/system-tags.ts";
import type { TagRule } from "#server/domain/tag-rules.ts";
import type { JobQueue } from "#server/jobs/queue.ts";
import type { ChannelRegistry } from "#server/ports/channel.ts";

type Meta = { actor: string; now: Date };
type BatchShop = { settings: ShopSettings; channel: string };
export type RuleTag = { id: string; name: string; hold: boolean; rule: TagRule };

/**
 * What orders moving on together share in one transaction: the writes they record (flushed together)
 * and what they read — shop settings, system tags, tag rules, buyers' order counts, SKUs — read once
 * per batch, not once per order.
 */
export class OrderBatch {
  readonly writes = new OrderWrites();
  private shopsOf = new Map<string, BatchShop>();
  private systemTagsOf = new Map<string, Map<string, AttachedTag>>();
  private ruleTagsOf = new Map<string, RuleTag[]>();
  private buyerCounts = new Map<string, number>();
  private skuOf = new Map<string, string>();

  readonly tx: Db;
  readonly jobs: JobQueue | null;
  /** What each shop's channel can do (注文確認 and its rule); null where no order is moved on. */
  readonly channels: ChannelRegistry | null;
  readonly meta: Meta;

  constructor(tx: Db, ctx: { jobs: JobQueue; channels: ChannelRegistry } | null, meta: Meta) {
    this.tx = tx;
    this.jobs = ctx?.jobs ?? null;
    this.channels = ctx?.channels ?? null;
    this.meta = meta;
  }

  /** Writes what was recorded; answers the new orders a concurrent transaction had taken the number of. */
  flush(): Promise<Set<string>> {
    return this.writes.flush(this.tx, this.jobs);
  }

  knowShop(shop: { id: string; settings: unknown; channel: string }): void {
    this.shopsOf.set(shop.id, { settings: shop.settings as ShopSettings, channel: shop.channel });
  }

  async shop(shopId: string): Promise<BatchShop> {
    const known = this.shopsOf.get(shopId);
    if (known) return known;
    const [shop] = await this.tx
      .select({ settings: shops.settings, channel: shops.channel })
      .from(shops)
      .where(eq(shops.id, shopId));
    if (!shop) throw new Error(`shop ${shopId} vanished`);
    this.knowShop({ id: shopId, ...shop });
    return { settings: shop.settings as ShopSettings, channel: shop.channel };
  }

  async settings(shopId: string): Promise<ShopSettings> {
    return (await this.shop(shopId)).settings;
  }

  async systemTag(accountId: string, code: SystemTagCode): Promise<AttachedTag> {
    let byCode = this.systemTagsOf.get(accountId);
    if (!byCode) {
      const rows = await this.tx
        .select({ tagId: tags.id, name: tags.name, hold: tags.hold, systemCode: tags.systemCode })
        .from(tags)
        .where(and(eq(tags.accountId, accountId), eq(tags.kind, "system")));
      byCode = new Map(rows.map((t) => [t.systemCode ?? "", t]));
      this.systemTagsOf.set(accountId, byCode);
    }
    const tag = byCode.get(code);
    if (!tag) throw new Error(`account ${accountId} has no system tag ${code}`);
    return tag;
  }

  /** Custom tags with a rule, under a shared lock: a tag deleted or un-held meanwhile waits for this batch. */
  async ruleTags(accountId: string): Promise<RuleTag[]> {
    const known = this.ruleTagsOf.get(accountId);
    if (known) return known;
    const rows = await this.tx
      .select({ id: tags.id, name: tags.name, hold: tags.hold, rule: tags.rule })
      .from(tags)
      .where(and(eq(tags.accountId, accountId), eq(tags.kind, "custom")))
      .for("share");
    const withRules = rows.filter((t) => t.rule !== null).map((t) => ({ ...t, rule: t.rule as TagRule }));
    this.ruleTagsOf.set(accountId, withRules);
    return withRules;
  }

  /**
   * Reads how many live orders each buyer has and the SKUs of their products — one statement each,
   * for the accounts that have tag rules. Orders `notYetWritten` (a batch of new ones, in arrival
   * order) count themselves and the batch's orders before them, not after, as if registered one by one.
   */
  async prefetchFacts(all: readonly LoadedOrder[], notYetWritten: boolean): Promise<void> {
    const byAccount = new Map<string, Set<string>>();
    for (const o of all)
      byAccount.set(o.row.accountId, (byAccount.get(o.row.accountId) ?? new Set()).add(o.row.buyerEmail));
    // Only the rules look at these facts: an account without rules needs neither.
    for (const accountId of byAccount.keys())
      if ((await this.ruleTags(accountId)).length === 0) byAccount.delete(accountId);
    const loaded = all.filter((o) => byAccount.has(o.row.accountId));
    for (const [accountId, emails] of byAccount) {
      const rows = await this.tx
        .select({ email: orders.buyerEmail, n: count() })
        .from(orders)
        .where(
          and(
            eq(orders.accountId, accountId),
            inArray(orders.buyerEmail, [...emails]),
            isNull(orders.deletedAt),
          ),
        )
        .groupBy(orders.buyerEmail);
      const counts = new Map(rows.map((r) => [r.email, r.n]));
      for (const o of loaded) {
        if (o.row.accountId !== accountId) continue;
        const written = counts.get(o.row.buyerEmail) ?? 0;
        if (!notYetWritten) this.buyerCounts.set(o.row.id, Math.max(1, written));
        else {
          counts.set(o.row.buyerEmail, written + 1);
          this.buyerCounts.set(o.row.id, written + 1);
        }
      }
    }
    const productIds = [
      ...new Set(
        loaded.flatMap((o) => o.items.flatMap((i) => i.mapping?.components.map((c) => c.productId) ?? [])),
      ),
    ];
    const unknown = productIds.filter((id) => !this.skuOf.has(id));
    if (unknown.length > 0) {
      const rows = await this.tx
        .select({ id: products.id, sku: products.sku })
        .from(products)
        .where(inArray(products.id, unknown));
      for (const r of rows) this.skuOf.set(r.id, r.sku);
    }
  }

  async buyerOrderCount(order: LoadedOrder): Promise<number> {
    const known = this.buyerCounts.get(order.row.id);
    if (known !== undefined) return known;
    const [row] = await this.tx
      .select({ n: count() })
      .from(orders)
      .where(
        and(
          eq(orders.accountId, order.row.accountId),
          eq(orders.buyerEmail, order.row.buyerEmail),
          isNull(orders.deletedAt),
        ),
      );
    return row?.n ?? 1;
  }

  async skus(productIds: readonly string[]): Promise<string[]> {
    const wanted = [...new Set(productIds)];
    const unknown = wanted.filter((id) => !this.skuOf.has(id));
    if (unknown.length > 0) {
      const rows = await this.tx
        .select({ id: products.id, sku: products.sku })
        .from(products)
        .where(inArray(products.id, unknown));
      for (const r of rows) this.skuOf.set(r.id, r.sku);
    }
    return wanted.flatMap((id) => {
      const sku = this.skuOf.get(id);
      return sku === undefined ? [] : [sku];
    });
  }
}

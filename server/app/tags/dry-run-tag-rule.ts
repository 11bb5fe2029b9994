import { and, eq } from "drizzle-orm";
import { tags } from "#server/db/schema.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { evaluateTagRule, type TagRule } from "#server/domain/tag-rules.ts";
import type { AppContext } from "../context.ts";
import { type RecentOrder, recentOrderFacts } from "../orders/recent-order-facts.ts";

export const DRY_RUN_DEFAULT_LIMIT = 500;
export const DRY_RUN_MAX_LIMIT = 5000;
/** The count is exact; the list is for a person to glance at, so it stops here. */
export const DRY_RUN_LISTED = 100;

export type DryRun = { examined: number; matched: number; orders: RecentOrder[] };

/**
 * 試し実行: which of the account's last `limit` live orders the rule would have matched, through the
 * same evaluation the order flow uses. Nothing is tagged.
 */
export async function dryRunTagRule(
  ctx: AppContext,
  accountId: string,
  rule: TagRule,
  limit = DRY_RUN_DEFAULT_LIMIT,
): Promise<DryRun> {
  // One snapshot for the four queries, so an order arriving meanwhile cannot half-appear.
  const recent = await ctx.db.transaction((tx) => recentOrderFacts(tx, accountId, limit), {
    isolationLevel: "repeatable read",
    accessMode: "read only",
  });
  const matching = recent.filter((r) => evaluateTagRule(rule, r.facts)).map((r) => r.order);
  return { examined: recent.length, matched: matching.length, orders: matching.slice(0, DRY_RUN_LISTED) };
}

/** The dry run of a saved tag's rule; a tag without a rule is attached by hand only. */
export async function dryRunSavedTag(
  ctx: AppContext,
  accountId: string,
  tagId: string,
  limit = DRY_RUN_DEFAULT_LIMIT,
): Promise<DryRun & { rule: TagRule }> {
  const [tag] = await ctx.db
    .select({ name: tags.name, rule: tags.rule })
    .from(tags)
    .where(and(eq(tags.id, tagId), eq(tags.accountId, accountId)));
  if (!tag) throw notFound("tag", "タグ");
  if (tag.rule === null) {
    throw new Refusal(
      "tag.rule_missing",
      `タグ「${tag.name}」には条件がないため試せません。条件を設定するか、条件を指定して試してください。`,
    );
  }
  const rule = tag.rule as TagRule;
  return { ...(await dryRunTagRule(ctx, accountId, rule, limit)), rule };
}

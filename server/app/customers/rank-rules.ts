import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { isUniqueViolation } from "#server/db/errors.ts";
import { customerRanks, tags } from "#server/db/schema.ts";
import { type CustomerRankRule, describeRank, renameRankInRule } from "#server/domain/customer-ranks.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import type { TagRule } from "#server/domain/tag-rules.ts";
import type { AppContext } from "../context.ts";
import { ranksChanged } from "./refresh-ranks.ts";

export type RankRuleView = CustomerRankRule & { id: string; description: string };

/** More ranks than this is a price list, not a ranking a merchant keeps in mind. */
export const MAX_RANKS = 20;

const columns = {
  id: customerRanks.id,
  name: customerRanks.name,
  priority: customerRanks.priority,
  minOrderCount: customerRanks.minOrderCount,
  minAmount: customerRanks.minAmount,
  periodDays: customerRanks.periodDays,
};
const view = (r: CustomerRankRule & { id: string }): RankRuleView => ({ ...r, description: describeRank(r) });

/** 顧客ランク設定, in the order ranks are checked. */
export async function listRankRules(ctx: AppContext, accountId: string): Promise<RankRuleView[]> {
  const rows = await ctx.db
    .select(columns)
    .from(customerRanks)
    .where(eq(customerRanks.accountId, accountId))
    .orderBy(asc(customerRanks.priority), asc(customerRanks.name));
  return rows.map(view);
}

const nameTaken = (name: string) =>
  new Refusal("customer_rank.name_taken", `「${name}」という顧客ランクはもうあります。`, {
    rule: "unique_name",
    errors: [{ path: "name", message: "同じ名前のランクがあります。別の名前にしてください" }],
  });

/**
 * Adds (id null) or changes a rank. Customers' ranks follow within minutes (the sweep); an order keeps
 * the rank it was placed at.
 */
export async function saveRankRule(
  ctx: AppContext,
  accountId: string,
  id: string | null,
  input: CustomerRankRule,
): Promise<RankRuleView> {
  try {
    return await ctx.db.transaction(async (tx) => {
      let saved: (CustomerRankRule & { id: string }) | undefined;
      if (id === null) {
        const held = await tx.$count(customerRanks, eq(customerRanks.accountId, accountId));
        if (held >= MAX_RANKS)
          throw new Refusal("customer_rank.too_many", `顧客ランクは${MAX_RANKS}個までです。`, {
            rule: "max_ranks",
          });
        [saved] = await tx
          .insert(customerRanks)
          .values({ id: ctx.newId(), accountId, ...input })
          .returning(columns);
      } else {
        const [before] = await tx
          .select({ name: customerRanks.name })
          .from(customerRanks)
          .where(and(eq(customerRanks.id, id), eq(customerRanks.accountId, accountId)))
          .for("update");
        if (before && before.name !== input.name)
          await renameInTagRules(tx, accountId, before.name, input.name);
        [saved] = await tx
          .update(customerRanks)
          .set({ ...input, updatedAt: ctx.clock.now() })
          .where(and(eq(customerRanks.id, id), eq(customerRanks.accountId, accountId)))
          .returning(columns);
      }
      if (!saved) throw notFound("customer_rank", "顧客ランク");
      await ranksChanged(tx, accountId);
      return view(saved);
    });
  } catch (error) {
    if (isUniqueViolation(error, "customer_ranks_account_name_key")) throw nameTaken(input.name);
    throw error;
  }
}

/** Tag rules name ranks by name: a renamed rank's conditions follow it, so no rule silently stops matching. */
async function renameInTagRules(tx: Db, accountId: string, from: string, to: string): Promise<void> {
  const withRules = await tx
    .select({ id: tags.id, rule: tags.rule })
    .from(tags)
    .where(and(eq(tags.accountId, accountId), eq(tags.kind, "custom"), isNotNull(tags.rule)));
  for (const tag of withRules) {
    const renamed = renameRankInRule(tag.rule as TagRule, from, to);
    if (renamed) await tx.update(tags).set({ rule: renamed }).where(eq(tags.id, tag.id));
  }
}

export async function deleteRankRule(ctx: AppContext, accountId: string, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(customerRanks)
      .where(and(eq(customerRanks.id, id), eq(customerRanks.accountId, accountId)))
      .returning({ id: customerRanks.id });
    if (gone.length === 0) throw notFound("customer_rank", "顧客ランク");
    await ranksChanged(tx, accountId);
  });
}

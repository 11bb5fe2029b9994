import { count, eq } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { accounts, shops } from "#server/db/schema.ts";
import { type Feature, featureRefusal, type PlanCode } from "#server/domain/plans.ts";
import { notFound } from "#server/domain/refusal.ts";

/**
 * The account's plan as stored now. Use cases whose limit is in the data (shops, a warehouse's
 * linkage, jobs that run without a request) read it here rather than trusting a request's copy.
 * `lock` holds the account row until the transaction ends, so two shops created at once count each other.
 */
export async function planOf(db: Db, accountId: string, lock = false): Promise<PlanCode> {
  const query = db.select({ plan: accounts.plan }).from(accounts).where(eq(accounts.id, accountId));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("account", "事業者");
  return row.plan as PlanCode;
}

/** Throws plan.feature_not_included (naming the plan that has it) unless the account's plan has the feature. */
export async function requireFeature(db: Db, accountId: string, feature: Feature): Promise<void> {
  const refusal = featureRefusal(await planOf(db, accountId), feature);
  if (refusal) throw refusal;
}

/** What the plan's limits count: the shops the account has registered. */
export async function shopsOf(db: Db, accountId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(shops).where(eq(shops.accountId, accountId));
  return row?.n ?? 0;
}

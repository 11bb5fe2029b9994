import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { accounts, users } from "#server/db/schema.ts";
import { PLAN_CODES, PLANS, type PlanCode } from "#server/domain/plans.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { shopsOf } from "./account-plan.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PlanChange = {
  accountId: string;
  accountName: string;
  before: PlanCode;
  after: PlanCode;
  /** Shops beyond the new plan's limit: they keep working, only a new one is refused. */
  shopsOverLimit: number;
};

/**
 * An operator sets an account's plan (`npm run juchu -- account plan`), naming the account by its id or
 * by the e-mail of one of its users. Routes and jobs read the plan on their next request or run.
 */
export async function setAccountPlan(db: Db, input: { account: string; plan: string }): Promise<PlanChange> {
  if (!(PLAN_CODES as readonly string[]).includes(input.plan)) {
    const message = `プランは ${PLAN_CODES.join(", ")} のいずれかです`;
    throw new Refusal("validation.failed", message, { errors: [{ path: "plan", message }] });
  }
  const plan = input.plan as PlanCode;
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select({ id: accounts.id, name: accounts.name, plan: accounts.plan })
      .from(accounts)
      .where(
        UUID.test(input.account)
          ? eq(accounts.id, input.account)
          : eq(
              accounts.id,
              tx
                .select({ id: users.accountId })
                .from(users)
                .where(and(sql`lower(${users.email}) = lower(${input.account})`, isNull(users.removedAt)))
                .limit(1),
            ),
      )
      .for("update");
    if (!account) throw notFound("account", `事業者「${input.account}」`);
    await tx.update(accounts).set({ plan }).where(eq(accounts.id, account.id));
    const limit = PLANS[plan].shopLimit;
    const shops = await shopsOf(tx, account.id);
    return {
      accountId: account.id,
      accountName: account.name,
      before: account.plan as PlanCode,
      after: plan,
      shopsOverLimit: limit === null ? 0 : Math.max(0, shops - limit),
    };
  });
}

import { sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { accounts } from "#server/db/schema.ts";
import { Refusal } from "#server/domain/refusal.ts";
import type { AppContext } from "../context.ts";
import { createAccount, type NewAccount } from "./create-account.ts";

// Any fixed number will do, as long as nothing else locks it: it serialises concurrent set-ups.
const SETUP_LOCK = 7261003;

export async function setupRequired(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: accounts.id }).from(accounts).limit(1);
  return !row;
}

/**
 * 初期設定: on an empty installation, whoever opens the admin first creates the first account. Once any
 * account exists this is refused, so a public server cannot be claimed by a stranger later.
 */
export async function setUpFirstAccount(
  ctx: Pick<AppContext, "db" | "newId">,
  input: NewAccount,
): Promise<{ accountId: string; userId: string; apiToken: string }> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    if (!(await setupRequired(tx))) {
      throw new Refusal("setup.already_done", "初期設定は完了しています。ログインしてください。");
    }
    return createAccount({ db: tx, newId: ctx.newId }, input);
  });
}

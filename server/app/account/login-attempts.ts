import { inArray, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { loginAttempts } from "#server/db/schema.ts";
import { LOGIN_WINDOW_MS, type LoginAttempts } from "#server/domain/login-throttle.ts";

export type LoginClient = { email: string; address: string };

const keysOf = ({ email, address }: LoginClient) => {
  const lower = email.toLowerCase();
  return { address: `address:${address}`, client: `client:${address} ${lower}`, email: `email:${lower}` };
};

/**
 * Counts this attempt — per client, per address and per e-mail, in one statement — before the password
 * is checked, and answers the counts with it: parallel guesses each see the ones before them.
 */
export async function countLoginAttempt(db: Db, who: LoginClient, now: Date): Promise<LoginAttempts> {
  const keys = keysOf(who);
  const expired = sql`${loginAttempts.windowStartedAt} <= ${new Date(now.getTime() - LOGIN_WINDOW_MS)}`;
  const rows = await db
    .insert(loginAttempts)
    // Always in this order, so two attempts sharing keys lock them in the same order.
    .values(
      [keys.address, keys.client, keys.email].map((key) => ({ key, attempts: 1, windowStartedAt: now })),
    )
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        attempts: sql`case when ${expired} then 1 else ${loginAttempts.attempts} + 1 end`,
        windowStartedAt: sql`case when ${expired} then excluded.window_started_at else ${loginAttempts.windowStartedAt} end`,
      },
    })
    .returning();
  const count = (key: string) => {
    const row = rows.find((r) => r.key === key);
    if (!row) throw new Error(`login attempt ${key} was not counted`);
    return { attempts: row.attempts, since: row.windowStartedAt };
  };
  return { address: count(keys.address), client: count(keys.client), email: count(keys.email) };
}

/** The right password: this client starts afresh, and this attempt is no failure of the address or e-mail. */
export async function forgiveLoginAttempt(db: Db, who: LoginClient, now: Date): Promise<void> {
  const keys = keysOf(who);
  await db
    .delete(loginAttempts)
    .where(
      sql`${loginAttempts.key} = ${keys.client} or ${loginAttempts.windowStartedAt} <= ${new Date(now.getTime() - LOGIN_WINDOW_MS)}`,
    );
  await db
    .update(loginAttempts)
    .set({ attempts: sql`greatest(${loginAttempts.attempts} - 1, 0)` })
    .where(inArray(loginAttempts.key, [keys.address, keys.email]));
}

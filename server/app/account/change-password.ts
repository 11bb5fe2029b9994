import { and, eq, ne } from "drizzle-orm";
import { sessions, users } from "#server/db/schema.ts";
import { loginRefusal } from "#server/domain/login-throttle.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { hashPassword, verifyPassword } from "../channels/credentials.ts";
import type { AppContext } from "../context.ts";
import { countLoginAttempt, forgiveLoginAttempt } from "./login-attempts.ts";

/**
 * パスワードの変更. The current password is asked (and its guesses counted as log-in attempts, so a
 * borrowed cookie cannot try passwords freely); every other session of the user ends, the one in
 * use stays.
 */
export async function changePassword(
  ctx: Pick<AppContext, "db" | "clock">,
  who: { userId: string; sessionId: string; address: string },
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const now = ctx.clock.now();
  const [user] = await ctx.db
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, who.userId));
  if (!user?.passwordHash) throw new Error(`signed-in user ${who.userId} has no password`);
  const client = { email: user.email, address: who.address };
  const refusal = loginRefusal(await countLoginAttempt(ctx.db, client, now), now);
  if (refusal) throw refusal;
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new Refusal("user.wrong_password", "現在のパスワードが正しくありません。", {
      errors: [{ path: "currentPassword", message: "現在のパスワードが正しくありません" }],
    });
  }
  await forgiveLoginAttempt(ctx.db, client, now);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, who.userId));
    await tx.delete(sessions).where(and(eq(sessions.userId, who.userId), ne(sessions.id, who.sessionId)));
  });
}

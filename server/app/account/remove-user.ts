import { eq } from "drizzle-orm";
import { sessions, userInvitations, users } from "#server/db/schema.ts";
import { lastOwnerRefusal } from "#server/domain/users.ts";
import type { AppContext } from "../context.ts";
import { lockUser } from "./user-lock.ts";

/**
 * ユーザーの削除: their sessions and open invitation end at once; the row stays (removed_at) so the
 * timeline still names them and their e-mail may be invited again. API tokens they made belong to
 * the account and keep working until revoked.
 */
export async function removeUser(
  ctx: Pick<AppContext, "db" | "clock">,
  accountId: string,
  userId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { target, otherActiveOwners } = await lockUser(tx, accountId, userId);
    const refusal = lastOwnerRefusal(target, { role: target.role, status: "removed" }, otherActiveOwners);
    if (refusal) throw refusal;
    await tx.update(users).set({ removedAt: ctx.clock.now() }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.delete(userInvitations).where(eq(userInvitations.userId, userId));
  });
}

import { eq } from "drizzle-orm";
import { sessions, users } from "#server/db/schema.ts";
import type { Role } from "#server/domain/access.ts";
import { lastOwnerRefusal, userStatus } from "#server/domain/users.ts";
import type { AppContext } from "../context.ts";
import { lockUser } from "./user-lock.ts";

export type UserChange = {
  name?: string | undefined;
  role?: Role | undefined;
  disabled?: boolean | undefined;
};

/**
 * 名前・権限の変更と無効化/有効化. Disabling ends the user's sessions in the same transaction; the
 * account's last owner who can log in keeps that standing.
 */
export async function changeUser(
  ctx: Pick<AppContext, "db" | "clock">,
  accountId: string,
  userId: string,
  change: UserChange,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { target, otherActiveOwners } = await lockUser(tx, accountId, userId);
    const role = change.role ?? target.role;
    const disabledAt =
      change.disabled === undefined
        ? target.disabledAt
        : change.disabled
          ? (target.disabledAt ?? ctx.clock.now())
          : null;
    const after = { role, status: userStatus({ passwordHash: target.passwordHash, disabledAt }) };
    const refusal = lastOwnerRefusal(target, after, otherActiveOwners);
    if (refusal) throw refusal;
    await tx
      .update(users)
      .set({ ...(change.name !== undefined ? { name: change.name } : {}), role, disabledAt })
      .where(eq(users.id, userId));
    if (disabledAt) await tx.delete(sessions).where(eq(sessions.userId, userId));
  });
}

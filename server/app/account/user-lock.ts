import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { accounts, users } from "#server/db/schema.ts";
import type { Role } from "#server/domain/access.ts";
import { notFound } from "#server/domain/refusal.ts";
import { type UserStatus, userStatus } from "#server/domain/users.ts";

export type LockedUser = {
  target: {
    id: string;
    email: string;
    role: Role;
    status: UserStatus;
    passwordHash: string | null;
    disabledAt: Date | null;
  };
  /** Owners other than the target who can log in now: the last-owner rule counts them. */
  otherActiveOwners: number;
};

/**
 * Loads a user of the account for a change to their role, standing or existence. Changes to one
 * account's people queue behind its row, so two owners demoting each other at once cannot both pass
 * the last-owner check.
 */
export async function lockUser(tx: Db, accountId: string, userId: string): Promise<LockedUser> {
  await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    // Not a plain FOR UPDATE: that would also hold up every insert referencing the account meanwhile.
    .for("no key update");
  const rows = await tx
    .select({
      id: users.id,
      email: users.email,
      role: users.role,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(and(eq(users.accountId, accountId), isNull(users.removedAt)));
  const target = rows.find((r) => r.id === userId);
  if (!target) throw notFound("user", "ユーザー");
  const otherActiveOwners = rows.filter(
    (r) => r.id !== userId && r.role === "owner" && userStatus(r) === "active",
  ).length;
  return {
    target: { ...target, role: target.role as Role, status: userStatus(target) },
    otherActiveOwners,
  };
}

import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { userInvitations, users } from "#server/db/schema.ts";
import type { Role } from "#server/domain/access.ts";
import { type UserStatus, userStatus } from "#server/domain/users.ts";

export type UserRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: UserStatus;
  lastLoginAt: Date | null;
  createdAt: Date;
  invitationExpiresAt: Date | null;
};

const columns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  passwordHash: users.passwordHash,
  disabledAt: users.disabledAt,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  invitationExpiresAt: userInvitations.expiresAt,
};

/** ユーザー一覧: everyone of the account but the removed, with their open invitation (one at most: re-issuing replaces it). */
export async function listUsers(db: Db, accountId: string, userId?: string): Promise<UserRow[]> {
  const rows = await db
    .select(columns)
    .from(users)
    .leftJoin(userInvitations, and(eq(userInvitations.userId, users.id), isNull(userInvitations.acceptedAt)))
    .where(
      and(eq(users.accountId, accountId), isNull(users.removedAt), userId ? eq(users.id, userId) : undefined),
    )
    .orderBy(asc(users.createdAt), asc(users.id));
  return rows.map(({ passwordHash, disabledAt, ...row }) => {
    const status = userStatus({ passwordHash, disabledAt });
    return {
      ...row,
      role: row.role as Role,
      status,
      invitationExpiresAt: status === "invited" ? row.invitationExpiresAt : null,
    };
  });
}

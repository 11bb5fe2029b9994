import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { accounts, userInvitations, users } from "#server/db/schema.ts";
import { notFound } from "#server/domain/refusal.ts";
import { hashApiToken, hashPassword } from "../channels/credentials.ts";
import type { AppContext } from "../context.ts";

export type OpenInvitation = {
  id: string;
  userId: string;
  accountId: string;
  email: string;
  name: string;
  accountName: string;
  expiresAt: Date;
};

// Used, expired, re-issued, unknown, or its user disabled or removed since: all the same "no" to a
// stranger holding the link.
const gone = () => notFound("invitation", "招待(期限切れか使用済み)");

/** The invitation a link names while it can still be used, else null. */
export async function findInvitation(
  db: Db,
  token: string,
  now: Date,
  lock = false,
): Promise<OpenInvitation | null> {
  const query = db
    .select({
      id: userInvitations.id,
      userId: users.id,
      accountId: users.accountId,
      email: users.email,
      name: users.name,
      accountName: accounts.name,
      expiresAt: userInvitations.expiresAt,
    })
    .from(userInvitations)
    .innerJoin(users, eq(users.id, userInvitations.userId))
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(
      and(
        eq(userInvitations.tokenHash, hashApiToken(token)),
        isNull(userInvitations.acceptedAt),
        gt(userInvitations.expiresAt, now),
        isNull(users.passwordHash),
        isNull(users.disabledAt),
        isNull(users.removedAt),
      ),
    );
  const [row] = lock ? await query.for("update", { of: userInvitations }) : await query;
  return row ?? null;
}

export async function showInvitation(db: Db, token: string, now: Date): Promise<OpenInvitation> {
  const found = await findInvitation(db, token, now);
  if (!found) throw gone();
  return found;
}

/**
 * 招待の受諾: the invitee sets their password (and may correct their name); the link is used up in
 * the same transaction, so a second click — or a second tab at the same moment — finds nothing.
 */
export async function acceptInvitation(
  ctx: Pick<AppContext, "db" | "clock">,
  token: string,
  input: { password: string; name?: string | undefined },
): Promise<{ userId: string; accountId: string }> {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const found = await findInvitation(tx, token, now, true);
    if (!found) throw gone();
    await tx.update(userInvitations).set({ acceptedAt: now }).where(eq(userInvitations.id, found.id));
    await tx
      .update(users)
      .set({ passwordHash, ...(input.name ? { name: input.name } : {}) })
      .where(eq(users.id, found.userId));
    return { userId: found.userId, accountId: found.accountId };
  });
}

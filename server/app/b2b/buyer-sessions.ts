import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { accounts, buyerCompanies, buyerInvitations, buyerSessions, buyerUsers } from "#server/db/schema.ts";
import { loginRefusal } from "#server/domain/login-throttle.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { countLoginAttempt, forgiveLoginAttempt } from "../account/login-attempts.ts";
import { hashApiToken, hashPassword, verifyPassword } from "../channels/credentials.ts";
import type { AppContext } from "../context.ts";

/** A buyer orders now and then, not all day: a week without use logs them out. */
const BUYER_SESSION_DAYS = 7;
const DAY = 24 * 60 * 60 * 1000;
const DECOY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/** Who a buyer request acts as: everything it reads is filtered by this company and account. */
export type BuyerPrincipal = {
  sessionId: string;
  buyerUserId: string;
  companyId: string;
  accountId: string;
  email: string;
  name: string;
  companyName: string;
  merchantName: string;
  expiresAt: Date;
};

// The buyers' counts never share a key with the merchant's users' (same throttle, own namespace).
const asBuyer = (email: string) => `buyer:${email}`;

export async function logInBuyer(
  ctx: Pick<AppContext, "db" | "clock" | "newId">,
  input: { email: string; password: string; address: string },
): Promise<{ token: string; buyer: BuyerPrincipal }> {
  const now = ctx.clock.now();
  const who = { email: asBuyer(input.email), address: input.address };
  const refusal = loginRefusal(await countLoginAttempt(ctx.db, who, now), now);
  if (refusal) throw refusal;
  const [user] = await ctx.db
    .select({ id: buyerUsers.id, accountId: buyerUsers.accountId, passwordHash: buyerUsers.passwordHash })
    .from(buyerUsers)
    .innerJoin(buyerCompanies, eq(buyerCompanies.id, buyerUsers.companyId))
    .where(
      and(
        sql`lower(${buyerUsers.email}) = lower(${input.email})`,
        isNull(buyerUsers.disabledAt),
        isNull(buyerCompanies.disabledAt),
      ),
    );
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DECOY_HASH);
  if (!user || !ok) {
    throw new Refusal("auth.invalid_credentials", "メールアドレスまたはパスワードが正しくありません。");
  }
  await forgiveLoginAttempt(ctx.db, who, now);
  return openBuyerSession(ctx, user.id, user.accountId);
}

async function openBuyerSession(
  ctx: Pick<AppContext, "db" | "clock" | "newId">,
  buyerUserId: string,
  accountId: string,
) {
  const now = ctx.clock.now();
  const token = `jbs_${randomBytes(32).toString("base64url")}`;
  await ctx.db.delete(buyerSessions).where(lt(buyerSessions.expiresAt, now));
  await ctx.db.insert(buyerSessions).values({
    id: ctx.newId(),
    tokenHash: hashApiToken(token),
    accountId,
    buyerUserId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + BUYER_SESSION_DAYS * DAY),
    lastSeenAt: now,
  });
  await ctx.db.update(buyerUsers).set({ lastLoginAt: now }).where(eq(buyerUsers.id, buyerUserId));
  const buyer = await findBuyerSession(ctx.db, token, now);
  if (!buyer) throw new Error("buyer session vanished right after it was opened");
  return { token, buyer };
}

/** The live session a buyer cookie names (its user and company still enabled), renewed daily; else null. */
export async function findBuyerSession(db: Db, token: string, now: Date): Promise<BuyerPrincipal | null> {
  const [row] = await db
    .select({
      sessionId: buyerSessions.id,
      buyerUserId: buyerUsers.id,
      companyId: buyerUsers.companyId,
      accountId: buyerUsers.accountId,
      email: buyerUsers.email,
      name: buyerUsers.name,
      companyName: buyerCompanies.name,
      merchantName: accounts.name,
      expiresAt: buyerSessions.expiresAt,
    })
    .from(buyerSessions)
    .innerJoin(buyerUsers, eq(buyerUsers.id, buyerSessions.buyerUserId))
    .innerJoin(buyerCompanies, eq(buyerCompanies.id, buyerUsers.companyId))
    .innerJoin(accounts, eq(accounts.id, buyerUsers.accountId))
    .where(
      and(
        eq(buyerSessions.tokenHash, hashApiToken(token)),
        gt(buyerSessions.expiresAt, now),
        isNull(buyerUsers.disabledAt),
        isNull(buyerCompanies.disabledAt),
      ),
    );
  if (!row) return null;
  const renewed = new Date(now.getTime() + BUYER_SESSION_DAYS * DAY);
  if (renewed.getTime() - row.expiresAt.getTime() < DAY) return row;
  await db
    .update(buyerSessions)
    .set({ expiresAt: renewed, lastSeenAt: now })
    .where(eq(buyerSessions.id, row.sessionId));
  return { ...row, expiresAt: renewed };
}

export async function logOutBuyer(db: Db, token: string): Promise<void> {
  await db.delete(buyerSessions).where(eq(buyerSessions.tokenHash, hashApiToken(token)));
}

const gone = () => notFound("invitation", "招待(期限切れか使用済み)");

async function openInvitation(db: Db, token: string, now: Date, lock = false) {
  const query = db
    .select({
      id: buyerInvitations.id,
      buyerUserId: buyerUsers.id,
      accountId: buyerUsers.accountId,
      email: buyerUsers.email,
      name: buyerUsers.name,
      companyName: buyerCompanies.name,
      merchantName: accounts.name,
      expiresAt: buyerInvitations.expiresAt,
    })
    .from(buyerInvitations)
    .innerJoin(buyerUsers, eq(buyerUsers.id, buyerInvitations.buyerUserId))
    .innerJoin(buyerCompanies, eq(buyerCompanies.id, buyerUsers.companyId))
    .innerJoin(accounts, eq(accounts.id, buyerUsers.accountId))
    .where(
      and(
        eq(buyerInvitations.tokenHash, hashApiToken(token)),
        isNull(buyerInvitations.acceptedAt),
        gt(buyerInvitations.expiresAt, now),
        isNull(buyerUsers.passwordHash),
        isNull(buyerUsers.disabledAt),
      ),
    );
  const [row] = lock ? await query.for("update", { of: buyerInvitations }) : await query;
  return row ?? null;
}

export async function showBuyerInvitation(db: Db, token: string, now: Date) {
  const found = await openInvitation(db, token, now);
  if (!found) throw gone();
  return found;
}

/** The buyer sets a password through the link (used up in the same transaction) and is signed in. */
export async function acceptBuyerInvitation(
  ctx: Pick<AppContext, "db" | "clock" | "newId">,
  token: string,
  input: { password: string; name?: string | undefined },
) {
  const passwordHash = await hashPassword(input.password);
  const accepted = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const found = await openInvitation(tx, token, now, true);
    if (!found) throw gone();
    await tx.update(buyerInvitations).set({ acceptedAt: now }).where(eq(buyerInvitations.id, found.id));
    await tx
      .update(buyerUsers)
      .set({ passwordHash, ...(input.name ? { name: input.name } : {}) })
      .where(eq(buyerUsers.id, found.buyerUserId));
    return found;
  });
  return openBuyerSession(ctx, accepted.buyerUserId, accepted.accountId);
}

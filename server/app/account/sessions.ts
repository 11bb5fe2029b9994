import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { accounts, sessions, users } from "#server/db/schema.ts";
import type { Role } from "#server/domain/access.ts";
import { loginRefusal } from "#server/domain/login-throttle.ts";
import type { PlanCode } from "#server/domain/plans.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { hashApiToken, verifyPassword } from "../channels/credentials.ts";
import type { AppContext } from "../context.ts";
import { countLoginAttempt, forgiveLoginAttempt, type LoginClient } from "./login-attempts.ts";

/** A merchant works in the order screen all day, every day: a fortnight without use logs them out. */
export const SESSION_DAYS = 14;
const DAY = 24 * 60 * 60 * 1000;
// Pushing the expiry on every request would turn each read into a write; once a day is enough.
const RENEW_AFTER = DAY;
// 「最終利用」 on the sessions screen is to the hour, for the same reason.
const SEEN_EVERY = 60 * 60 * 1000;

export type SessionUser = {
  sessionId: string;
  accountId: string;
  accountName: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  plan: PlanCode;
  expiresAt: Date;
  lastSeenAt: Date | null;
};

/** Where a session was opened from, shown on 「ログイン中の端末」 so its user recognises it. */
export type SessionClient = { userAgent: string | null; address: string | null };

// A hash of a stored password, so an unknown email costs as much time as a wrong password.
export const DECOY_HASH =
  "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/**
 * Checks the password — unless this client, address or e-mail has tried too often — and opens a
 * session; the returned token goes into the cookie and nowhere else.
 */
export async function logIn(
  ctx: Pick<AppContext, "db" | "clock" | "newId">,
  input: LoginClient & { password: string; userAgent: string | null },
): Promise<{ token: string; user: SessionUser }> {
  const now = ctx.clock.now();
  const refusal = loginRefusal(await countLoginAttempt(ctx.db, input, now), now);
  if (refusal) throw refusal;
  const [user] = await ctx.db
    .select({ id: users.id, accountId: users.accountId, passwordHash: users.passwordHash })
    .from(users)
    .where(
      and(
        sql`lower(${users.email}) = lower(${input.email})`,
        isNull(users.disabledAt),
        isNull(users.removedAt),
      ),
    );
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DECOY_HASH);
  if (!user || !ok) {
    throw new Refusal("auth.invalid_credentials", "メールアドレスまたはパスワードが正しくありません。");
  }
  await forgiveLoginAttempt(ctx.db, input, now);
  return openSession(ctx, user.id, user.accountId, { userAgent: input.userAgent, address: input.address });
}

export async function openSession(
  ctx: Pick<AppContext, "db" | "clock" | "newId">,
  userId: string,
  accountId: string,
  client: SessionClient,
): Promise<{ token: string; user: SessionUser }> {
  const now = ctx.clock.now();
  const token = `jcs_${randomBytes(32).toString("base64url")}`;
  await ctx.db.delete(sessions).where(lt(sessions.expiresAt, now));
  const id = ctx.newId();
  await ctx.db.insert(sessions).values({
    id,
    tokenHash: hashApiToken(token),
    accountId,
    userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_DAYS * DAY),
    lastSeenAt: now,
    // Only for a person to recognise the device: a browser's string is a few hundred characters at most.
    userAgent: client.userAgent?.slice(0, 300) ?? null,
    address: client.address,
  });
  await ctx.db.update(users).set({ lastLoginAt: now }).where(eq(users.id, userId));
  const user = await findSession(ctx.db, token, now);
  if (!user) throw new Error("session vanished right after it was opened");
  return { token, user };
}

/**
 * The live session a cookie token names, renewed when it has been used for a day and marked seen at
 * most hourly (one write an hour, not one per request); null when unknown or expired.
 */
export async function findSession(db: Db, token: string, now: Date): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      accountId: sessions.accountId,
      accountName: accounts.name,
      userId: sessions.userId,
      email: users.email,
      name: users.name,
      role: sql<Role>`${users.role}`,
      plan: sql<PlanCode>`${accounts.plan}`,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(
      and(
        eq(sessions.tokenHash, hashApiToken(token)),
        gt(sessions.expiresAt, now),
        // A disabled or removed user's cookie stops working at once, whatever else ended their sessions.
        isNull(users.disabledAt),
        isNull(users.removedAt),
      ),
    );
  if (!row) return null;
  const renewed = new Date(now.getTime() + SESSION_DAYS * DAY);
  const renew = renewed.getTime() - row.expiresAt.getTime() >= RENEW_AFTER;
  const seen = !row.lastSeenAt || now.getTime() - row.lastSeenAt.getTime() >= SEEN_EVERY;
  if (!renew && !seen) return row;
  const expiresAt = renew ? renewed : row.expiresAt;
  await db.update(sessions).set({ expiresAt, lastSeenAt: now }).where(eq(sessions.id, row.sessionId));
  return { ...row, expiresAt, lastSeenAt: now };
}

export async function logOut(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashApiToken(token)));
}

/**
 * The CSRF token is derived from the session token: the page reads it from the API (the cookie itself
 * is httpOnly) and sends it back in a header, which a cross-site form or image can never do.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash("sha256").update(`csrf:${sessionToken}`).digest("base64url");
}

export function csrfMatches(sessionToken: string, sent: string | undefined): boolean {
  if (!sent) return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const actual = Buffer.from(sent);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

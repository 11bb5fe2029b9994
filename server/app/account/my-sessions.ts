import { and, desc, eq, gt } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { sessions } from "#server/db/schema.ts";
import { notFound } from "#server/domain/refusal.ts";

/** ログイン中の端末: the user's own live sessions, the latest first. */
export async function listMySessions(db: Db, userId: string, now: Date) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userAgent: sessions.userAgent,
      address: sessions.address,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.createdAt), desc(sessions.id));
}

/** Ends one of the user's own sessions (a lost phone, a shared PC); anyone else's id is not found. */
export async function endMySession(db: Db, userId: string, sessionId: string): Promise<void> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  if (ended.length === 0) throw notFound("session", "セッション");
}

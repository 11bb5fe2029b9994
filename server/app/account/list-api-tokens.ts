import { and, asc, eq } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { apiTokens, users } from "#server/db/schema.ts";

/** APIトークン一覧, revoked ones included (with when), and who made each: one statement. */
export async function listApiTokens(db: Db, accountId: string, tokenId?: string) {
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      creatorId: users.id,
      creatorName: users.name,
      creatorEmail: users.email,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.accountId, accountId), tokenId ? eq(apiTokens.id, tokenId) : undefined))
    .orderBy(asc(apiTokens.createdAt), asc(apiTokens.id));
  return rows.map(({ creatorId, creatorName, creatorEmail, ...row }) => ({
    ...row,
    createdBy: creatorId ? { id: creatorId, name: creatorName ?? "", email: creatorEmail ?? "" } : null,
  }));
}

export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];

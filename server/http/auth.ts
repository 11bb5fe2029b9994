import { and, eq, isNull } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import type { Actor } from "#server/app/context.ts";
import { hashApiToken } from "#server/app/credentials.ts";
import type { Db } from "#server/db/database.ts";
import { apiTokens } from "#server/db/schema.ts";
import { Refusal } from "#server/domain/refusal.ts";

export type Auth = { accountId: string; actor: Actor };
export type HttpEnv = { Variables: { auth: Auth } };

/** Bearer API tokens for scripts. Every row a request sees is filtered by the account resolved here. */
export function requireAuth(db: Db): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization");
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token)
      throw new Refusal("auth.required", "Authorization: Bearer <APIトークン> ヘッダーが必要です。");
    const [row] = await db
      .select({ id: apiTokens.id, accountId: apiTokens.accountId })
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, hashApiToken(token)), isNull(apiTokens.revokedAt)));
    if (!row) throw new Refusal("auth.invalid_token", "APIトークンが正しくないか、無効化されています。");
    c.set("auth", { accountId: row.accountId, actor: { kind: "token", tokenId: row.id } });
    await next();
  };
}

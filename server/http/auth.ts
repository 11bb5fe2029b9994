import { and, eq, isNull } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { csrfMatches, findSession } from "#server/app/account/sessions.ts";
import { hashApiToken } from "#server/app/channels/credentials.ts";
import type { Actor } from "#server/app/context.ts";
import type { Db } from "#server/db/database.ts";
import { apiTokens } from "#server/db/schema.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { type Clock, systemClock } from "#server/ports/clock.ts";

export type Auth = { accountId: string; actor: Actor };
export type HttpEnv = { Variables: { auth: Auth } };

export const SESSION_COOKIE = "juchu_session";
export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Bearer API tokens for scripts, or the admin UI's session cookie. Every row a request sees is filtered
 * by the account resolved here. A cookie rides along on any request the browser makes, so a cookie
 * request that changes something must also carry the session's CSRF token in a header.
 */
export function requireAuth(db: Db, clock: Clock = systemClock): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization");
    const sessionToken = getCookie(c, SESSION_COOKIE);
    if (!header && sessionToken) {
      const session = await findSession(db, sessionToken, clock.now());
      if (!session)
        throw new Refusal(
          "auth.session_expired",
          "ログインの有効期限が切れました。もう一度ログインしてください。",
        );
      if (!SAFE_METHODS.has(c.req.method) && !csrfMatches(sessionToken, c.req.header(CSRF_HEADER))) {
        throw new Refusal(
          "auth.csrf_failed",
          `${CSRF_HEADER} ヘッダーのCSRFトークンがないか、正しくありません。`,
        );
      }
      c.set("auth", { accountId: session.accountId, actor: { kind: "user", userId: session.userId } });
      return next();
    }
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

import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { csrfMatches, findSession } from "#server/app/account/sessions.ts";
import { hashApiToken } from "#server/app/channels/credentials.ts";
import type { Actor } from "#server/app/context.ts";
import type { Db } from "#server/db/database.ts";
import { accounts, apiTokens } from "#server/db/schema.ts";
import {
  allows,
  isPermission,
  type Permission,
  permissionLabel,
  permissionsOfRole,
} from "#server/domain/access.ts";
import { type Feature, featureRefusal, type PlanCode } from "#server/domain/plans.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { type Clock, systemClock } from "#server/ports/clock.ts";

/** A request's account, who acts, what they may do (a user's role or a token's scopes) and the account's plan. */
export type Auth = {
  accountId: string;
  actor: Actor;
  permissions: ReadonlySet<Permission>;
  plan: PlanCode;
  /** The admin UI's session when signed in with a cookie: what 「ほかの端末からログアウト」 keeps. */
  sessionId: string | null;
};
export type HttpEnv = { Variables: { auth: Auth } };

export const SESSION_COOKIE = "juchu_session";
export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A cookie rides along on any request the browser makes: a change must also carry the CSRF token
 * derived from that cookie's session (the merchant's or a buyer's), which another site cannot read.
 */
export function requireCsrf(c: Context, sessionToken: string): void {
  if (SAFE_METHODS.has(c.req.method) || csrfMatches(sessionToken, c.req.header(CSRF_HEADER))) return;
  throw new Refusal("auth.csrf_failed", `${CSRF_HEADER} ヘッダーのCSRFトークンがないか、正しくありません。`);
}

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
      requireCsrf(c, sessionToken);
      c.set("auth", {
        accountId: session.accountId,
        actor: { kind: "user", userId: session.userId },
        permissions: permissionsOfRole(session.role),
        plan: session.plan,
        sessionId: session.sessionId,
      });
      return next();
    }
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token)
      throw new Refusal("auth.required", "Authorization: Bearer <APIトークン> ヘッダーが必要です。");
    const [row] = await db
      .select({
        id: apiTokens.id,
        accountId: apiTokens.accountId,
        scopes: apiTokens.scopes,
        plan: accounts.plan,
        lastUsedAt: apiTokens.lastUsedAt,
      })
      .from(apiTokens)
      .innerJoin(accounts, eq(accounts.id, apiTokens.accountId))
      .where(and(eq(apiTokens.tokenHash, hashApiToken(token)), isNull(apiTokens.revokedAt)));
    if (!row) throw new Refusal("auth.invalid_token", "APIトークンが正しくないか、無効化されています。");
    const now = clock.now();
    // 最終使用日時 to the minute: a write per request would turn every read into one.
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= 60_000) {
      await db
        .update(apiTokens)
        .set({ lastUsedAt: now })
        .where(
          and(
            eq(apiTokens.id, row.id),
            or(
              isNull(apiTokens.lastUsedAt),
              lt(apiTokens.lastUsedAt, sql`${now}::timestamptz - interval '1 minute'`),
            ),
          ),
        );
    }
    c.set("auth", {
      accountId: row.accountId,
      actor: { kind: "token", tokenId: row.id },
      permissions: new Set(row.scopes.filter(isPermission)),
      plan: row.plan as PlanCode,
      sessionId: null,
    });
    await next();
  };
}

/**
 * The check a route declares through `requires` (openapi.ts): the permission, named in the refusal,
 * then the plan's feature when the route belongs to one.
 */
export function authorize(permission: Permission, feature?: Feature): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const auth = c.get("auth");
    if (!allows(auth.permissions, permission)) {
      throw new Refusal(
        "auth.forbidden",
        `この操作には「${permissionLabel(permission)}」の権限が必要です。`,
        {
          rule: permission,
        },
      );
    }
    const refusal = feature ? featureRefusal(auth.plan, feature) : null;
    if (refusal) throw refusal;
    await next();
  };
}

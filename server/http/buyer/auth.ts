import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { csrfMatches } from "#server/app/account/sessions.ts";
import { type BuyerPrincipal, findBuyerSession } from "#server/app/b2b/buyer-sessions.ts";
import type { Db } from "#server/db/database.ts";
import { Refusal } from "#server/domain/refusal.ts";
import type { Clock } from "#server/ports/clock.ts";
import { CSRF_HEADER } from "../auth.ts";

/** The buyer portal's cookie: never the merchant's, so neither side's log-in opens the other's API. */
export const BUYER_SESSION_COOKIE = "juchu_buyer_session";
export const BUYER_API = "/api/buyer";
export type BuyerEnv = { Variables: { buyer: BuyerPrincipal } };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The security the buyer routes declare in /api/buyer/openapi.json. */
export const buyerSecurity: Record<string, string[]>[] = [{ buyerSession: [] }];

/**
 * A buyer request acts as the company of its session and nothing else: the principal set here is
 * the only source of the company and account every buyer route filters by. Changes need the CSRF
 * header derived from the session, as the merchant's do.
 */
export function requireBuyer(db: Db, clock: Clock): MiddlewareHandler<BuyerEnv> {
  return async (c, next) => {
    const token = getCookie(c, BUYER_SESSION_COOKIE);
    if (!token) throw new Refusal("auth.required", "ログインしてください。");
    const buyer = await findBuyerSession(db, token, clock.now());
    if (!buyer) {
      throw new Refusal(
        "auth.session_expired",
        "ログインの有効期限が切れました。もう一度ログインしてください。",
      );
    }
    if (!SAFE_METHODS.has(c.req.method) && !csrfMatches(token, c.req.header(CSRF_HEADER))) {
      throw new Refusal(
        "auth.csrf_failed",
        `${CSRF_HEADER} ヘッダーのCSRFトークンがないか、正しくありません。`,
      );
    }
    c.set("buyer", buyer);
    await next();
  };
}

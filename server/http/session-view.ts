import { getConnInfo } from "@hono/node-server/conninfo";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { setCookie } from "hono/cookie";
import {
  csrfTokenFor,
  SESSION_DAYS,
  type SessionClient,
  type SessionUser,
} from "#server/app/account/sessions.ts";
import { ALL_PERMISSIONS, allows, permissionsOfRole, ROLE_CODES, ROLES } from "#server/domain/access.ts";
import { uuid } from "#server/domain/fields.ts";
import { FEATURE_CODES, PLAN_CODES, PLANS } from "#server/domain/plans.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import { CSRF_HEADER, SESSION_COOKIE } from "./auth.ts";

export const email = z.email("メールアドレスの形式が正しくありません").max(254);
/** The one password rule, for set-up, accepting an invitation and changing one's own. */
export const password = z.string().min(8, "パスワードは8文字以上にしてください").max(200);

/** What the admin UI knows about who is signed in: enough to show their name and hide what they may not do. */
export const sessionSchema = z
  .object({
    user: z.object({
      id: uuid(),
      email: z.string(),
      name: z.string(),
      role: z.enum(ROLE_CODES),
      roleLabel: z.string(),
    }),
    account: z.object({ id: uuid(), name: z.string() }),
    permissions: z
      .array(z.string())
      .describe("このセッションでできること(orders:write なら orders:read も含めて列挙)"),
    plan: z.object({
      code: z.enum(PLAN_CODES),
      label: z.string(),
      features: z.array(z.enum(FEATURE_CODES)),
      shopLimit: z.int().nullable().describe("登録できるショップ数(null は無制限)"),
    }),
    csrfToken: z.string().describe(`Cookieで呼ぶ変更系のAPIに ${CSRF_HEADER} ヘッダーで付けるトークン`),
    expiresAt: z.string(),
  })
  .openapi("Session");

export function presentSession(token: string, user: SessionUser): z.infer<typeof sessionSchema> {
  const granted = permissionsOfRole(user.role);
  const plan = PLANS[user.plan];
  return {
    user: {
      id: user.userId,
      email: user.email,
      name: user.name,
      role: user.role,
      roleLabel: ROLES[user.role].label,
    },
    account: { id: user.accountId, name: user.accountName },
    permissions: ALL_PERMISSIONS.filter((p) => allows(granted, p)),
    plan: { code: user.plan, label: plan.label, features: [...plan.features], shopLimit: plan.shopLimit },
    csrfToken: csrfTokenFor(token),
    expiresAt: toTokyoIso(user.expiresAt),
  };
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * Where a log-in comes from. Behind a reverse proxy on the same machine every request arrives from
 * loopback, and the last X-Forwarded-For entry — the one that proxy added — names the client; from
 * anywhere else the header is the client's own word and is ignored.
 */
export function clientAddress(c: Context): string {
  // A request handed to the app in-process (app.request) has no socket to ask.
  const socket = (c.env as { incoming?: unknown } | undefined)?.incoming;
  const peer = socket ? (getConnInfo(c).remote.address ?? "unknown") : "unknown";
  // An address is at most 45 characters; anything longer is not one and must not grow the count's key.
  const forwarded = c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim().slice(0, 45);
  return LOOPBACK.has(peer) && forwarded ? forwarded : peer;
}

export function sessionClient(c: Context): SessionClient & { address: string } {
  return { userAgent: c.req.header("user-agent") ?? null, address: clientAddress(c) };
}

/** httpOnly: no script reads it; SameSite=Strict: no other site's page sends it. */
export function setSessionCookie(c: Context, token: string): void {
  const https = new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Strict",
    secure: https,
    path: "/",
    maxAge: SESSION_DAYS * 24 * 60 * 60,
  });
  c.header("cache-control", "no-store");
}

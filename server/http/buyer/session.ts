import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { csrfTokenFor } from "#server/app/account/sessions.ts";
import {
  acceptBuyerInvitation,
  type BuyerPrincipal,
  findBuyerSession,
  logInBuyer,
  logOutBuyer,
  showBuyerInvitation,
} from "#server/app/b2b/buyer-sessions.ts";
import type { AppContext } from "#server/app/context.ts";
import { uuid } from "#server/domain/fields.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { iso } from "../b2b-schemas.ts";
import { errorResponses, json, jsonBody } from "../openapi.ts";
import { clientAddress, email, password } from "../session-view.ts";
import { BUYER_API, BUYER_SESSION_COOKIE, type BuyerEnv, buyerSecurity } from "./auth.ts";

/** Paths a browser calls before it has a buyer session. */
export const isOpenBuyerPath = (method: string, path: string) =>
  (path === `${BUYER_API}/session` && method !== "DELETE") ||
  path === `${BUYER_API}/openapi.json` ||
  path.startsWith(`${BUYER_API}/invitations/`);

const buyerSessionSchema = z
  .object({
    buyer: z.object({ id: uuid(), email: z.string(), name: z.string() }),
    company: z.object({ id: uuid(), name: z.string() }),
    merchant: z.object({ name: z.string() }),
    csrfToken: z.string().describe("Cookieで呼ぶ変更系のAPIに x-csrf-token ヘッダーで付けるトークン"),
    expiresAt: z.string(),
  })
  .openapi("BuyerSession");

const present = (token: string, b: BuyerPrincipal): z.infer<typeof buyerSessionSchema> => ({
  buyer: { id: b.buyerUserId, email: b.email, name: b.name },
  company: { id: b.companyId, name: b.companyName },
  merchant: { name: b.merchantName },
  csrfToken: csrfTokenFor(token),
  expiresAt: iso(b.expiresAt) ?? "",
});

function setBuyerCookie(c: Context, token: string): void {
  const https = new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
  setCookie(c, BUYER_SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Strict",
    secure: https,
    path: BUYER_API,
  });
}

export function registerBuyerSessionRoutes(app: OpenAPIHono<BuyerEnv>, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "post",
      path: "/session",
      summary: "発注者のログイン",
      request: jsonBody(z.object({ email, password: z.string().min(1, "パスワードを入力してください") })),
      responses: { 200: json(buyerSessionSchema, "開始したセッション"), ...errorResponses },
    }),
    async (c) => {
      const opened = await logInBuyer(ctx, { ...c.req.valid("json"), address: clientAddress(c) });
      setBuyerCookie(c, opened.token);
      return c.json(present(opened.token, opened.buyer), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/session",
      summary: "ログイン中の発注者",
      responses: { 200: json(buyerSessionSchema, "セッション"), ...errorResponses },
    }),
    async (c) => {
      const token = getCookie(c, BUYER_SESSION_COOKIE);
      const buyer = token ? await findBuyerSession(ctx.db, token, ctx.clock.now()) : null;
      if (!token || !buyer) throw new Refusal("auth.required", "ログインしてください。");
      return c.json(present(token, buyer), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/session",
      summary: "ログアウト",
      security: buyerSecurity,
      responses: { 204: { description: "ログアウトしました" }, ...errorResponses },
    }),
    async (c) => {
      const token = getCookie(c, BUYER_SESSION_COOKIE);
      if (token) await logOutBuyer(ctx.db, token);
      deleteCookie(c, BUYER_SESSION_COOKIE, { path: BUYER_API });
      return c.body(null, 204);
    },
  );

  const tokenParam = z.object({ token: z.string().min(1).max(100) });
  const invitationSchema = z.object({
    email: z.string(),
    name: z.string(),
    companyName: z.string(),
    merchantName: z.string(),
    expiresAt: z.string(),
  });
  app.openapi(
    createRoute({
      method: "get",
      path: "/invitations/{token}",
      summary: "発注者の招待(リンクが有効なら宛先と取引先)",
      request: { params: tokenParam },
      responses: { 200: json(invitationSchema, "招待"), ...errorResponses },
    }),
    async (c) => {
      const found = await showBuyerInvitation(ctx.db, c.req.valid("param").token, ctx.clock.now());
      return c.json(
        {
          email: found.email,
          name: found.name,
          companyName: found.companyName,
          merchantName: found.merchantName,
          expiresAt: iso(found.expiresAt) ?? "",
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/invitations/{token}/acceptance",
      summary: "招待の受諾(パスワードを設定してログイン)",
      request: {
        params: tokenParam,
        ...jsonBody(z.object({ password, name: z.string().trim().min(1).max(100).optional() })),
      },
      responses: { 200: json(buyerSessionSchema, "開始したセッション"), ...errorResponses },
    }),
    async (c) => {
      const opened = await acceptBuyerInvitation(ctx, c.req.valid("param").token, c.req.valid("json"));
      setBuyerCookie(c, opened.token);
      return c.json(present(opened.token, opened.buyer), 200);
    },
  );
}

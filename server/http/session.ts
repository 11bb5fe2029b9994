import { createRoute, z } from "@hono/zod-openapi";
import { deleteCookie, getCookie } from "hono/cookie";
import { setUpFirstAccount, setupRequired } from "#server/app/account/first-run-setup.ts";
import { csrfMatches, findSession, logIn, logOut, openSession } from "#server/app/account/sessions.ts";
import type { AppContext } from "#server/app/context.ts";
import { Refusal } from "#server/domain/refusal.ts";
import type { JuchuApi } from "./app.ts";
import { CSRF_HEADER, SESSION_COOKIE } from "./auth.ts";
import { errorResponses, json, jsonBody } from "./openapi.ts";
import {
  email,
  password,
  presentSession,
  sessionClient,
  sessionSchema,
  setSessionCookie,
} from "./session-view.ts";
import { listShops, shopSchema } from "./shops.ts";
import { tagSchema } from "./tag-schemas.ts";
import { listTags } from "./tags.ts";
import { vocabularyOf, vocabularySchema } from "./vocabulary.ts";
import { listWarehouses, warehouseSchema } from "./warehouses.ts";

/** These answer without a token: they are how a browser gets its session in the first place. */
export const SESSION_PATHS: ReadonlySet<string> = new Set(["/api/session", "/api/setup"]);

const referenceSchema = z
  .object({
    vocabulary: vocabularySchema,
    shops: z.array(shopSchema),
    tags: z.array(tagSchema),
    warehouses: z.array(warehouseSchema),
  })
  .openapi("Reference");

/** ログイン・ログアウト and 初期設定 for the admin UI (scripts use API tokens instead). */
export function registerSessionRoutes(app: JuchuApi, ctx: AppContext): void {
  const vocabulary = vocabularyOf(ctx.channels);
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/session",
      summary: "ログイン中のユーザー(Cookieの有効期限も延長)",
      description:
        "include=reference で、画面が表示に使う一覧(表示名・ショップ・タグ・倉庫)も同じ応答で返します。管理画面はこの1回の呼び出しで起動します。",
      request: {
        query: z.object({ include: z.enum(["reference"], "includeは reference だけです").optional() }),
      },
      responses: {
        200: json(sessionSchema.extend({ reference: referenceSchema.optional() }), "セッション"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (!token) throw new Refusal("auth.required", "ログインしてください。");
      const user = await findSession(ctx.db, token, ctx.clock.now());
      if (!user) throw new Refusal("auth.session_expired", "ログインの有効期限が切れました。");
      setSessionCookie(c, token);
      if (c.req.valid("query").include !== "reference") return c.json(presentSession(token, user), 200);
      const [shops, tags, warehouses] = await Promise.all([
        listShops(ctx, user.accountId),
        listTags(ctx, user.accountId),
        listWarehouses(ctx, user.accountId),
      ]);
      return c.json(
        { ...presentSession(token, user), reference: { vocabulary, shops, tags, warehouses } },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/session",
      summary: "ログイン",
      request: jsonBody(z.object({ email, password: z.string().min(1, "パスワードを入力してください") })),
      responses: { 200: json(sessionSchema, "開始したセッション"), ...errorResponses },
    }),
    async (c) => {
      const opened = await logIn(ctx, { ...c.req.valid("json"), ...sessionClient(c) });
      setSessionCookie(c, opened.token);
      return c.json(presentSession(opened.token, opened.user), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/session",
      summary: "ログアウト",
      responses: { 204: { description: "ログアウトしました" }, ...errorResponses },
    }),
    async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token && (await findSession(ctx.db, token, ctx.clock.now()))) {
        if (!csrfMatches(token, c.req.header(CSRF_HEADER))) {
          throw new Refusal("auth.csrf_failed", `${CSRF_HEADER} ヘッダーのCSRFトークンが正しくありません。`);
        }
        await logOut(ctx.db, token);
      }
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/setup",
      summary: "初期設定が必要か(アカウントがまだないか)",
      responses: { 200: json(z.object({ required: z.boolean() }), "初期設定の要否"), ...errorResponses },
    }),
    async (c) => c.json({ required: await setupRequired(ctx.db) }, 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/setup",
      summary: "初期設定(最初のアカウントを作ってログイン)",
      description: "アカウントがひとつもないときだけ使えます。それ以降は setup.already_done(409)です。",
      request: jsonBody(
        z.object({
          accountName: z.string().trim().min(1, "事業者名を入力してください").max(100),
          email,
          password,
        }),
      ),
      responses: {
        201: json(
          sessionSchema.extend({ apiToken: z.string().describe("APIトークン(この応答でだけ表示)") }),
          "作成したアカウントのセッション",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const created = await setUpFirstAccount(ctx, {
        name: input.accountName,
        email: input.email,
        password: input.password,
      });
      const opened = await openSession(ctx, created.userId, created.accountId, sessionClient(c));
      setSessionCookie(c, opened.token);
      return c.json({ ...presentSession(opened.token, opened.user), apiToken: created.apiToken }, 201);
    },
  );
}

import { getConnInfo } from "@hono/node-server/conninfo";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { setUpFirstAccount, setupRequired } from "#server/app/account/first-run-setup.ts";
import {
  csrfMatches,
  csrfTokenFor,
  findSession,
  logIn,
  logOut,
  openSession,
  SESSION_DAYS,
  type SessionUser,
} from "#server/app/account/sessions.ts";
import type { AppContext } from "#server/app/context.ts";
import { uuid } from "#server/domain/fields.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import type { JuchuApi } from "./app.ts";
import { CSRF_HEADER, SESSION_COOKIE } from "./auth.ts";
import { errorResponses, json } from "./openapi.ts";
import { listShops, shopSchema } from "./shops.ts";
import { tagSchema } from "./tag-schemas.ts";
import { listTags } from "./tags.ts";
import { vocabularyOf, vocabularySchema } from "./vocabulary.ts";
import { listWarehouses, warehouseSchema } from "./warehouses.ts";

/** These answer without a token: they are how a browser gets its session in the first place. */
export const SESSION_PATHS: ReadonlySet<string> = new Set(["/api/session", "/api/setup"]);

const sessionSchema = z
  .object({
    user: z.object({ id: uuid(), email: z.string() }),
    account: z.object({ id: uuid(), name: z.string() }),
    csrfToken: z.string().describe(`Cookieで呼ぶ変更系のAPIに ${CSRF_HEADER} ヘッダーで付けるトークン`),
    expiresAt: z.string(),
  })
  .openapi("Session");

const referenceSchema = z
  .object({
    vocabulary: vocabularySchema,
    shops: z.array(shopSchema),
    tags: z.array(tagSchema),
    warehouses: z.array(warehouseSchema),
  })
  .openapi("Reference");

const email = z.email("メールアドレスの形式が正しくありません").max(254);
const password = z.string().min(8, "パスワードは8文字以上にしてください").max(200);
const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { "application/json": { schema } } },
});

function present(token: string, user: SessionUser): z.infer<typeof sessionSchema> {
  return {
    user: { id: user.userId, email: user.email },
    account: { id: user.accountId, name: user.accountName },
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
function clientAddress(c: Context): string {
  const peer = getConnInfo(c).remote.address ?? "unknown";
  // An address is at most 45 characters; anything longer is not one and must not grow the count's key.
  const forwarded = c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim().slice(0, 45);
  return LOOPBACK.has(peer) && forwarded ? forwarded : peer;
}

/** httpOnly: no script reads it; SameSite=Strict: no other site's page sends it. */
function setSessionCookie(c: Context, token: string): void {
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
      if (c.req.valid("query").include !== "reference") return c.json(present(token, user), 200);
      const [shops, tags, warehouses] = await Promise.all([
        listShops(ctx, user.accountId),
        listTags(ctx, user.accountId),
        listWarehouses(ctx, user.accountId),
      ]);
      return c.json({ ...present(token, user), reference: { vocabulary, shops, tags, warehouses } }, 200);
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
      const opened = await logIn(ctx, { ...c.req.valid("json"), address: clientAddress(c) });
      setSessionCookie(c, opened.token);
      return c.json(present(opened.token, opened.user), 200);
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
      const opened = await openSession(ctx, created.userId, created.accountId);
      setSessionCookie(c, opened.token);
      return c.json({ ...present(opened.token, opened.user), apiToken: created.apiToken }, 201);
    },
  );
}

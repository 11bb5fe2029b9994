import { createRoute, z } from "@hono/zod-openapi";
import { changePassword } from "#server/app/account/change-password.ts";
import { endMySession, listMySessions } from "#server/app/account/my-sessions.ts";
import type { AppContext } from "#server/app/context.ts";
import { uuid } from "#server/domain/fields.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import type { JuchuApi } from "./app.ts";
import type { Auth } from "./auth.ts";
import { errorResponses, json, jsonBody, signedIn } from "./openapi.ts";
import { clientAddress, password } from "./session-view.ts";

const iso = (d: Date | null) => (d ? toTokyoIso(d) : null);

/** A token acts for the account, not for a person: it has no password or sessions of its own. */
function signedInUser(auth: Auth): { userId: string; sessionId: string } {
  if (auth.actor.kind !== "user" || !auth.sessionId)
    throw new Refusal(
      "auth.session_only",
      "この操作はログインしたユーザーだけができます(APIトークンでは使えません)。",
    );
  return { userId: auth.actor.userId, sessionId: auth.sessionId };
}

const sessionItem = z.object({
  id: uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string().nullable().describe("最後に使われた時刻(1時間単位で記録)"),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
  address: z.string().nullable(),
  current: z.boolean().describe("この呼び出しのセッション"),
});

/** 自分の設定: the signed-in person's password and the devices they are logged in on. */
export function registerMeRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "put",
      path: "/api/me/password",
      summary: "自分のパスワードを変更(ほかの端末のセッションは終了)",
      ...signedIn,
      request: jsonBody(
        z.object({
          currentPassword: z.string().min(1, "現在のパスワードを入力してください"),
          newPassword: password,
        }),
      ),
      responses: { 204: { description: "変更しました" }, ...errorResponses },
    }),
    async (c) => {
      const me = signedInUser(c.get("auth"));
      await changePassword(ctx, { ...me, address: clientAddress(c) }, c.req.valid("json"));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/me/sessions",
      summary: "ログイン中の端末(自分のセッション)",
      ...signedIn,
      responses: { 200: json(z.object({ items: z.array(sessionItem) }), "セッション"), ...errorResponses },
    }),
    async (c) => {
      const me = signedInUser(c.get("auth"));
      const rows = await listMySessions(ctx.db, me.userId, ctx.clock.now());
      return c.json(
        {
          items: rows.map((s) => ({
            ...s,
            createdAt: toTokyoIso(s.createdAt),
            lastSeenAt: iso(s.lastSeenAt),
            expiresAt: toTokyoIso(s.expiresAt),
            current: s.id === me.sessionId,
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/me/sessions/{id}",
      summary: "自分のセッションを終了(その端末はログアウト)",
      ...signedIn,
      request: { params: z.object({ id: uuid("セッションIDはUUIDです") }) },
      responses: { 204: { description: "終了しました" }, ...errorResponses },
    }),
    async (c) => {
      const me = signedInUser(c.get("auth"));
      await endMySession(ctx.db, me.userId, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
}

import { createRoute, z } from "@hono/zod-openapi";
import { acceptInvitation, showInvitation } from "#server/app/account/accept-invitation.ts";
import { openSession } from "#server/app/account/sessions.ts";
import type { AppContext } from "#server/app/context.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, jsonBody } from "./openapi.ts";
import { password, presentSession, sessionClient, sessionSchema, setSessionCookie } from "./session-view.ts";

/** Public: the invitee has no session yet; the link's token is what lets them in. */
export const INVITATION_PATH_PREFIX = "/api/invitations/";

const tokenParam = z.object({ token: z.string().min(1).max(100) });

/** 招待の受諾: the page behind the mailed link, and the password the invitee sets there. */
export function registerInvitationRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/invitations/{token}",
      summary: "招待の内容(使用済み・期限切れ・不明なリンクは invitation.not_found)",
      request: { params: tokenParam },
      responses: {
        200: json(
          z.object({ email: z.string(), name: z.string(), accountName: z.string(), expiresAt: z.string() }),
          "招待",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const found = await showInvitation(ctx.db, c.req.valid("param").token, ctx.clock.now());
      return c.json(
        {
          email: found.email,
          name: found.name,
          accountName: found.accountName,
          expiresAt: toTokyoIso(found.expiresAt),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/invitations/{token}/acceptance",
      summary: "招待を受けてパスワードを設定し、ログイン",
      description: "リンクはこれで使用済みになります。パスワードは8文字以上です。",
      request: {
        params: tokenParam,
        ...jsonBody(
          z.object({
            password,
            name: z.string().trim().min(1, "名前を入力してください").max(100).optional(),
          }),
        ),
      },
      responses: { 201: json(sessionSchema, "開始したセッション"), ...errorResponses },
    }),
    async (c) => {
      const accepted = await acceptInvitation(ctx, c.req.valid("param").token, c.req.valid("json"));
      const opened = await openSession(ctx, accepted.userId, accepted.accountId, sessionClient(c));
      setSessionCookie(c, opened.token);
      return c.json(presentSession(opened.token, opened.user), 201);
    },
  );
}

import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { changeUser } from "#server/app/account/change-user.ts";
import type { IssuedInvitation } from "#server/app/account/invitation-link.ts";
import { inviteUser } from "#server/app/account/invite-user.ts";
import { listUsers, type UserRow } from "#server/app/account/list-users.ts";
import { reissueInvitation } from "#server/app/account/reissue-invitation.ts";
import { removeUser } from "#server/app/account/remove-user.ts";
import type { AppContext } from "#server/app/context.ts";
import { ROLE_CODES, ROLES } from "#server/domain/access.ts";
import { uuid } from "#server/domain/fields.ts";
import { notFound } from "#server/domain/refusal.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, jsonBody, requires, signedIn } from "./openapi.ts";
import { email } from "./session-view.ts";

const iso = (d: Date | null) => (d ? toTokyoIso(d) : null);
const userId = z.object({ id: uuid("ユーザーIDはUUIDです") });
const name = z.string().trim().min(1, "名前を入力してください").max(100);
const role = z.enum(ROLE_CODES, `権限は ${ROLE_CODES.join(" / ")} のどれかです`);

const userSchema = z
  .object({
    id: uuid(),
    email: z.string(),
    name: z.string(),
    role,
    roleLabel: z.string(),
    status: z
      .enum(["active", "invited", "disabled"])
      .describe("active 有効 / invited 招待中 / disabled 無効"),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    invitationExpiresAt: z.string().nullable().describe("招待中のとき、招待リンクの期限"),
  })
  .openapi("User");

const invitationSchema = z.object({
  user: userSchema,
  invitation: z.object({
    url: z.string().describe("招待リンク(1回だけ使えます)"),
    expiresAt: z.string(),
    mailed: z
      .boolean()
      .describe("アカウントのSMTPで招待メールを送ったか。false なら画面でリンクを渡してください"),
    mailError: z.string().nullable().describe("SMTPが設定されているのに送れなかった理由"),
  }),
});

const presentUser = (u: UserRow): z.infer<typeof userSchema> => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  roleLabel: ROLES[u.role].label,
  status: u.status,
  lastLoginAt: iso(u.lastLoginAt),
  createdAt: toTokyoIso(u.createdAt),
  invitationExpiresAt: iso(u.invitationExpiresAt),
});

async function oneUser(ctx: AppContext, accountId: string, id: string) {
  const [row] = await listUsers(ctx.db, accountId, id);
  if (!row) throw notFound("user", "ユーザー");
  return presentUser(row);
}

/**
 * ユーザー: the owner invites, changes roles, disables and removes. An invitation's link points at
 * JUCHU_PUBLIC_URL when set (the address people use, behind a proxy), else at the address this
 * request came to.
 */
export function registerUserRoutes(app: JuchuApi, ctx: AppContext, publicUrl: string | undefined): void {
  const linkBase = (c: Context) => publicUrl ?? new URL(c.req.url).origin;
  const answer = async (accountId: string, issued: IssuedInvitation) => ({
    user: await oneUser(ctx, accountId, issued.userId),
    invitation: {
      url: issued.url,
      expiresAt: toTokyoIso(issued.expiresAt),
      mailed: issued.mailed,
      mailError: issued.mailError,
    },
  });

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/users",
      summary: "ユーザー一覧(削除したユーザーは含みません)",
      ...requires("users:read"),
      responses: { 200: json(z.object({ items: z.array(userSchema) }), "ユーザー"), ...errorResponses },
    }),
    async (c) => c.json({ items: (await listUsers(ctx.db, c.get("auth").accountId)).map(presentUser) }, 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/roles",
      summary: "権限(ロール)の一覧と、それぞれができること",
      ...signedIn,
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                code: role,
                label: z.string(),
                description: z.string(),
                permissions: z.array(z.string()),
              }),
            ),
          }),
          "権限",
        ),
        ...errorResponses,
      },
    }),
    (c) =>
      c.json(
        {
          items: ROLE_CODES.map((code) => ({
            code,
            label: ROLES[code].label,
            description: ROLES[code].description,
            permissions: [...ROLES[code].permissions],
          })),
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/users/invitations",
      summary: "ユーザーを招待(招待リンクを発行し、SMTPがあればメールで送る)",
      description:
        "招待リンクは7日間、1回だけ使えます。別のアカウントも含めて、使われているメールアドレスは user.email_taken(409)です。",
      ...requires("users:write"),
      request: jsonBody(z.object({ email, name, role })),
      responses: { 201: json(invitationSchema, "招待したユーザーとリンク"), ...errorResponses },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const issued = await inviteUser(ctx, actor, accountId, c.req.valid("json"), linkBase(c));
      return c.json(await answer(accountId, issued), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/users/{id}/invitation",
      summary: "招待リンクの再発行(前のリンクは使えなくなります)",
      ...requires("users:write"),
      request: { params: userId },
      responses: { 201: json(invitationSchema, "新しい招待リンク"), ...errorResponses },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const issued = await reissueInvitation(ctx, actor, accountId, c.req.valid("param").id, linkBase(c));
      return c.json(await answer(accountId, issued), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/users/{id}",
      summary: "名前・権限の変更、無効化(disabled: true でログイン中のセッションも終了)・有効化",
      description: "最後の有効なオーナーを別の権限にしたり無効にしたりはできません(user.last_owner、409)。",
      ...requires("users:write"),
      request: {
        params: userId,
        ...jsonBody(
          z.object({ name: name.optional(), role: role.optional(), disabled: z.boolean().optional() }),
        ),
      },
      responses: { 200: json(userSchema, "変更後のユーザー"), ...errorResponses },
    }),
    async (c) => {
      const { accountId } = c.get("auth");
      const { id } = c.req.valid("param");
      await changeUser(ctx, accountId, id, c.req.valid("json"));
      return c.json(await oneUser(ctx, accountId, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/users/{id}",
      summary: "ユーザーの削除(セッションは即時終了。作ったAPIトークンはアカウントのものとして残ります)",
      description: "最後の有効なオーナーは削除できません(user.last_owner、409)。",
      ...requires("users:write"),
      request: { params: userId },
      responses: { 204: { description: "削除しました" }, ...errorResponses },
    }),
    async (c) => {
      await removeUser(ctx, c.get("auth").accountId, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
}

import { createRoute, z } from "@hono/zod-openapi";
import { createApiToken } from "#server/app/account/create-api-token.ts";
import { type ApiTokenRow, listApiTokens } from "#server/app/account/list-api-tokens.ts";
import { revokeApiToken } from "#server/app/account/revoke-api-token.ts";
import type { AppContext } from "#server/app/context.ts";
import { ALL_PERMISSIONS, AREA_CODES, AREAS, isPermission, permissionLabel } from "#server/domain/access.ts";
import { uuid } from "#server/domain/fields.ts";
import { notFound } from "#server/domain/refusal.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, jsonBody, requires, signedIn } from "./openapi.ts";

const iso = (d: Date | null) => (d ? toTokyoIso(d) : null);

const apiTokenSchema = z
  .object({
    id: uuid(),
    name: z.string(),
    scopes: z.array(z.string()).describe("orders:read のような権限。write は read を含みます"),
    createdAt: z.string(),
    createdBy: z.object({ id: uuid(), name: z.string(), email: z.string() }).nullable(),
    lastUsedAt: z.string().nullable().describe("最後に使われた時刻(1分単位で記録)"),
    revokedAt: z.string().nullable(),
  })
  .openapi("ApiToken");

const present = (t: ApiTokenRow): z.infer<typeof apiTokenSchema> => ({
  ...t,
  createdAt: toTokyoIso(t.createdAt),
  lastUsedAt: iso(t.lastUsedAt),
  revokedAt: iso(t.revokedAt),
});

const scope = z.string().refine(isPermission, {
  error: (issue) => `「${String(issue.input)}」という権限はありません(例: orders:read)`,
});

/** APIトークン: scripts' keys with scopes, shown once, listed with their last use, revoked. */
export function registerApiTokenRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/api-tokens",
      summary: "APIトークン一覧(無効化したものも含む)",
      ...requires("tokens:read"),
      responses: {
        200: json(z.object({ items: z.array(apiTokenSchema) }), "APIトークン"),
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: (await listApiTokens(ctx.db, c.get("auth").accountId)).map(present) }, 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/api-tokens",
      summary: "APIトークンの発行(トークンはこの応答でだけ表示)",
      description:
        "自分が持っていない権限はトークンに付けられません(token.scope_not_held、422。どの権限かを示します)。",
      ...requires("tokens:write"),
      request: jsonBody(
        z.object({
          name: z.string().trim().min(1, "名前を入力してください").max(100),
          scopes: z
            .array(scope)
            .min(1, "権限を1つ以上選んでください")
            .max(ALL_PERMISSIONS.length * 2),
        }),
      ),
      responses: {
        201: json(
          z.object({ token: z.string().describe("jct_… (この応答でだけ表示)"), apiToken: apiTokenSchema }),
          "発行したトークン",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const auth = c.get("auth");
      const input = c.req.valid("json");
      const scopes = input.scopes.filter(isPermission);
      const created = await createApiToken(ctx, auth, { name: input.name, scopes });
      const [row] = await listApiTokens(ctx.db, auth.accountId, created.id);
      if (!row) throw notFound("api_token", "APIトークン");
      return c.json({ token: created.token, apiToken: present(row) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/api-tokens/{id}",
      summary: "APIトークンの無効化(すぐに使えなくなり、一覧には残ります)",
      ...requires("tokens:write"),
      request: { params: z.object({ id: uuid("APIトークンIDはUUIDです") }) },
      responses: { 204: { description: "無効化しました" }, ...errorResponses },
    }),
    async (c) => {
      await revokeApiToken(ctx, c.get("auth").accountId, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/permissions",
      summary: "権限の一覧(APIトークンの権限を選ぶ画面用)",
      ...signedIn,
      responses: {
        200: json(
          z.object({
            areas: z.array(z.object({ code: z.string(), label: z.string() })),
            items: z.array(z.object({ code: z.string(), label: z.string() })),
          }),
          "権限",
        ),
        ...errorResponses,
      },
    }),
    (c) =>
      c.json(
        {
          areas: AREA_CODES.map((code) => ({ code, label: AREAS[code] })),
          items: ALL_PERMISSIONS.map((code) => ({ code, label: permissionLabel(code) })),
        },
        200,
      ),
  );
}

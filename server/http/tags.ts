import { createRoute, z } from "@hono/zod-openapi";
import { and, asc, eq, sql } from "drizzle-orm";
import type { AppContext } from "#server/app/context.ts";
import { createTag, DEFAULT_TAG_COLOR, updateTag } from "#server/app/tags/custom-tags.ts";
import { deleteTag } from "#server/app/tags/delete-tag.ts";
import { dryRunSavedTag, dryRunTagRule } from "#server/app/tags/dry-run-tag-rule.ts";
import { tags } from "#server/db/schema.ts";
import { uuid } from "#server/domain/fields.ts";
import { notFound } from "#server/domain/refusal.ts";
import { tagRuleSchema } from "#server/domain/tag-rules.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";
import {
  dryRunLimitSchema,
  dryRunSchema,
  holdSchema,
  presentDryRun,
  presentTag,
  tagColorSchema,
  tagNameSchema,
  tagSchema,
} from "./tag-schemas.ts";

const tagId = z.object({ id: uuid("タグIDはUUIDです") });
const body = <T extends z.ZodType>(schema: T, required = true) => ({
  body: { content: { "application/json": { schema } }, required },
});

const WHEN_RULES_RUN =
  "条件(rule)は注文が新規受付を出て確認待になるときに評価されます。条件を変えても、すでに新規受付を過ぎた注文のタグは付け直しません(試し実行で影響を確認できます)。";

/** System tags first, then the merchant's in the order they were made. */
export async function listTags(ctx: AppContext, accountId: string): Promise<z.infer<typeof tagSchema>[]> {
  const rows = await ctx.db
    .select()
    .from(tags)
    .where(eq(tags.accountId, accountId))
    .orderBy(sql`${tags.kind} = 'system' desc`, asc(tags.createdAt), asc(tags.name));
  return rows.map(presentTag);
}

export function registerTagRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/tags",
      summary: "タグ一覧(システムタグとカスタムタグ)",
      ...requires("settings:read"),
      responses: { 200: json(z.object({ items: z.array(tagSchema) }), "タグ"), ...errorResponses },
    }),
    async (c) => c.json({ items: await listTags(ctx, c.get("auth").accountId) }, 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/tags/{id}",
      summary: "タグ詳細",
      ...requires("settings:read"),
      request: { params: tagId },
      responses: { 200: json(tagSchema, "タグ"), ...errorResponses },
    }),
    async (c) => {
      const [row] = await ctx.db
        .select()
        .from(tags)
        .where(and(eq(tags.id, c.req.valid("param").id), eq(tags.accountId, c.get("auth").accountId)));
      if (!row) throw notFound("tag", "タグ");
      return c.json(presentTag(row), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/tags",
      summary: "カスタムタグ作成",
      description: `保留(hold)のタグが付いた注文は確認待で止まります。${WHEN_RULES_RUN}`,
      ...requires("settings:write"),
      request: body(
        z.object({
          name: tagNameSchema,
          color: tagColorSchema.optional(),
          hold: holdSchema.optional(),
          rule: tagRuleSchema.nullable().optional(),
        }),
      ),
      responses: { 201: json(tagSchema, "作成したタグ"), ...errorResponses },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const row = await createTag(ctx, c.get("auth").accountId, {
        name: input.name,
        color: input.color ?? DEFAULT_TAG_COLOR,
        hold: input.hold ?? false,
        rule: input.rule ?? null,
      });
      return c.json(presentTag(row), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/tags/{id}",
      summary: "カスタムタグ変更",
      description: `${WHEN_RULES_RUN} 保留を外す(hold: false)と、このタグだけで止まっていた注文は自動で先へ進みます。rule: null で条件を外します(手動専用のタグになります)。システムタグは変更できません。`,
      ...requires("settings:write"),
      request: {
        params: tagId,
        ...body(
          z.object({
            name: tagNameSchema.optional(),
            color: tagColorSchema.optional(),
            hold: holdSchema.optional(),
            rule: tagRuleSchema.nullable().optional(),
          }),
        ),
      },
      responses: { 200: json(tagSchema, "変更後のタグ"), ...errorResponses },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const row = await updateTag(ctx, actor, accountId, c.req.valid("param").id, c.req.valid("json"));
      return c.json(presentTag(row), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/tags/{id}",
      summary: "カスタムタグ削除",
      description:
        "タグはすべての注文から外れ、各注文の履歴に残ります。このタグだけで止まっていた注文は自動で先へ進みます。システムタグは削除できません。",
      ...requires("settings:write"),
      request: { params: tagId },
      responses: {
        200: json(
          z.object({
            id: uuid(),
            detachedOrders: z.int().describe("タグが外れた注文の数"),
            releasedOrders: z.int().describe("保留が解けて先へ進んだ注文の数"),
          }),
          "削除の結果",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const id = c.req.valid("param").id;
      return c.json({ id, ...(await deleteTag(ctx, actor, accountId, id)) }, 200);
    },
  );

  registerDryRunRoutes(app, ctx);
}

function registerDryRunRoutes(app: JuchuApi, ctx: AppContext): void {
  const what =
    "直近の注文(削除済みを除く、既定500件・最大5000件)に条件を当てはめ、一致した注文を返します。タグは付けません。購入回数はその注文の注文日時までの注文数で数えます。";
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/tags/dry-run",
      summary: "タグ条件の試し実行",
      description: what,
      ...requires("settings:read"),
      request: body(z.object({ rule: tagRuleSchema, limit: dryRunLimitSchema })),
      responses: { 200: json(dryRunSchema, "試し実行の結果"), ...errorResponses },
    }),
    async (c) => {
      const { rule, limit } = c.req.valid("json");
      const result = await dryRunTagRule(ctx, c.get("auth").accountId, rule, limit);
      return c.json(presentDryRun(result, rule), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/tags/{id}/dry-run",
      summary: "保存済みタグ条件の試し実行",
      description: `${what} 条件のないタグは tag.rule_missing(409)になります。`,
      ...requires("settings:read"),
      request: { params: tagId, ...body(z.object({ limit: dryRunLimitSchema }), false) },
      responses: { 200: json(dryRunSchema, "試し実行の結果"), ...errorResponses },
    }),
    async (c) => {
      const limit = c.req.valid("json")?.limit;
      const result = await dryRunSavedTag(ctx, c.get("auth").accountId, c.req.valid("param").id, limit);
      return c.json(presentDryRun(result, result.rule), 200);
    },
  );
}

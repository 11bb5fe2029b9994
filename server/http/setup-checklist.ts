import { createRoute, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { IMPORT_CHECK_LIMIT, importCheck } from "#server/app/channels/import-check.ts";
import { confirmSetupItem, loadSetupChecklist } from "#server/app/channels/setup-checklist.ts";
import type { AppContext } from "#server/app/context.ts";
import { actorNameSql } from "#server/db/actor-names.ts";
import { actedBy } from "#server/domain/acted-by.ts";
import { uuid } from "#server/domain/fields.ts";
import { IMPORT_CHECK_FIELDS } from "#server/domain/import-check.ts";
import {
  factsOf,
  SETUP_ITEM_CODES,
  SETUP_ITEMS,
  type StoredChecklist,
} from "#server/domain/setup-checklist.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";
import { actedBySchema } from "./present-actor.ts";

const checklistSchema = z
  .object({
    complete: z.boolean().describe("すべて確認済みなら true(受注連動を有効にできる)"),
    items: z.array(
      z.object({
        item: z.enum(SETUP_ITEM_CODES),
        label: z.string(),
        link: z.string().describe("設定する画面のパス"),
        facts: z.array(z.object({ text: z.string(), ok: z.boolean() })).describe("Juchuが自動で確かめた事実"),
        confirmed: z
          .object({ at: z.string(), actedBy: actedBySchema })
          .nullable()
          .describe("確認した人と日時(未確認は null)"),
      }),
    ),
  })
  .openapi("SetupChecklist");

const importCheckSchema = z
  .object({
    total: z.int().describe("テスト取込した注文の件数"),
    limit: z.int().describe("一度に返す件数の上限(新しい順)"),
    items: z.array(
      z.object({
        id: uuid(),
        mallOrderNumber: z.string(),
        orderedAt: z.string(),
        processed: z.boolean().describe("処理済みにしたか"),
        checks: z.array(
          z.object({
            field: z.enum(Object.keys(IMPORT_CHECK_FIELDS) as [keyof typeof IMPORT_CHECK_FIELDS]),
            label: z.string(),
            ok: z.boolean(),
            value: z.string(),
            why: z.string(),
          }),
        ),
      }),
    ),
  })
  .openapi("ImportCheck");

const shopId = z.object({ id: uuid("ショップIDはUUIDです") });

export function registerSetupChecklistRoutes(app: JuchuApi, ctx: AppContext): void {
  const present = async (accountId: string, id: string) => {
    const { shop, stored, facts } = await loadSetupChecklist(ctx, accountId, id);
    const names = await actorNames(ctx, accountId, stored);
    const items = SETUP_ITEM_CODES.map((item) => {
      const c = stored[item];
      return {
        item,
        label: SETUP_ITEMS[item].label,
        link: SETUP_ITEMS[item].link.replace("{id}", shop.id),
        facts: factsOf(item, facts),
        confirmed: c ? { at: toTokyoIso(new Date(c.at)), actedBy: actedBy(c.by, names) } : null,
      };
    });
    return { complete: items.every((i) => i.confirmed), items };
  };

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/shops/{id}/setup-checklist",
      summary: "初期設定確認チェックシート",
      ...requires("shops:read"),
      request: { params: shopId },
      responses: { 200: json(checklistSchema, "チェックシート"), ...errorResponses },
    }),
    async (c) => c.json(await present(c.get("auth").accountId, c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/shops/{id}/setup-checklist/{item}",
      summary: "チェックシートの項目を確認する・取り消す",
      description:
        "テスト取込の確認は、テスト取込した注文がすべて処理済みでなければ確認できません(shop.setup_item_not_ready)。",
      ...requires("shops:write"),
      request: {
        params: shopId.extend({ item: z.enum(SETUP_ITEM_CODES, `項目は ${SETUP_ITEM_CODES.join(", ")}`) }),
        body: {
          required: true,
          content: { "application/json": { schema: z.object({ confirmed: z.boolean() }) } },
        },
      },
      responses: { 200: json(checklistSchema, "変更後のチェックシート"), ...errorResponses },
    }),
    async (c) => {
      const auth = c.get("auth");
      const { id, item } = c.req.valid("param");
      await confirmSetupItem(ctx, auth.actor, auth.accountId, id, item, c.req.valid("json").confirmed);
      return c.json(await present(auth.accountId, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/shops/{id}/import-check",
      summary: "テスト取込の確認",
      description: `テスト取込した注文(新しい順に最大${IMPORT_CHECK_LIMIT}件)と、自動で決まった各項目の確認結果`,
      ...requires("shops:read"),
      request: { params: shopId },
      responses: { 200: json(importCheckSchema, "確認結果"), ...errorResponses },
    }),
    async (c) => {
      const found = await importCheck(ctx, c.get("auth").accountId, c.req.valid("param").id);
      return c.json(
        {
          total: found.total,
          limit: IMPORT_CHECK_LIMIT,
          items: found.items.map((o) => ({ ...o, orderedAt: toTokyoIso(o.orderedAt) })),
        },
        200,
      );
    },
  );
}

/** The names behind the confirmations' actors, in one statement. */
async function actorNames(
  ctx: AppContext,
  accountId: string,
  stored: StoredChecklist,
): Promise<Record<string, string>> {
  const actors = [...new Set(Object.values(stored).map((c) => c.by))];
  if (actors.length === 0) return {};
  const result = await ctx.db.execute(
    sql`select a.actor, ${sql.raw(actorNameSql("a.actor", "acc.id"))} as name
        from unnest(array[${sql.join(
          actors.map((a) => sql`${a}`),
          sql`, `,
        )}]::text[]) as a(actor), (select ${accountId}::uuid as id) acc`,
  );
  const rows = (result as unknown as { rows: { actor: string; name: string | null }[] }).rows;
  return Object.fromEntries(rows.filter((r) => r.name).map((r) => [r.actor, r.name as string]));
}

import { createRoute, z } from "@hono/zod-openapi";
import type { AppContext } from "#server/app/context.ts";
import { deleteSavedSearch, listSavedSearches, saveSearch } from "#server/app/lists/saved-searches.ts";
import { SAVED_SEARCH_SCREENS } from "#server/db/schema.ts";
import { uuid } from "#server/domain/fields.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";

const screen = z.enum(SAVED_SEARCH_SCREENS, `screenは ${SAVED_SEARCH_SCREENS.join(", ")} のいずれかです`);
const savedSearchSchema = z
  .object({
    id: uuid(),
    screen: screen.describe("orders = 受注一覧、shipments = 出荷一覧"),
    name: z.string(),
    query: z.string().describe("一覧のURLのクエリ(例: status=confirmed&from=2026-12-01)"),
  })
  .openapi("SavedSearch");
const savedSearchInput = z.object({
  screen,
  name: z.string().trim().min(1, "名前を入力してください").max(40, "名前は40文字以内です"),
  query: z.string().max(2000, "条件が長すぎます(2000文字まで)"),
});

/** 保存した検索: a list's filters by name, per account, shown as quick tabs on the list. */
export function registerSavedSearchRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/saved-searches",
      summary: "保存した検索の一覧",
      ...requires("orders:read"),
      responses: {
        200: json(z.object({ items: z.array(savedSearchSchema) }), "保存した検索"),
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await listSavedSearches(ctx, c.get("auth").accountId) }, 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/saved-searches",
      summary: "検索を保存",
      ...requires("orders:write"),
      request: { body: { content: { "application/json": { schema: savedSearchInput } }, required: true } },
      responses: { 201: json(savedSearchSchema, "保存した検索"), ...errorResponses },
    }),
    async (c) => c.json(await saveSearch(ctx, c.get("auth").accountId, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/saved-searches/{id}",
      summary: "保存した検索を削除",
      ...requires("orders:write"),
      request: { params: z.object({ id: uuid("IDはUUIDです") }) },
      responses: { 204: { description: "削除しました" }, ...errorResponses },
    }),
    async (c) => {
      await deleteSavedSearch(ctx, c.get("auth").accountId, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
}

import { createRoute, z } from "@hono/zod-openapi";
import type { AppContext } from "#server/app/context.ts";
import { deleteRankRule, listRankRules, saveRankRule } from "#server/app/customers/rank-rules.ts";
import { customerRankSchema } from "#server/domain/customer-ranks.ts";
import { uuid } from "#server/domain/fields.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, jsonBody, requires } from "./openapi.ts";

const rankSchema = z
  .object({
    id: uuid(),
    name: z.string(),
    priority: z.int().describe("1から順に判定し、最初に条件を満たしたランクになります"),
    minOrderCount: z.int().nullable().describe("期間内の購入回数の下限"),
    minAmount: z.int().nullable().describe("期間内の購入金額(円)の下限"),
    periodDays: z.int().describe("集計期間: 今日(日本時間)までの日数"),
    description: z.string().describe("例: 過去365日に3回以上かつ30,000円以上"),
  })
  .openapi("CustomerRank");
const params = { params: z.object({ id: uuid("IDはUUIDです") }) };
const COUNTED =
  "キャンセル・削除・テスト取込の注文は数えません。変更は数分以内に顧客のランクに反映されます。注文には注文時のランクが残ります。";

/** 顧客ランク設定 (settings): the ranks customers are given from their purchases. */
export function registerCustomerRankRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/customer-ranks",
      summary: "顧客ランク設定の一覧",
      ...requires("settings:read"),
      responses: { 200: json(z.object({ items: z.array(rankSchema) }), "優先順位の順"), ...errorResponses },
    }),
    async (c) => c.json({ items: await listRankRules(ctx, c.get("auth").accountId) }, 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/customer-ranks",
      summary: "顧客ランクを追加",
      description: COUNTED,
      ...requires("settings:write"),
      request: jsonBody(customerRankSchema),
      responses: { 201: json(rankSchema, "追加したランク"), ...errorResponses },
    }),
    async (c) => c.json(await saveRankRule(ctx, c.get("auth").accountId, null, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/customer-ranks/{id}",
      summary: "顧客ランクを変更",
      description: COUNTED,
      ...requires("settings:write"),
      request: { ...params, ...jsonBody(customerRankSchema) },
      responses: { 200: json(rankSchema, "変更したランク"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await saveRankRule(ctx, c.get("auth").accountId, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/customer-ranks/{id}",
      summary: "顧客ランクを削除",
      ...requires("settings:write"),
      request: params,
      responses: { 204: { description: "削除しました" }, ...errorResponses },
    }),
    async (c) => {
      await deleteRankRule(ctx, c.get("auth").accountId, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
}

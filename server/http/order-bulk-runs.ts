import { createRoute, z } from "@hono/zod-openapi";
import type { AppContext } from "#server/app/context.ts";
import { BULK_ACTIONS } from "#server/app/orders/bulk-order-action.ts";
import {
  type BulkRunView,
  countFilter,
  getBulkOrderRun,
  REFUSED_NUMBERS_SHOWN,
  startBulkOrderRun,
} from "#server/app/orders/bulk-order-run.ts";
import { BULK_RUN_STATUSES } from "#server/db/schema.ts";
import { uuid } from "#server/domain/fields.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";
import { bulkActionFields, tagNeeded } from "./order-bulk.ts";
import { orderListQuerySchema } from "./order-schemas.ts";
import { mallCancelReasons } from "./vocabulary.ts";

const filterSchema = orderListQuerySchema.omit({ limit: true, cursor: true, sort: true });

const runSchema = z
  .object({
    id: uuid(),
    action: z.enum(BULK_ACTIONS),
    status: z.enum(BULK_RUN_STATUSES),
    total: z.int().describe("開始時に条件に合った注文の数"),
    processed: z.int().describe("処理済みの注文の数(完了+拒否)"),
    succeeded: z.int(),
    refused: z.int(),
    refusals: z
      .array(
        z.object({
          code: z.string().describe("拒否のコード(order.cancel_not_allowed など)"),
          rule: z.string().nullable().describe("拒否したルール(in_grace_period など)"),
          detail: z.string().describe("拒否の理由(そのうち1件の文面)"),
          count: z.int(),
          orders: z
            .array(z.object({ orderId: uuid(), mallOrderNumber: z.string() }))
            .describe(`注文番号順に最大${REFUSED_NUMBERS_SHOWN}件`),
        }),
      )
      .describe("拒否されたルールごとの件数と注文"),
    error: z.string().nullable().describe("失敗したときの理由(再試行しても続けられなかった)"),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi("BulkOrderRun");

const present = (r: BulkRunView) => ({
  ...r,
  createdAt: toTokyoIso(r.createdAt),
  finishedAt: r.finishedAt ? toTokyoIso(r.finishedAt) : null,
});

/** 「この条件の全件」への一括操作: a job works through the filter in batches; the UI polls its progress. */
export function registerOrderBulkRunRoutes(app: JuchuApi, ctx: AppContext): void {
  const cancelReasonCodes = mallCancelReasons(ctx.channels).map((r) => r.code) as [string, ...string[]];
  const runInput = z
    .object({
      ...bulkActionFields(cancelReasonCodes),
      filter: filterSchema.describe("受注一覧(GET /api/orders)と同じ絞り込み。条件に合うすべての注文が対象"),
    })
    .superRefine(tagNeeded)
    .openapi("BulkOrderRunInput");

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/order-bulk-runs/count",
      summary: "一括操作の確認: 条件に合う注文の数(いま)",
      ...requires("orders:read"),
      request: { query: filterSchema },
      responses: { 200: json(z.object({ count: z.int() }), "条件に合う注文の数"), ...errorResponses },
    }),
    async (c) =>
      c.json({ count: await countFilter(ctx, c.get("auth").accountId, c.req.valid("query")) }, 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/order-bulk-runs",
      summary: "条件に合うすべての注文に一括操作を開始",
      description:
        "注文ごとに個別の操作と同じルールで実行します。できない注文は拒否したルールとともに記録され、ほかの注文は続けて処理されます。",
      ...requires("orders:write"),
      request: { body: { content: { "application/json": { schema: runInput } }, required: true } },
      responses: { 202: json(runSchema, "受け付けた一括操作(進捗は GET で)"), ...errorResponses },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const id = await startBulkOrderRun(ctx, actor, accountId, c.req.valid("json"));
      return c.json(present(await getBulkOrderRun(ctx, accountId, id)), 202);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/order-bulk-runs/{id}",
      summary: "一括操作の進捗と結果",
      ...requires("orders:read"),
      request: { params: z.object({ id: uuid("一括操作のIDはUUIDです") }) },
      responses: { 200: json(runSchema, "一括操作"), ...errorResponses },
    }),
    async (c) =>
      c.json(present(await getBulkOrderRun(ctx, c.get("auth").accountId, c.req.valid("param").id)), 200),
  );
}

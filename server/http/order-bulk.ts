import { createRoute, z } from "@hono/zod-openapi";
import { and, eq, inArray } from "drizzle-orm";
import type { AppContext } from "#server/app/context.ts";
import { BULK_ACTIONS, runBulkOrderAction } from "#server/app/orders/bulk-order-action.ts";
import { orders } from "#server/db/schema.ts";
import { uuid } from "#server/domain/fields.ts";
import { ORDER_STATUS_LABELS, ORDER_STATUSES, type OrderStatus } from "#server/domain/order-status.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";
import { mallCancelReasons } from "./vocabulary.ts";

/** One request stays short; a client with a larger selection sends it in chunks and shows progress. */
export const BULK_MAX_ORDERS = 100;

/** What a bulk action needs besides its orders: shared by a list of ids and a whole filter. */
export const bulkActionFields = (cancelReasonCodes: [string, ...string[]]) => ({
  action: z.enum(BULK_ACTIONS, `actionは ${BULK_ACTIONS.join(", ")} のいずれかです`),
  tagId: uuid("tagIdはタグのIDで指定してください").optional(),
  reason: z.string().max(200, "理由は200文字以内です").optional(),
  mallCancelReasons: z
    .array(
      z.enum(cancelReasonCodes, {
        error: `モールへのキャンセル理由は ${cancelReasonCodes.join(", ")} のいずれかです`,
      }),
    )
    .max(50)
    .optional()
    .describe(
      "キャンセルでモールに伝える理由(/api/vocabulary の mallCancelReasons の code、チャネルごとに1つ)。注文のチャネルのものが使われ、ないチャネルはその最初の理由",
    ),
});

export function tagNeeded(
  body: { action: string; tagId?: string | undefined },
  check: z.RefinementCtx,
): void {
  if ((body.action === "attachTag" || body.action === "removeTag") && !body.tagId)
    check.addIssue({ code: "custom", path: ["tagId"], message: "タグの一括操作には tagId が必要です" });
}

const bulkInputSchema = (cancelReasonCodes: [string, ...string[]]) =>
  z
    .object({
      ...bulkActionFields(cancelReasonCodes),
      orderIds: z
        .array(uuid("注文IDはUUIDです"), "orderIdsは配列で指定してください")
        .min(1, "注文を1件以上指定してください")
        .max(BULK_MAX_ORDERS, `一度に操作できるのは${BULK_MAX_ORDERS}件までです`)
        .refine((ids) => new Set(ids).size === ids.length, "同じ注文IDが重複しています"),
    })
    .superRefine(tagNeeded)
    .openapi("BulkOrderAction");

const resultSchema = z.object({
  orderId: uuid(),
  mallOrderNumber: z.string().nullable().describe("見つからない注文は null"),
  ok: z.boolean(),
  status: z.enum(ORDER_STATUSES).nullable().describe("操作後の注文ステータス"),
  statusLabel: z.string().nullable(),
  code: z.string().optional().describe("拒否されたときのルールコード(order.cancel_not_allowed など)"),
  detail: z.string().optional().describe("拒否の理由"),
  rule: z.string().optional(),
});

export function registerOrderBulkRoutes(app: JuchuApi, ctx: AppContext): void {
  const cancelReasonCodes = mallCancelReasons(ctx.channels).map((r) => r.code) as [string, ...string[]];
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orders/bulk",
      summary: "受注の一括操作(キャンセル・入金確認・タグ付け・タグ外し)",
      description: `注文ごとに個別の操作と同じルールで実行し、注文ごとに成功か拒否とその理由を返します。1回${BULK_MAX_ORDERS}件まで。`,
      ...requires("orders:write"),
      request: {
        body: {
          required: true,
          content: { "application/json": { schema: bulkInputSchema(cancelReasonCodes) } },
        },
      },
      responses: {
        200: json(
          z.object({ succeeded: z.int(), refused: z.int(), results: z.array(resultSchema) }),
          "注文ごとの結果",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const input = c.req.valid("json");
      const outcomes = await runBulkOrderAction(ctx, actor, accountId, input);
      const rows = await ctx.db
        .select({ id: orders.id, mallOrderNumber: orders.mallOrderNumber, status: orders.status })
        .from(orders)
        .where(and(eq(orders.accountId, accountId), inArray(orders.id, [...input.orderIds])));
      const byId = new Map(rows.map((r) => [r.id, r]));
      const results = outcomes.map((o) => {
        const row = byId.get(o.orderId);
        const status = (row?.status as OrderStatus | undefined) ?? null;
        return {
          orderId: o.orderId,
          mallOrderNumber: row?.mallOrderNumber ?? null,
          ok: o.ok,
          status,
          statusLabel: status ? ORDER_STATUS_LABELS[status] : null,
          ...(o.ok ? {} : { code: o.code, detail: o.detail, ...(o.rule ? { rule: o.rule } : {}) }),
        };
      });
      const succeeded = results.filter((r) => r.ok).length;
      return c.json({ succeeded, refused: results.length - succeeded, results }, 200);
    },
  );
}

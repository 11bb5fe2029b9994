import { createRoute, z } from "@hono/zod-openapi";
import type { AppContext } from "#server/app/context.ts";
import {
  DELIVERY_STATUSES,
  deliveryDetail,
  listDeliveries,
  redeliver,
} from "#server/app/webhooks/deliveries.ts";
import { listEndpoints } from "#server/app/webhooks/endpoint-views.ts";
import { rotateSecret } from "#server/app/webhooks/rotate-secret.ts";
import { createEndpoint, deleteEndpoint, updateEndpoint } from "#server/app/webhooks/save-endpoint.ts";
import { sendTestEvent } from "#server/app/webhooks/test-send.ts";
import { uuid } from "#server/domain/fields.ts";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES, webhookUrlProblem } from "#server/domain/webhooks.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";

const endpointId = z.object({ id: uuid("送信先IDはUUIDです") });
const deliveryIds = endpointId.extend({ deliveryId: uuid("配信IDはUUIDです") });
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

const endpointSchema = z
  .object({
    id: uuid(),
    url: z.string(),
    description: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    enabled: z.boolean(),
    disabledReason: z.string().nullable().describe("Juchuが無効にした理由(続けて失敗したとき)"),
    createdAt: z.string(),
    secretRotatedAt: z.string().nullable(),
    deliveries: z.object({
      succeeded: z.number().int(),
      failed: z.number().int(),
      pending: z.number().int(),
    }),
  })
  .openapi("WebhookEndpoint");

const deliverySchema = z
  .object({
    id: uuid(),
    eventId: z.string().describe("イベントID = webhook-id ヘッダー(再送しても同じ)"),
    eventType: z.string(),
    status: z
      .enum(DELIVERY_STATUSES)
      .describe("pending 送信待ち / succeeded 配信済み / failed 失敗(再送を終了)"),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .openapi("WebhookDelivery");

const url = z
  .string()
  .trim()
  .min(1, "URLを入力してください")
  .max(2000, "URLは2000文字以内です")
  .superRefine((value, check) => {
    const problem = webhookUrlProblem(value);
    if (problem) check.addIssue({ code: "custom", message: problem });
  })
  .describe("受信するURL(http:// または https://)");
const events = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, `イベントは ${WEBHOOK_EVENT_TYPES.join(", ")} のいずれかです`))
  .min(1, "受け取るイベントを1つ以上選んでください");
const description = z.string().trim().max(200, "説明は200文字以内です");

/** Webhook (送信先): endpoints, their secret, a test send and the delivery log with 再送. */
export function registerWebhookRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/webhooks/event-types",
      summary: "Webhookで受け取れるイベントの種類",
      ...requires("webhooks:read"),
      responses: {
        200: json(
          z.object({ items: z.array(z.object({ type: z.enum(WEBHOOK_EVENT_TYPES), label: z.string() })) }),
          "イベントの種類",
        ),
        ...errorResponses,
      },
    }),
    (c) =>
      c.json(
        { items: WEBHOOK_EVENT_TYPES.map((type) => ({ type, label: WEBHOOK_EVENT_LABELS[type] })) },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/webhooks",
      summary: "Webhookの送信先一覧",
      ...requires("webhooks:read"),
      responses: { 200: json(z.object({ items: z.array(endpointSchema) }), "送信先"), ...errorResponses },
    }),
    async (c) => c.json({ items: await listEndpoints(ctx.db, c.get("auth").accountId) }, 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/webhooks",
      summary: "送信先を追加(署名シークレットはこの応答でだけ表示)",
      ...requires("webhooks:write"),
      request: body(z.object({ url, description: description.optional(), events })),
      responses: {
        201: json(
          z.object({ endpoint: endpointSchema, secret: z.string().describe("whsec_… 一度だけ表示") }),
          "追加した送信先",
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await createEndpoint(ctx, c.get("auth").accountId, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/webhooks/{id}",
      summary: "送信先を変更(有効に戻すと、止まっていた配信をすぐ送ります)",
      ...requires("webhooks:write"),
      request: {
        params: endpointId,
        ...body(
          z.object({
            url: url.optional(),
            description: description.optional(),
            events: events.optional(),
            enabled: z.boolean().optional(),
          }),
        ),
      },
      responses: { 200: json(endpointSchema, "変更後の送信先"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await updateEndpoint(ctx, c.get("auth").accountId, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/webhooks/{id}",
      summary: "送信先を削除(配信履歴も削除)",
      ...requires("webhooks:write"),
      request: { params: endpointId },
      responses: { 204: { description: "削除しました" }, ...errorResponses },
    }),
    async (c) => {
      await deleteEndpoint(ctx, c.get("auth").accountId, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/webhooks/{id}/secret-rotation",
      summary: "署名シークレットを更新(古いシークレットも24時間は並べて署名)",
      ...requires("webhooks:write"),
      request: { params: endpointId },
      responses: {
        201: json(
          z.object({ secret: z.string().describe("新しい whsec_… 一度だけ表示") }),
          "新しいシークレット",
        ),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json({ secret: await rotateSecret(ctx, c.get("auth").accountId, c.req.valid("param").id) }, 201),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/webhooks/{id}/test",
      summary: "テスト送信(webhook.test をこの送信先にだけ送ります)",
      ...requires("webhooks:write"),
      request: { params: endpointId },
      responses: { 202: { description: "送信を受け付けました" }, ...errorResponses },
    }),
    async (c) => {
      await sendTestEvent(ctx, c.get("auth").accountId, c.req.valid("param").id);
      return c.body(null, 202);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/webhooks/{id}/deliveries",
      summary: "配信履歴(新しい順)",
      ...requires("webhooks:read"),
      request: {
        params: endpointId,
        query: z.object({
          status: z
            .enum(DELIVERY_STATUSES, `statusは ${DELIVERY_STATUSES.join(", ")} のいずれかです`)
            .optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(500).optional(),
        }),
      },
      responses: {
        200: json(z.object({ items: z.array(deliverySchema), nextCursor: z.string().nullable() }), "配信"),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await listDeliveries(ctx.db, c.get("auth").accountId, c.req.valid("param").id, c.req.valid("query")),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/webhooks/{id}/deliveries/{deliveryId}",
      summary: "配信(送る内容と、送信の記録)",
      ...requires("webhooks:read"),
      request: { params: deliveryIds },
      responses: {
        200: json(
          deliverySchema
            .extend({
              payload: z.object({
                type: z.string(),
                timestamp: z.string(),
                data: z.record(z.string(), z.unknown()),
              }),
              attemptLog: z.array(
                z.object({
                  at: z.string(),
                  statusCode: z.number().int().nullable(),
                  durationMs: z.number().int(),
                  error: z.string().nullable(),
                  responseBody: z.string().nullable().describe("受信先の応答(先頭2000文字)"),
                }),
              ),
            })
            .openapi("WebhookDeliveryDetail"),
          "配信",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id, deliveryId } = c.req.valid("param");
      return c.json(await deliveryDetail(ctx.db, c.get("auth").accountId, id, deliveryId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/webhooks/{id}/deliveries/{deliveryId}/redelivery",
      summary: "再送(同じ webhook-id で、1回目から送り直します)",
      ...requires("webhooks:write"),
      request: { params: deliveryIds },
      responses: { 202: { description: "再送を受け付けました" }, ...errorResponses },
    }),
    async (c) => {
      const { id, deliveryId } = c.req.valid("param");
      await redeliver(ctx, c.get("auth").accountId, id, deliveryId);
      return c.body(null, 202);
    },
  );
}

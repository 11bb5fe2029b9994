import { createRoute, z } from "@hono/zod-openapi";
import type { AppContext } from "#server/app/context.ts";
import { cancelOrder } from "#server/app/orders/cancel-order.ts";
import { deleteOrder } from "#server/app/orders/delete-order.ts";
import { recordPayment } from "#server/app/orders/record-payment.ts";
import { registerOrder } from "#server/app/orders/register-order.ts";
import { requestShipmentNow } from "#server/app/shipping/request-shipment.ts";
import { withdrawShipment } from "#server/app/shipping/withdraw-shipment.ts";
import { attachOrderTag, detachOrderTag } from "#server/app/tags/order-tags.ts";
import { instant, uuid } from "#server/domain/fields.ts";
import type { JuchuApi } from "./app.ts";
import { listOrders } from "./list-orders.ts";
import { errorResponses, json, requires } from "./openapi.ts";
import {
  orderListQuerySchema,
  orderRegistrationSchema,
  orderSchema,
  orderSummarySchema,
} from "./order-schemas.ts";
import { presentOrder } from "./present-order.ts";
import { mallCancelReasons } from "./vocabulary.ts";

const orderId = z.object({ id: uuid("注文IDはUUIDです") });
const optionalBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: false },
});

export function registerOrderRoutes(app: JuchuApi, ctx: AppContext): void {
  const cancelReasonCodes = mallCancelReasons(ctx.channels).map((r) => r.code) as [string, ...string[]];
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orders",
      summary: "受注の手動登録",
      ...requires("orders:write"),
      request: {
        body: { content: { "application/json": { schema: orderRegistrationSchema } }, required: true },
      },
      responses: { 201: json(orderSchema, "登録した注文"), ...errorResponses },
    }),
    async (c) => {
      const auth = c.get("auth");
      const body = c.req.valid("json");
      const id = await registerOrder(ctx, auth.actor, auth.accountId, {
        ...body,
        orderedAt: body.orderedAt ? new Date(body.orderedAt) : undefined,
      });
      return c.json(await presentOrder(ctx, auth.accountId, id), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orders",
      summary: "受注一覧",
      ...requires("orders:read"),
      request: { query: orderListQuerySchema },
      responses: {
        200: json(
          z.object({
            items: z.array(orderSummarySchema),
            nextCursor: z.string().nullable(),
            total: z.int(),
            totalCapped: z.boolean(),
          }),
          "注文の一覧",
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listOrders(ctx.db, c.get("auth").accountId, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orders/{id}",
      summary: "受注詳細",
      ...requires("orders:read"),
      request: { params: orderId },
      responses: { 200: json(orderSchema, "注文"), ...errorResponses },
    }),
    async (c) => c.json(await presentOrder(ctx, c.get("auth").accountId, c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orders/{id}/cancel",
      summary: "注文キャンセル",
      ...requires("orders:write"),
      request: {
        params: orderId,
        ...optionalBody(
          z.object({
            reason: z.string().max(200, "理由は200文字以内です").optional(),
            mallCancelReason: z
              .enum(cancelReasonCodes, {
                error: `モールへのキャンセル理由は ${cancelReasonCodes.join(", ")} のいずれかです`,
              })
              .optional()
              .describe(
                "モールに伝えるキャンセル理由(/api/vocabulary の mallCancelReasons、注文のチャネルのもの)。省略時はチャネルの最初の理由(お客様都合)",
              ),
          }),
        ),
      },
      responses: {
        200: json(
          orderSchema.extend({
            warnings: z.array(z.string()).describe("キャンセルは済んだが人の対応が要ること"),
          }),
          "キャンセルした注文",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const id = c.req.valid("param").id;
      const body = c.req.valid("json") ?? {};
      const { warnings } = await cancelOrder(ctx, actor, accountId, id, body);
      return c.json({ ...(await presentOrder(ctx, accountId, id)), warnings }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/orders/{id}",
      summary: "注文削除(論理削除)",
      ...requires("orders:write"),
      request: { params: orderId },
      responses: { 200: json(orderSchema, "削除した注文"), ...errorResponses },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const id = c.req.valid("param").id;
      await deleteOrder(ctx, actor, accountId, id);
      return c.json(await presentOrder(ctx, accountId, id), 200);
    },
  );

  const paymentSchema = z.object({
    paidAt: instant("入金日時はISO 8601で指定してください").optional(),
    amount: z.int("入金額は整数(円)です").min(0).optional(),
  });
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orders/{id}/payment",
      summary: "入金確認",
      ...requires("orders:write"),
      request: { params: orderId, ...optionalBody(paymentSchema) },
      responses: { 200: json(orderSchema, "入金を記録した注文"), ...errorResponses },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const id = c.req.valid("param").id;
      const body = c.req.valid("json") ?? {};
      await recordPayment(ctx, actor, accountId, id, {
        paidAt: body.paidAt ? new Date(body.paidAt) : undefined,
        amount: body.amount,
      });
      return c.json(await presentOrder(ctx, accountId, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orders/{id}/tags",
      summary: "注文にタグを付ける",
      ...requires("orders:write"),
      request: {
        params: orderId,
        body: {
          content: { "application/json": { schema: z.object({ tagId: uuid("tagIdはUUIDです") }) } },
          required: true,
        },
      },
      responses: { 200: json(orderSchema, "タグを付けた注文"), ...errorResponses },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const id = c.req.valid("param").id;
      await attachOrderTag(ctx, actor, accountId, id, c.req.valid("json").tagId);
      return c.json(await presentOrder(ctx, accountId, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/orders/{id}/tags/{tagId}",
      summary: "注文からタグを外す",
      ...requires("orders:write"),
      request: { params: z.object({ id: uuid("注文IDはUUIDです"), tagId: uuid("タグIDはUUIDです") }) },
      responses: { 200: json(orderSchema, "タグを外した注文"), ...errorResponses },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const { id, tagId } = c.req.valid("param");
      await detachOrderTag(ctx, actor, accountId, id, tagId);
      return c.json(await presentOrder(ctx, accountId, id), 200);
    },
  );

  const shipmentParams = z.object({ id: uuid("注文IDはUUIDです"), shipmentId: uuid("出荷IDはUUIDです") });
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orders/{id}/shipments/{shipmentId}/withdraw",
      summary: "出荷依頼の取下げ",
      description:
        "倉庫が受け付けると出荷は出荷不可になり、注文に「出荷取下げ」タグが付きます。注文は自動ではキャンセルされません。",
      ...requires("shipping:write"),
      request: { params: shipmentParams },
      responses: { 200: json(orderSchema, "取下げ後の注文"), ...errorResponses },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const { id, shipmentId } = c.req.valid("param");
      await withdrawShipment(ctx, actor, accountId, id, shipmentId);
      return c.json(await presentOrder(ctx, accountId, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orders/{id}/shipments/{shipmentId}/request",
      summary: "出荷依頼の(再)送信",
      description: "出荷待ちまたは出荷不可の出荷を、待ち時間を待たずに倉庫へ依頼します。",
      ...requires("shipping:write"),
      request: { params: shipmentParams },
      responses: { 202: json(orderSchema, "依頼を送信待ちにした注文"), ...errorResponses },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const { id, shipmentId } = c.req.valid("param");
      await requestShipmentNow(ctx, actor, accountId, id, shipmentId);
      return c.json(await presentOrder(ctx, accountId, id), 202);
    },
  );
}

import { createRoute, z } from "@hono/zod-openapi";
import { approveB2bCancel } from "#server/app/b2b/approve-cancel-request.ts";
import { refuseB2bCancel } from "#server/app/b2b/refuse-cancel-request.ts";
import type { AppContext } from "#server/app/context.ts";
import { uuid } from "#server/domain/fields.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";
import { orderSchema } from "./order-schemas.ts";
import { presentOrder } from "./present-order.ts";

const orderId = z.object({ id: uuid("注文IDはUUIDです") });

/** 受注詳細's 承認する / 拒否する on a buyer company's キャンセルリクエスト. */
export function registerB2bCancelRequestRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orders/{id}/cancel-request/approval",
      summary: "キャンセルリクエストを承認する(取引中止)",
      description:
        "注文をキャンセル(取引中止)し、在庫はショップの在庫戻し設定に従って戻る。発注者のメール送信先すべてに「オーダーがキャンセルされました」を送る。",
      ...requires("orders:write", "b2b_desk"),
      request: { params: orderId },
      responses: {
        200: json(
          orderSchema.extend({
            warnings: z.array(z.string()).describe("キャンセルは済んだが人の対応が要ること"),
          }),
          "取引中止にした注文",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const id = c.req.valid("param").id;
      const { warnings } = await approveB2bCancel(ctx, actor, accountId, id);
      return c.json({ ...(await presentOrder(ctx, accountId, id)), warnings }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orders/{id}/cancel-request/refusal",
      summary: "キャンセルリクエストを拒否する",
      description: "注文はそのまま。発注者には「キャンセル却下」と理由が表示され、メールが届く。",
      ...requires("orders:write", "b2b_desk"),
      request: {
        params: orderId,
        body: {
          content: {
            "application/json": {
              schema: z.object({
                reason: z
                  .string()
                  .max(200, "拒否の理由は20文字以内で入力してください")
                  .nullable()
                  .optional()
                  .describe("拒否の理由(任意、20文字以内。発注者に表示される)"),
              }),
            },
          },
          required: false,
        },
      },
      responses: { 200: json(orderSchema, "キャンセルリクエストを却下した注文"), ...errorResponses },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const id = c.req.valid("param").id;
      await refuseB2bCancel(ctx, actor, accountId, id, c.req.valid("json") ?? {});
      return c.json(await presentOrder(ctx, accountId, id), 200);
    },
  );
}

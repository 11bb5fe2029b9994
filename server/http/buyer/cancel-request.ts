import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { buyerOrderDetail } from "#server/app/b2b/buyer-orders.ts";
import { requestB2bCancel } from "#server/app/b2b/request-cancel.ts";
import type { AppContext } from "#server/app/context.ts";
import { uuid } from "#server/domain/fields.ts";
import { errorResponses, json, jsonBody } from "../openapi.ts";
import { type BuyerEnv, buyerSecurity } from "./auth.ts";
import { buyerOrderDetailSchema, detail } from "./orders.ts";

/** 発注履歴詳細's 「キャンセルをリクエストする」. */
export function registerBuyerCancelRequestRoute(app: OpenAPIHono<BuyerEnv>, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "post",
      path: "/orders/{id}/cancel-request",
      summary: "キャンセルをリクエストする(受注側が承認するまで注文はキャンセルされない)",
      description:
        "受注側が注文キャンセルの受付を許可しているときだけ、出荷済になるまで。キャンセル理由を一つ選び、その他は20文字以内の理由が必要。",
      security: buyerSecurity,
      request: {
        params: z.object({ id: uuid("注文IDはUUIDです") }),
        ...jsonBody(
          z.object({
            reasonCode: z.string().max(50).describe("GET /api/buyer/cancel-reasons の code"),
            otherReason: z
              .string()
              .max(200, "キャンセル理由は20文字以内で入力してください")
              .nullable()
              .optional()
              .describe("その他のときの理由(20文字以内)"),
          }),
        ),
      },
      responses: { 200: json(buyerOrderDetailSchema, "キャンセルリクエスト中の注文"), ...errorResponses },
    }),
    async (c) => {
      const buyer = c.get("buyer");
      const { id } = c.req.valid("param");
      await requestB2bCancel(ctx, buyer, id, c.req.valid("json"));
      return c.json(detail(await buyerOrderDetail(ctx.db, buyer, id)), 200);
    },
  );
}

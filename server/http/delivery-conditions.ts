import { createRoute, z } from "@hono/zod-openapi";
import {
  exportDeliveryConditions,
  importDeliveryConditions,
  productDeliveryConditions,
  setDeliveryConditions,
} from "#server/app/catalog/delivery-conditions.ts";
import type { AppContext } from "#server/app/context.ts";
import { CARRIER_CODES } from "#server/domain/carrier.ts";
import { deliveryConditionsSchema, TIME_SLOTS } from "#server/domain/delivery-conditions.ts";
import { uuid } from "#server/domain/fields.ts";
import { tokyoDate } from "#server/domain/tokyo-time.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";

const conditionsView = z
  .object({
    warehouseId: uuid().nullable().describe("物流会社(倉庫ID)。null はショップの倉庫"),
    carrier: z.enum(CARRIER_CODES).nullable().describe("配送会社。null は倉庫の既定"),
    leadDays: z.int().describe("お届け対応可能日数: 出荷できるまでに要る営業日数(出荷予定日に足す)"),
    timeSlots: z
      .array(z.enum(TIME_SLOTS))
      .nullable()
      .describe("受け付けるお届け時間帯。null は配送会社の扱うすべて、[] は時間帯指定不可"),
  })
  .openapi("DeliveryConditions");

const productId = z.object({ id: uuid("商品IDはUUIDです") });

/** 配送条件 (物流会社・配送会社・お届け対応可能日数・時間帯) per product, one at a time or by CSV. */
export function registerDeliveryConditionRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/products/{id}/delivery-conditions",
      summary: "商品の配送条件",
      ...requires("catalog:read"),
      request: { params: productId },
      responses: { 200: json(conditionsView, "配送条件"), ...errorResponses },
    }),
    async (c) =>
      c.json(await productDeliveryConditions(ctx.db, c.get("auth").accountId, c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/products/{id}/delivery-conditions",
      summary: "商品の配送条件を設定(これから登録される注文に効きます)",
      ...requires("catalog:write"),
      request: {
        params: productId,
        body: { required: true, content: { "application/json": { schema: deliveryConditionsSchema } } },
      },
      responses: { 200: json(conditionsView, "設定後の配送条件"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await setDeliveryConditions(
          ctx,
          c.get("auth").accountId,
          c.req.valid("param").id,
          c.req.valid("json"),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/delivery-conditions.csv",
      summary: "配送条件の一括編集用CSV(Shift_JIS、SKU順)",
      ...requires("catalog:read"),
      responses: {
        200: {
          content: { "text/csv": { schema: z.string().openapi({ format: "binary" }) } },
          description: "SKU, 商品名, 物流会社, 配送会社, お届け対応可能日数, 時間帯",
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const bytes = await exportDeliveryConditions(ctx.db, c.get("auth").accountId);
      const name = `配送条件-${tokyoDate(ctx.clock.now())}.csv`;
      return new Response(new Uint8Array(bytes), {
        headers: {
          "content-type": "text/csv; charset=Shift_JIS",
          "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
        },
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/delivery-conditions.csv",
      summary: "配送条件の一括取込(1行でも誤りがあればどの行も取り込まず、行・列・ルールを返します)",
      description: "本文はCSVファイルそのもの(Shift_JISまたはUTF-8)。見出しは書き出したCSVと同じです。",
      ...requires("catalog:write"),
      request: {
        body: {
          content: { "text/csv": { schema: z.string().openapi({ format: "binary" }) } },
          required: true,
        },
      },
      responses: {
        200: json(z.object({ updated: z.int().describe("配送条件を書き換えた商品の数") }), "取込結果"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      return c.json(await importDeliveryConditions(ctx, c.get("auth").accountId, bytes), 200);
    },
  );
}

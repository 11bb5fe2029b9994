import { createRoute, z } from "@hono/zod-openapi";
import { createProductMapping } from "#server/app/catalog/create-product-mapping.ts";
import { deleteProductMapping } from "#server/app/catalog/delete-product-mapping.ts";
import type { AppContext } from "#server/app/context.ts";
import { findMappingView, listMappings, unmappedItems } from "#server/db/catalog/mapping-queries.ts";
import { uuid } from "#server/domain/fields.ts";
import { notFound } from "#server/domain/refusal.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";

const mappingSchema = z
  .object({
    id: uuid(),
    shopId: uuid(),
    mallItemCode: z.string(),
    mallSkuCode: z.string().nullable().describe("null: どのSKUでもこの商品管理番号ならこのマッピング"),
    components: z.array(
      z.object({ productId: uuid(), sku: z.string(), name: z.string(), quantity: z.int() }),
    ),
  })
  .openapi("ProductMapping");

const code = (max: number, what: string) =>
  z
    .string(`${what}は文字列で指定してください`)
    .trim()
    .min(1, `${what}を入力してください`)
    .max(max, `${what}は${max}文字以内です`);

const mappingInputSchema = z
  .object({
    shopId: uuid("shopIdはUUIDで指定してください"),
    mallItemCode: code(100, "商品管理番号"),
    mallSkuCode: z.string("SKU番号は文字列で指定してください").trim().max(100).nullable().optional(),
    components: z
      .array(
        z.object({
          productId: uuid("productIdは商品のIDで指定してください"),
          quantity: z
            .int("数量は整数で指定してください")
            .min(1, "数量は1以上で指定してください")
            .max(9999, "数量は9999までです"),
        }),
        "componentsは配列で指定してください",
      )
      .min(1, "商品を1つ以上指定してください")
      .max(50, "セット商品の構成は50商品までです"),
  })
  .openapi("ProductMappingInput");

const page = {
  limit: z.coerce
    .number("limitは整数です")
    .int("limitは整数です")
    .min(1)
    .max(500, "limitは500までです")
    .optional(),
};
const shopFilter = { shopId: uuid("shopIdはUUIDで指定してください").optional() };
const mappingId = z.object({ id: uuid("商品マッピングIDはUUIDです") });

export function registerProductMappingRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/product-mappings",
      summary: "商品マッピング一覧",
      ...requires("catalog:read"),
      request: {
        query: z.object({
          ...shopFilter,
          ...page,
          q: z.string().trim().min(1).max(100).optional(),
          cursor: z.string().max(500).optional(),
        }),
      },
      responses: {
        200: json(
          z.object({ items: z.array(mappingSchema), nextCursor: z.string().nullable(), total: z.int() }),
          "商品マッピングの一覧",
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listMappings(ctx.db, c.get("auth").accountId, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/product-mappings/unmapped",
      summary: "未マッピング商品(注文が待っている多い順)",
      description: "削除・キャンセルされていない注文の明細のうち、どのマッピングにも当たらないモール商品",
      ...requires("catalog:read"),
      request: { query: z.object({ ...shopFilter, ...page }) },
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                shopId: uuid(),
                mallItemCode: z.string(),
                mallSkuCode: z.string().nullable(),
                name: z.string().describe("明細の商品名(例)"),
                orderCount: z.int().describe("この商品を含む注文の数"),
              }),
            ),
            total: z.int(),
          }),
          "未マッピング商品",
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await unmappedItems(ctx.db, c.get("auth").accountId, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/product-mappings",
      summary: "商品マッピング登録(待っていた確認待の注文は自動で先へ進む)",
      ...requires("catalog:write"),
      request: { body: { required: true, content: { "application/json": { schema: mappingInputSchema } } } },
      responses: { 201: json(mappingSchema, "登録した商品マッピング"), ...errorResponses },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const body = c.req.valid("json");
      const id = await createProductMapping(ctx, actor, accountId, {
        ...body,
        mallSkuCode: body.mallSkuCode ?? "",
      });
      const view = await findMappingView(ctx.db, accountId, id);
      if (!view) throw notFound("product_mapping", "商品マッピング");
      return c.json(view, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/product-mappings/{id}",
      summary: "商品マッピング詳細",
      ...requires("catalog:read"),
      request: { params: mappingId },
      responses: { 200: json(mappingSchema, "商品マッピング"), ...errorResponses },
    }),
    async (c) => {
      const view = await findMappingView(ctx.db, c.get("auth").accountId, c.req.valid("param").id);
      if (!view) throw notFound("product_mapping", "商品マッピング");
      return c.json(view, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/product-mappings/{id}",
      summary: "商品マッピング削除(引当済みの在庫はそのまま)",
      ...requires("catalog:write"),
      request: { params: mappingId },
      responses: { 204: { description: "削除しました" }, ...errorResponses },
    }),
    async (c) => {
      await deleteProductMapping(ctx, c.get("auth").accountId, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
}

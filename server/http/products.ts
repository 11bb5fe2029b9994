import { createRoute, z } from "@hono/zod-openapi";
import { createProduct, updateProduct } from "#server/app/catalog/products.ts";
import type { AppContext } from "#server/app/context.ts";
import { changeStock } from "#server/app/stock/change-stock.ts";
import { productOrderLine } from "#server/db/catalog/product-order-line.ts";
import { findProduct, listProducts, type ProductView } from "#server/db/catalog/product-queries.ts";
import type { Db } from "#server/db/database.ts";
import { uuid } from "#server/domain/fields.ts";
import { notFound } from "#server/domain/refusal.ts";
import {
  SHIPPING_SERVICES,
  type ShippingService,
  TEMPERATURES,
  type Temperature,
} from "#server/domain/shipping-service.ts";
import { MAX_ON_HAND } from "#server/domain/stock.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";
import { registerProductMappingRoutes } from "./product-mappings.ts";
import { registerStockMovementRoutes } from "./stock-movements.ts";

const productSchema = z
  .object({
    id: uuid(),
    sku: z.string(),
    name: z.string(),
    shippingService: z.enum(SHIPPING_SERVICES).describe("配送サービス(送り状の種類の既定)"),
    temperature: z.enum(TEMPERATURES).describe("温度帯: ambient 常温, chilled 冷蔵, frozen 冷凍"),
    stock: z.array(
      z.object({
        warehouseId: uuid(),
        warehouseName: z.string(),
        onHand: z.int(),
        allocated: z.int().describe("注文に引当済みの数"),
        available: z.int().describe("onHand - allocated: 新しい注文に引当てられる数"),
        waitingNeed: z.int().describe("在庫引当中の出荷にまだ足りない数(引当待ちの注文が必要とする数)"),
      }),
    ),
  })
  .openapi("Product");

const skuSchema = z
  .string("SKUは文字列で指定してください")
  .trim()
  .min(1, "SKUを入力してください")
  .max(64, "SKUは64文字以内です");
const nameSchema = z
  .string("商品名は文字列で指定してください")
  .trim()
  .min(1, "商品名を入力してください")
  .max(255, "商品名は255文字以内です");

const shippingServiceSchema = z.enum(SHIPPING_SERVICES, {
  error: `配送サービスは ${SHIPPING_SERVICES.join(", ")} のいずれかです`,
});
const temperatureSchema = z.enum(TEMPERATURES, {
  error: `温度帯は ${TEMPERATURES.join(", ")} のいずれかです`,
});
const productFields = {
  shippingService: shippingServiceSchema.optional(),
  temperature: temperatureSchema.optional(),
};

const stockChangeSchema = z
  .object({
    warehouseId: uuid("warehouseIdは倉庫のIDで指定してください").optional(),
    onHand: z
      .int("onHandは整数で指定してください")
      .min(0, "在庫数は0以上で指定してください")
      .max(MAX_ON_HAND, `在庫数は${MAX_ON_HAND}までです`)
      .optional(),
    delta: z
      .int("deltaは整数で指定してください")
      .min(-MAX_ON_HAND, "deltaが小さすぎます")
      .max(MAX_ON_HAND, "deltaが大きすぎます")
      .optional(),
  })
  .superRefine((body, check) => {
    if (body.onHand === undefined && body.delta === undefined)
      check.addIssue({
        code: "custom",
        path: ["onHand"],
        message: "onHand(在庫数)か delta(増減数)のどちらかを指定してください",
      });
    if (body.onHand !== undefined && body.delta !== undefined)
      check.addIssue({ code: "custom", path: ["delta"], message: "onHand と delta は同時に指定できません" });
  })
  .openapi("StockChange", { description: "{ onHand } で在庫数を設定、{ delta } で増減。どちらか一方だけ" });

const listQuery = z.object({
  q: z.string().trim().min(1).max(100, "検索語は100文字以内です").optional(),
  limit: z.coerce
    .number("limitは整数です")
    .int("limitは整数です")
    .min(1)
    .max(500, "limitは500までです")
    .optional(),
  cursor: z.string().max(500).optional(),
});

const productId = z.object({ id: uuid("商品IDはUUIDです") });
const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { "application/json": { schema } } },
});

async function present(db: Db, accountId: string, id: string) {
  const view = await findProduct(db, accountId, id);
  if (!view) throw notFound("product", "商品");
  return presentProduct(view);
}

/** The stored codes are the checked ones (a database constraint holds them to the list). */
const presentProduct = (view: ProductView) => ({
  ...view,
  shippingService: view.shippingService as ShippingService,
  temperature: view.temperature as Temperature,
});

/** 商品マスタと在庫 (SPEC.md §4), and the mappings that tie mall items to products. */
export function registerProductRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/products",
      summary: "商品一覧(SKU順、qでSKU・商品名を検索)",
      ...requires("catalog:read"),
      request: { query: listQuery },
      responses: {
        200: json(
          z.object({
            items: z.array(productSchema),
            nextCursor: z.string().nullable(),
            total: z.int(),
            totalCapped: z.boolean(),
          }),
          "商品の一覧",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const page = await listProducts(ctx.db, c.get("auth").accountId, c.req.valid("query"));
      return c.json({ ...page, items: page.items.map(presentProduct) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/products",
      summary: "商品登録",
      ...requires("catalog:write"),
      request: jsonBody(z.object({ sku: skuSchema, name: nameSchema, ...productFields })),
      responses: { 201: json(productSchema, "登録した商品"), ...errorResponses },
    }),
    async (c) => {
      const { accountId } = c.get("auth");
      const id = await createProduct(ctx, accountId, c.req.valid("json"));
      return c.json(await present(ctx.db, accountId, id), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/products/{id}",
      summary: "商品詳細(倉庫ごとの在庫つき)",
      ...requires("catalog:read"),
      request: { params: productId },
      responses: { 200: json(productSchema, "商品"), ...errorResponses },
    }),
    async (c) => c.json(await present(ctx.db, c.get("auth").accountId, c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/products/{id}/order-line",
      summary: "商品を注文の明細にするとき(受注修正の商品検索): ショップの商品管理番号・商品名・前回の単価",
      ...requires("catalog:read"),
      request: {
        params: productId,
        query: z.object({
          shopId: uuid("shopIdはUUIDで指定してください").describe("明細を加える注文のショップ"),
        }),
      },
      responses: {
        200: json(
          z
            .object({
              mallItemCode: z
                .string()
                .describe("このショップでこの商品だけにマッピングした商品管理番号、なければSKU"),
              mallSkuCode: z.string(),
              name: z.string(),
              unitPrice: z
                .int()
                .nullable()
                .describe("このショップで最後に売れた単価(売れたことがなければ null)"),
              mapped: z.boolean().describe("商品管理番号がこの商品にマッピング済み"),
            })
            .openapi("ProductOrderLine"),
          "明細の初期値",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const line = await productOrderLine(
        ctx.db,
        c.get("auth").accountId,
        c.req.valid("param").id,
        c.req.valid("query").shopId,
      );
      if (!line) throw notFound("product", "商品");
      return c.json(line, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/products/{id}",
      summary: "商品の変更",
      ...requires("catalog:write"),
      request: {
        params: productId,
        ...jsonBody(z.object({ sku: skuSchema.optional(), name: nameSchema.optional(), ...productFields })),
      },
      responses: { 200: json(productSchema, "変更後の商品"), ...errorResponses },
    }),
    async (c) => {
      const { accountId } = c.get("auth");
      const { id } = c.req.valid("param");
      await updateProduct(ctx, accountId, id, c.req.valid("json"));
      return c.json(await present(ctx.db, accountId, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/products/{id}/stock",
      summary: "在庫数の設定・増減(入荷分は引当待ちの注文へ古い順に引当)",
      ...requires("stock:write"),
      request: { params: productId, ...jsonBody(stockChangeSchema) },
      responses: { 200: json(productSchema, "変更後の商品"), ...errorResponses },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const { id } = c.req.valid("param");
      const { warehouseId, onHand, delta } = c.req.valid("json");
      const change = delta !== undefined ? { delta } : { onHand: onHand ?? 0 };
      await changeStock(ctx, actor, accountId, id, { ...change, warehouseId });
      return c.json(await present(ctx.db, accountId, id), 200);
    },
  );

  registerProductMappingRoutes(app, ctx);
  registerStockMovementRoutes(app, ctx);
}

import { createRoute, z } from "@hono/zod-openapi";
import type { AppContext } from "#server/app/context.ts";
import { listStockMovements } from "#server/db/stock/stock-movement-queries.ts";
import { actedBy } from "#server/domain/acted-by.ts";
import { uuid } from "#server/domain/fields.ts";
import { notFound } from "#server/domain/refusal.ts";
import { STOCK_MOVEMENT_KINDS } from "#server/domain/stock-movement.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";
import { actedBySchema } from "./present-actor.ts";

const movementSchema = z
  .object({
    id: z.int(),
    at: z.string().describe("日時(Asia/Tokyo, ISO 8601)"),
    kind: z.enum(Object.keys(STOCK_MOVEMENT_KINDS) as [keyof typeof STOCK_MOVEMENT_KINDS]),
    kindLabel: z.string().describe("入庫・棚卸・調整・引当・引当解除・出荷・繰越"),
    warehouseId: uuid(),
    warehouseName: z.string(),
    onHandDelta: z.int().describe("在庫の増減"),
    allocatedDelta: z.int().describe("引当の増減"),
    order: z.object({ id: uuid(), mallOrderNumber: z.string() }).nullable(),
    shipmentId: uuid().nullable(),
    actor: z.string().describe("user:<id>, token:<id>, system[:job](名前は actedBy)"),
    actedBy: actedBySchema,
  })
  .openapi("StockMovement");

const query = z.object({
  warehouseId: uuid("warehouseIdは倉庫のIDで指定してください").optional(),
  limit: z.coerce
    .number("limitは整数です")
    .int("limitは整数です")
    .min(1)
    .max(200, "limitは200までです")
    .optional(),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, "前の応答の nextCursor をそのまま指定してください")
    .optional(),
});

/** 在庫履歴: what moved a product's 在庫 and 引当, per warehouse, newest first. */
export function registerStockMovementRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/products/{id}/stock-movements",
      summary: "在庫履歴(新しい順、warehouseIdで倉庫を絞り込み)",
      ...requires("stock:read"),
      request: { params: z.object({ id: uuid("商品IDはUUIDです") }), query },
      responses: {
        200: json(
          z.object({ items: z.array(movementSchema), nextCursor: z.string().nullable() }),
          "在庫の動き",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const page = await listStockMovements(
        ctx.db,
        c.get("auth").accountId,
        c.req.valid("param").id,
        c.req.valid("query"),
      );
      if (!page) throw notFound("product", "商品");
      return c.json(
        {
          nextCursor: page.nextCursor,
          items: page.items.map(({ actorName, ...m }) => ({
            ...m,
            actedBy: actedBy(m.actor, actorName ? { [m.actor]: actorName } : {}),
            at: toTokyoIso(m.at),
            kind: m.kind as keyof typeof STOCK_MOVEMENT_KINDS,
          })),
        },
        200,
      );
    },
  );
}

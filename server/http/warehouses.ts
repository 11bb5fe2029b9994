import { createRoute, z } from "@hono/zod-openapi";
import { asc, eq } from "drizzle-orm";
import type { AppContext } from "#server/app/context.ts";
import { warehouses } from "#server/db/schema.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, security } from "./openapi.ts";

const KIND_LABELS: Record<string, string> = { self: "自社倉庫", rsl: "楽天スーパーロジスティクス" };

const warehouseSchema = z
  .object({ id: z.uuid(), name: z.string(), kind: z.string(), kindLabel: z.string() })
  .openapi("Warehouse");

export function registerWarehouseRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/warehouses",
      summary: "倉庫一覧(在庫の置き場所、ショップの出荷元)",
      security,
      responses: { 200: json(z.object({ items: z.array(warehouseSchema) }), "倉庫"), ...errorResponses },
    }),
    async (c) => {
      const rows = await ctx.db
        .select({ id: warehouses.id, name: warehouses.name, kind: warehouses.kind })
        .from(warehouses)
        .where(eq(warehouses.accountId, c.get("auth").accountId))
        .orderBy(asc(warehouses.createdAt), asc(warehouses.id));
      return c.json({ items: rows.map((w) => ({ ...w, kindLabel: KIND_LABELS[w.kind] ?? w.kind })) }, 200);
    },
  );
}

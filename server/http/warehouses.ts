import { createRoute, z } from "@hono/zod-openapi";
import { and, asc, eq } from "drizzle-orm";
import type { AppContext } from "#server/app/context.ts";
import { pollWarehouseResults } from "#server/app/shipping/record-warehouse-results.ts";
import { warehouseKindOf } from "#server/app/shipping/warehouse-client.ts";
import { createWarehouse, updateWarehouse } from "#server/app/shipping/warehouses.ts";
import { warehouses } from "#server/db/schema.ts";
import { uuid } from "#server/domain/fields.ts";
import { notFound } from "#server/domain/refusal.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import { warehouseSettingsOf } from "#server/domain/warehouse-settings.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";

const senderSchema = z.object({
  name: z.string(),
  postalCode: z.string(),
  prefecture: z.string(),
  address1: z.string(),
  address2: z.string().optional(),
  phone: z.string(),
});

const capabilitiesSchema = z
  .object({
    stockRoom: z.boolean().describe("ピッキングリスト・送り状データ・伝票番号取込をJuchuで行う(自社倉庫)"),
    withdraw: z.boolean().describe("出荷依頼を取り下げられる"),
    resultsPolling: z.boolean().describe("出荷実績を定期的に取得する"),
    stockSync: z.boolean().describe("在庫数を倉庫から取り込む"),
    linkage: z.boolean().describe("倉庫のAPIと出荷依頼・実績を自動連携する(プランの倉庫連携が必要)"),
  })
  .openapi("WarehouseCapabilities");

const warehouseKindSchema = z
  .object({
    kind: z.string(),
    label: z.string(),
    credentials: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        secret: z.boolean(),
        minLength: z.int(),
        maxLength: z.int(),
      }),
    ),
    capabilities: capabilitiesSchema,
  })
  .openapi("WarehouseKind");

export const warehouseSchema = z
  .object({
    id: uuid(),
    name: z.string(),
    kind: z.string(),
    kindLabel: z.string(),
    capabilities: capabilitiesSchema,
    hasCredentials: z.boolean(),
    settings: z.object({
      resultPollMinutes: z.int(),
      shippingCutoff: z.string().optional().describe("出荷締め時刻(HH:MM)"),
      sender: senderSchema.optional(),
      yamatoBillingCustomerCode: z.string().optional(),
      yamatoFreightNumber: z.string().optional(),
    }),
    resultsPolledAt: z.string().nullable(),
  })
  .openapi("Warehouse");

const inputSchema = z.object({
  name: z.string().trim().min(1, "倉庫名を入力してください").max(50, "倉庫名は50文字以内です").optional(),
  credentials: z
    .record(z.string(), z.string().max(1000))
    .optional()
    .describe("書き込み専用: 倉庫の種類の credentials 欄(GET /api/warehouse-kinds)。保存後は返しません"),
  settings: z.record(z.string(), z.unknown()).optional(),
});

const idParam = z.object({ id: uuid("倉庫IDはUUIDです") });

function present(ctx: AppContext, w: typeof warehouses.$inferSelect) {
  const kind = warehouseKindOf(ctx, w.kind);
  return {
    id: w.id,
    name: w.name,
    kind: w.kind,
    kindLabel: kind.label,
    capabilities: kind.capabilities,
    hasCredentials: w.credentials !== null,
    settings: warehouseSettingsOf(w.settings),
    resultsPolledAt: w.resultsPolledAt ? toTokyoIso(w.resultsPolledAt) : null,
  };
}

export async function accountWarehouse(ctx: AppContext, accountId: string, id: string) {
  const [w] = await ctx.db
    .select()
    .from(warehouses)
    .where(and(eq(warehouses.id, id), eq(warehouses.accountId, accountId)));
  if (!w) throw notFound("warehouse", "倉庫");
  return w;
}

export async function listWarehouses(
  ctx: AppContext,
  accountId: string,
): Promise<z.infer<typeof warehouseSchema>[]> {
  const rows = await ctx.db
    .select()
    .from(warehouses)
    .where(eq(warehouses.accountId, accountId))
    .orderBy(asc(warehouses.createdAt), asc(warehouses.id));
  return rows.map((w) => present(ctx, w));
}

export function registerWarehouseRoutes(app: JuchuApi, ctx: AppContext): void {
  const kinds = ctx.warehouseKinds.map((d) => d.kind) as [string, ...string[]];

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/warehouse-kinds",
      summary: "登録できる倉庫の種類(名前、接続情報の欄、できること)",
      ...requires("warehouses:read"),
      responses: {
        200: json(z.object({ items: z.array(warehouseKindSchema) }), "倉庫の種類"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const items = ctx.warehouseKinds.map(({ kind, label, credentials, capabilities }) => ({
        kind,
        label,
        credentials: [...credentials],
        capabilities,
      }));
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/warehouses",
      summary: "倉庫一覧(在庫の置き場所、ショップの出荷元)",
      ...requires("warehouses:read"),
      responses: { 200: json(z.object({ items: z.array(warehouseSchema) }), "倉庫"), ...errorResponses },
    }),
    async (c) => c.json({ items: await listWarehouses(ctx, c.get("auth").accountId) }, 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/warehouses",
      summary: "倉庫の登録(自社倉庫、または登録済みの3PL)",
      ...requires("warehouses:write"),
      request: {
        body: {
          content: {
            "application/json": {
              schema: inputSchema.extend({
                kind: z.enum(kinds, { error: `倉庫の種類は ${kinds.join(", ")} のいずれかです` }),
              }),
            },
          },
        },
      },
      responses: { 201: json(warehouseSchema, "登録した倉庫"), ...errorResponses },
    }),
    async (c) => {
      const { accountId } = c.get("auth");
      const id = await createWarehouse(ctx, accountId, c.req.valid("json"));
      return c.json(present(ctx, await accountWarehouse(ctx, accountId, id)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/warehouses/{id}",
      summary: "倉庫の設定変更(ご依頼主、送り状の請求先、3PLの接続情報・実績取得間隔)",
      ...requires("warehouses:write"),
      request: { params: idParam, body: { content: { "application/json": { schema: inputSchema } } } },
      responses: { 200: json(warehouseSchema, "変更後の倉庫"), ...errorResponses },
    }),
    async (c) => {
      const { accountId } = c.get("auth");
      const { id } = c.req.valid("param");
      await updateWarehouse(ctx, accountId, id, c.req.valid("json"));
      return c.json(present(ctx, await accountWarehouse(ctx, accountId, id)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/warehouses/{id}/poll-results",
      summary: "出荷実績を今すぐ取得",
      ...requires("warehouses:write"),
      request: { params: idParam },
      responses: { 200: json(z.object({ results: z.int() }), "取得した実績の件数"), ...errorResponses },
    }),
    async (c) => {
      const w = await accountWarehouse(ctx, c.get("auth").accountId, c.req.valid("param").id);
      return c.json({ results: await pollWarehouseResults(ctx, w.id) }, 200);
    },
  );
}

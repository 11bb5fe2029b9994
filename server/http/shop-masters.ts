import { createRoute, z } from "@hono/zod-openapi";
import { saveShopMaster, shopMasters, shopUnknownValues } from "#server/app/channels/shop-masters.ts";
import type { AppContext } from "#server/app/context.ts";
import { uuid } from "#server/domain/fields.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";

const shopId = z.object({ id: uuid("ショップIDはUUIDです") });
const coded = z.object({ code: z.string(), label: z.string() });

const masterSchema = z
  .object({
    kind: z.string().describe("マスタの種類(delivery_company 配送会社, payment_method 決済方法 …)"),
    label: z.string(),
    everyCode: z.boolean().describe("Juchuのコードすべてに行が要る(モールへの報告に使うマスタ)"),
    codes: z.array(coded).describe("Juchuのコードと名前"),
    mallCodes: z.array(coded).describe("モールのコードと、モールが付けている名前"),
    mallCodeHint: z.string().describe("モールのコードの形"),
    rows: z.array(
      z.object({
        code: z.string().describe("Juchuのコード"),
        label: z.string(),
        mallCode: z.string().describe("モールのコード"),
        mallLabel: z.string().nullable().describe("モールでの名前(モールの一覧にないコードは null)"),
      }),
    ),
    edited: z.boolean().describe("ショップ独自の設定(false はチャネルの既定値)"),
  })
  .openapi("ShopMaster");

const unknownValueSchema = z
  .object({
    kind: z
      .string()
      .describe("payment_method 決済方法, order_status 受注ステータス, delivery_company 配送会社"),
    kindLabel: z.string(),
    mallCode: z.string().describe("モールが送ってきたコード"),
    label: z.string().describe("モールでの名前"),
    firstSeenAt: z.string().describe("この値の注文を最初に取り込んだ日時"),
    orderCount: z.int().describe("この値が付いている注文の数"),
    hasMaster: z.boolean().describe("マスタ管理で登録できる種類か"),
  })
  .openapi("UnknownMallValue");

/** マスタ管理 and 未登録の値 of a shop (seed E7, E8). */
export function registerShopMasterRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/shops/{id}/masters",
      summary: "マスタ管理: チャネルのマスタとショップの設定",
      ...requires("shops:read"),
      request: { params: shopId },
      responses: { 200: json(z.object({ items: z.array(masterSchema) }), "マスタ"), ...errorResponses },
    }),
    async (c) => {
      const items = await shopMasters(ctx, c.get("auth").accountId, c.req.valid("param").id);
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/shops/{id}/masters/{kind}",
      summary: "マスタ管理: ショップの行をまとめて保存(次の取込・出荷報告から使われます)",
      ...requires("shops:write"),
      request: {
        params: shopId.extend({ kind: z.string().min(1).max(50) }),
        body: {
          required: true,
          content: {
            "application/json": {
              schema: z.object({
                rows: z.array(z.object({ code: z.string().max(50), mallCode: z.string().max(50) })).max(500),
              }),
            },
          },
        },
      },
      responses: { 200: json(masterSchema, "保存したマスタ"), ...errorResponses },
    }),
    async (c) => {
      const { id, kind } = c.req.valid("param");
      const saved = await saveShopMaster(ctx, c.get("auth").accountId, id, kind, c.req.valid("json").rows);
      return c.json(saved, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/shops/{id}/unknown-values",
      summary: "未登録の値: モールから届いた、Juchuが知らない値",
      ...requires("shops:read"),
      request: { params: shopId },
      responses: {
        200: json(z.object({ items: z.array(unknownValueSchema) }), "未登録の値"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const rows = await shopUnknownValues(ctx, c.get("auth").accountId, c.req.valid("param").id);
      return c.json({ items: rows.map((r) => ({ ...r, firstSeenAt: toTokyoIso(r.firstSeenAt) })) }, 200);
    },
  );
}

import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq } from "drizzle-orm";
import { orderSourceOf } from "#server/app/channels/channel-clients.ts";
import { runShopImport } from "#server/app/channels/import-shop.ts";
import type { AppContext } from "#server/app/context.ts";
import { processTestOrders } from "#server/app/orders/test-orders.ts";
import { importRuns, shops } from "#server/db/schema.ts";
import { uuid } from "#server/domain/fields.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import { MallError } from "#server/ports/mall.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";

const shopId = z.object({ id: uuid("ショップIDはUUIDです") });

const runSchema = z
  .object({
    id: uuid(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    windowFrom: z.string(),
    windowTo: z.string(),
    status: z.enum(["running", "succeeded", "failed", "interrupted"]),
    testImport: z.boolean(),
    found: z.int().describe("検索で見つかった注文"),
    created: z.int().describe("新規に取り込んだ注文"),
    updated: z.int().describe("モールの変更を反映した注文"),
    unchanged: z.int(),
    skipped: z.int().describe("キャンセル済み・削除済みの番号などで取り込まなかった注文"),
    failed: z.int().describe("読めたが書き込めなかった注文(理由は errors)"),
    seen: z
      .int()
      .describe(
        "この回に読んだ注文(検索で見つかった注文+再確認した取込済みの注文)。新規+更新+変化なし+スキップ+失敗 = この件数",
      ),
    errors: z.array(
      z.object({ mallOrderNumber: z.string().optional(), code: z.string(), message: z.string() }),
    ),
  })
  .openapi("ImportRun");

type RunRow = typeof importRuns.$inferSelect;
const iso = (d: Date | null) => (d ? toTokyoIso(d) : null);

function present(r: RunRow): z.infer<typeof runSchema> {
  return {
    id: r.id,
    startedAt: toTokyoIso(r.startedAt),
    finishedAt: iso(r.finishedAt),
    windowFrom: toTokyoIso(r.windowFrom),
    windowTo: toTokyoIso(r.windowTo),
    status: r.status as z.infer<typeof runSchema>["status"],
    testImport: r.testImport,
    found: r.found,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    skipped: r.skipped,
    failed: r.failed,
    seen: r.seen,
    errors: r.errors as z.infer<typeof runSchema>["errors"],
  };
}

async function ownShop(ctx: AppContext, accountId: string, id: string) {
  const [shop] = await ctx.db
    .select()
    .from(shops)
    .where(and(eq(shops.id, id), eq(shops.accountId, accountId)));
  if (!shop) throw notFound("shop", "ショップ");
  return shop;
}

/** 受注取込: the import log, a poll on demand, the connection test and test-import clean-up. */
export function registerShopImportRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/shops/{id}/import-runs",
      summary: "取込ログ(新しい順)",
      ...requires("shops:read"),
      request: {
        params: shopId,
        query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
      },
      responses: { 200: json(z.object({ items: z.array(runSchema) }), "取込ログ"), ...errorResponses },
    }),
    async (c) => {
      const shop = await ownShop(ctx, c.get("auth").accountId, c.req.valid("param").id);
      const rows = await ctx.db
        .select()
        .from(importRuns)
        .where(eq(importRuns.shopId, shop.id))
        .orderBy(desc(importRuns.startedAt))
        .limit(c.req.valid("query").limit);
      return c.json({ items: rows.map(present) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/shops/{id}/import",
      summary: "今すぐ取込(取込の設定に関係なく一度だけ)",
      ...requires("shops:write"),
      request: { params: shopId },
      responses: { 200: json(runSchema, "この取込の結果"), ...errorResponses },
    }),
    async (c) => {
      const shop = await ownShop(ctx, c.get("auth").accountId, c.req.valid("param").id);
      if (ctx.channels.get(shop.channel)?.capabilities.source !== "poll") {
        throw new Refusal(
          "import.channel_not_supported",
          "このショップのモールからの自動取込にはまだ対応していません。",
        );
      }
      const summary = await runShopImport(ctx, shop.id);
      if (!summary)
        throw new Refusal(
          "import.already_running",
          "このショップの取込が実行中です。終わってから確認してください。",
        );
      const [run] = await ctx.db.select().from(importRuns).where(eq(importRuns.id, summary.runId));
      if (!run) throw new Error("import run vanished");
      return c.json(present(run), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/shops/{id}/test-connection",
      summary: "接続テスト(直近1時間の注文を検索するだけで、何も書き込まない)",
      ...requires("shops:write"),
      request: { params: shopId },
      responses: {
        200: json(
          z.object({
            ok: z.boolean(),
            found: z.int().nullable(),
            code: z.string().nullable(),
            message: z.string(),
          }),
          "接続テストの結果",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const shop = await ownShop(ctx, c.get("auth").accountId, c.req.valid("param").id);
      const now = ctx.clock.now();
      try {
        const { found } = await orderSourceOf(ctx, shop).checkConnection(now);
        return c.json(
          {
            ok: true,
            found,
            code: null,
            message: `接続できました(直近1時間の注文 ${found}件)`,
          },
          200,
        );
      } catch (error) {
        if (!(error instanceof MallError)) throw error;
        return c.json({ ok: false, found: null, code: error.code, message: error.message }, 200);
      }
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/shops/{id}/test-orders/process",
      summary: "テスト取込の注文を処理済みにする",
      ...requires("shops:write"),
      request: { params: shopId },
      responses: { 200: json(z.object({ processed: z.int() }), "処理済みにした件数"), ...errorResponses },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      return c.json(await processTestOrders(ctx, actor, accountId, c.req.valid("param").id), 200);
    },
  );
}

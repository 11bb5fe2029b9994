import { createRoute, z } from "@hono/zod-openapi";
import {
  getProductImportRun,
  listProductImportRuns,
  type ProductImportRun,
  productFieldLabels,
  productImportReport,
  productImportReportCsv,
} from "#server/app/catalog/product-import-runs.ts";
import { startProductImport } from "#server/app/catalog/product-import-start.ts";
import type { AppContext } from "#server/app/context.ts";
import { PRODUCT_IMPORT_MODES, PRODUCT_IMPORT_STATUSES, PRODUCT_ROW_OUTCOMES } from "#server/db/schema.ts";
import { uuid } from "#server/domain/fields.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";

/** The product file upload: streamed to the database, so the 1 MB body limit leaves it alone. */
export const PRODUCT_UPLOAD_PATH = "/api/product-imports";

const runSchema = z
  .object({
    id: uuid(),
    shopId: uuid(),
    mode: z
      .enum(PRODUCT_IMPORT_MODES)
      .describe("master: 商品マスタを作る取込 / map: 既存の商品にマッピングする取込"),
    createMissing: z.boolean().describe("新しい商品として登録(一致する商品がない行)"),
    fileName: z.string().nullable(),
    status: z.enum(PRODUCT_IMPORT_STATUSES),
    encoding: z.string().nullable().describe("判定した文字コード"),
    totalBytes: z.int(),
    bytesRead: z.int().describe("読み終えたバイト数(進捗)"),
    rowsRead: z.int().describe("読み終えた行数"),
    created: z.int().describe("登録した商品"),
    updated: z.int().describe("商品名を更新した商品"),
    mapped: z.int().describe("マッピングだけ登録した行"),
    unchanged: z.int(),
    skipped: z.int(),
    failed: z.int(),
    error: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi("ProductImportRun");
const rowSchema = z
  .object({
    line: z.int().describe("ファイルの行番号(見出し行が1行目)"),
    sku: z.string().nullable(),
    mallItemCode: z.string().nullable(),
    mallSkuCode: z.string().nullable(),
    outcome: z.enum(PRODUCT_ROW_OUTCOMES),
    productId: uuid().nullable(),
    field: z.string().nullable(),
    fieldLabel: z.string().nullable(),
    rule: z.string().nullable(),
    message: z.string().nullable(),
  })
  .openapi("ProductImportRow");

const presentRun = ({ accountId: _a, checkpointLine: _c, createdBy: _b, ...r }: ProductImportRun) => ({
  ...r,
  mode: r.mode as (typeof PRODUCT_IMPORT_MODES)[number],
  status: r.status as (typeof PRODUCT_IMPORT_STATUSES)[number],
  startedAt: toTokyoIso(r.startedAt),
  finishedAt: r.finishedAt ? toTokyoIso(r.finishedAt) : null,
});

const runParam = z.object({ id: uuid("取込IDはUUIDです") });
const csvFile = (description: string) => ({
  content: { "text/csv": { schema: z.string().openapi({ format: "binary" }) } },
  description,
});

/** 商品CSV取込: upload a shop's item export, follow the run, read or download its per-line report. */
export function registerProductImportRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/product-import-formats",
      summary: "商品CSVを取り込めるモールと、そのファイル",
      ...requires("catalog:read"),
      responses: {
        200: json(
          z.object({ items: z.array(z.object({ channel: z.string(), fileLabel: z.string() })) }),
          "モールごとの商品CSV",
        ),
        ...errorResponses,
      },
    }),
    (c) =>
      c.json(
        {
          items: ctx.channels.list.flatMap((ch) =>
            ch.productFile ? [{ channel: ch.code, fileLabel: ch.productFile.label }] : [],
          ),
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: PRODUCT_UPLOAD_PATH,
      summary: "商品CSVのアップロード(取込を開始)",
      description:
        "本文はモールの商品CSVそのもの(Shift_JISまたはUTF-8)。商品のないアカウントで最初に取り込んだショップの商品がマスタになり、以降のショップはSKUが一致する商品にマッピングされます。進捗と行ごとの結果は GET /api/product-imports/{id} と /rows で読めます。",
      ...requires("catalog:write"),
      request: {
        query: z.object({
          shopId: uuid("shopIdはUUIDで指定してください"),
          createMissing: z
            .enum(["true", "false"], { error: "createMissingは true か false です" })
            .default("false")
            .describe("新しい商品として登録: 一致する商品がない行も商品を作る"),
          fileName: z.string().max(255).optional(),
        }),
        body: csvFile("商品CSVファイル"),
      },
      responses: { 202: json(runSchema, "開始した取込"), ...errorResponses },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const q = c.req.valid("query");
      // Node's web streams are async iterables; the DOM types the project compiles with do not say so.
      const body = (c.req.raw.body ?? []) as unknown as AsyncIterable<Uint8Array>;
      const id = await startProductImport(
        ctx,
        actor,
        accountId,
        { shopId: q.shopId, createMissing: q.createMissing === "true", fileName: q.fileName },
        body,
      );
      return c.json(presentRun(await getProductImportRun(ctx, accountId, id)), 202);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: PRODUCT_UPLOAD_PATH,
      summary: "商品CSV取込の履歴",
      ...requires("catalog:read"),
      responses: { 200: json(z.object({ items: z.array(runSchema) }), "新しい順の取込"), ...errorResponses },
    }),
    async (c) =>
      c.json({ items: (await listProductImportRuns(ctx, c.get("auth").accountId)).map(presentRun) }, 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${PRODUCT_UPLOAD_PATH}/{id}`,
      summary: "商品CSV取込の進捗と件数",
      ...requires("catalog:read"),
      request: { params: runParam },
      responses: { 200: json(runSchema, "取込"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        presentRun(await getProductImportRun(ctx, c.get("auth").accountId, c.req.valid("param").id)),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${PRODUCT_UPLOAD_PATH}/{id}/rows`,
      summary: "商品CSV取込の行ごとの結果",
      ...requires("catalog:read"),
      request: {
        params: runParam,
        query: z.object({
          outcome: z.enum(PRODUCT_ROW_OUTCOMES).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          cursor: z.string().regex(/^\d+$/, "cursorが正しくありません").optional(),
        }),
      },
      responses: {
        200: json(
          z.object({ items: z.array(rowSchema), nextCursor: z.string().nullable(), total: z.int() }),
          "行ごとの結果",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const { accountId } = c.get("auth");
      const { id } = c.req.valid("param");
      const label = await productFieldLabels(ctx, await getProductImportRun(ctx, accountId, id));
      const page = await productImportReport(ctx, accountId, id, {
        outcome: q.outcome,
        after: q.cursor ? Number(q.cursor) : undefined,
        limit: q.limit,
      });
      return c.json({ ...page, items: page.items.map((r) => ({ ...r, fieldLabel: label(r.field) })) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${PRODUCT_UPLOAD_PATH}/{id}/report.csv`,
      summary: "商品CSV取込の行ごとの結果(CSVファイル)",
      ...requires("catalog:read"),
      request: { params: runParam },
      responses: {
        200: csvFile("行, SKU, モール商品コード, モールSKUコード, 結果, 項目, ルール, 内容"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const accountId = c.get("auth").accountId;
      await getProductImportRun(ctx, accountId, id);
      const lines = productImportReportCsv(ctx, accountId, id);
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = await lines.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        },
      });
      return new Response(stream, {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(`product-import-${id}.csv`)}`,
        },
      }) as never;
    },
  );
}

import { createRoute, z } from "@hono/zod-openapi";
import type { AppContext } from "#server/app/context.ts";
import {
  type CsvImportRun,
  csvImportReport,
  csvImportReportCsv,
  fieldLabel,
  getCsvImportRun,
  listCsvImportRuns,
} from "#server/app/csv-orders/runs.ts";
import { startCsvImport } from "#server/app/csv-orders/start-import.ts";
import { CSV_IMPORT_STATUSES, CSV_ROW_OUTCOMES } from "#server/db/schema.ts";
import { uuid } from "#server/domain/fields.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import type { OrderFileUpload } from "#server/ports/order-upload.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";

/** The one upload route the 1 MB body limit leaves alone: it streams the file to the database. */
export const CSV_UPLOAD_PATH = "/api/csv-imports";

const runSchema = z
  .object({
    id: uuid(),
    shopId: uuid(),
    profileId: z.string(),
    profileName: z.string(),
    fileName: z.string().nullable(),
    status: z.enum(CSV_IMPORT_STATUSES),
    encoding: z.string().nullable().describe("判定した文字コード"),
    totalBytes: z.int(),
    bytesRead: z.int().describe("読み終えたバイト数(進捗)"),
    rowsRead: z.int(),
    created: z.int().describe("登録した注文"),
    unchanged: z.int().describe("登録済みで変更しなかった注文(同じファイルの再取込など)"),
    skipped: z.int().describe("キャンセル済みの番号などで登録しなかった注文"),
    failed: z.int().describe("誤りのある行を含み登録しなかった注文"),
    failedRows: z.int(),
    error: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi("CsvImportRun");
const rowSchema = z
  .object({
    line: z.int().describe("ファイルの行番号(見出し行が1行目)"),
    orderNumber: z.string().nullable(),
    outcome: z.enum(CSV_ROW_OUTCOMES),
    orderId: uuid().nullable(),
    field: z.string().nullable(),
    fieldLabel: z.string().nullable(),
    rule: z.string().nullable(),
    message: z.string().nullable(),
  })
  .openapi("CsvImportRow");

const presentRun = (r: CsvImportRun): z.infer<typeof runSchema> => ({
  id: r.id,
  shopId: r.shopId,
  profileId: r.profileId,
  profileName: (r.profile as { name: string }).name,
  fileName: r.fileName,
  status: r.status as z.infer<typeof runSchema>["status"],
  encoding: r.encoding,
  totalBytes: r.totalBytes,
  bytesRead: r.bytesRead,
  rowsRead: r.rowsRead,
  created: r.created,
  unchanged: r.unchanged,
  skipped: r.skipped,
  failed: r.failed,
  failedRows: r.failedRows,
  error: r.error,
  startedAt: toTokyoIso(r.startedAt),
  finishedAt: r.finishedAt ? toTokyoIso(r.finishedAt) : null,
});

const runParam = z.object({ id: uuid("取込IDはUUIDです") });
const csvFile = (description: string) => ({
  content: { "text/csv": { schema: z.string().openapi({ format: "binary" }) } },
  description,
});
const csvResponse = (body: string | ReadableStream, name: string) =>
  new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  });

/** The upload routes of the registered channel that takes order files (`upload` of its definition). */
export function registerCsvOrderRoutes(app: JuchuApi, ctx: AppContext, upload: OrderFileUpload): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/csv-order-template.csv",
      summary: "Juchu標準テンプレート(受注CSV)",
      ...requires("orders:read"),
      responses: { 200: csvFile("見出し行と記入例(UTF-8 BOM付き)"), ...errorResponses },
    }),
    async () => csvResponse(upload.template.content(), upload.template.fileName) as never,
  );

  app.openapi(
    createRoute({
      method: "post",
      path: CSV_UPLOAD_PATH,
      summary: "受注CSVのアップロード(取込を開始)",
      description:
        "本文はCSVファイルそのもの(Shift_JISまたはUTF-8、BOM可)。ストリームで受け取り、1MBの本文上限はかかりません(256MBまで)。取込はジョブで行い、進捗と行ごとの結果は GET /api/csv-imports/{id} と /rows で読めます。",
      ...requires("orders:write"),
      request: {
        query: z.object({
          shopId: uuid("shopIdはUUIDで指定してください"),
          profileId: z.string().min(1, "取込設定(profileId)を指定してください").max(100),
          fileName: z.string().max(255).optional(),
        }),
        body: csvFile("CSVファイル"),
      },
      responses: { 202: json(runSchema, "開始した取込"), ...errorResponses },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      // Node's web streams are async iterables; the DOM types the project compiles with do not say so.
      const body = (c.req.raw.body ?? []) as unknown as AsyncIterable<Uint8Array>;
      const id = await startCsvImport(ctx, actor, accountId, c.req.valid("query"), body);
      return c.json(presentRun(await getCsvImportRun(ctx, accountId, id)), 202);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/csv-imports",
      summary: "CSV取込の履歴",
      ...requires("orders:read"),
      request: { query: z.object({ shopId: uuid("shopIdはUUIDで指定してください").optional() }) },
      responses: { 200: json(z.object({ items: z.array(runSchema) }), "新しい順の取込"), ...errorResponses },
    }),
    async (c) => {
      const runs = await listCsvImportRuns(ctx, c.get("auth").accountId, c.req.valid("query").shopId);
      return c.json({ items: runs.map(presentRun) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/csv-imports/{id}",
      summary: "CSV取込の進捗と件数",
      ...requires("orders:read"),
      request: { params: runParam },
      responses: { 200: json(runSchema, "取込"), ...errorResponses },
    }),
    async (c) =>
      c.json(presentRun(await getCsvImportRun(ctx, c.get("auth").accountId, c.req.valid("param").id)), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/csv-imports/{id}/rows",
      summary: "CSV取込の行ごとの結果",
      ...requires("orders:read"),
      request: {
        params: runParam,
        query: z.object({
          outcome: z.enum(CSV_ROW_OUTCOMES).optional(),
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
      const page = await csvImportReport(ctx, c.get("auth").accountId, c.req.valid("param").id, {
        outcome: q.outcome,
        after: q.cursor ? Number(q.cursor) : undefined,
        limit: q.limit,
      });
      return c.json(
        { ...page, items: page.items.map((r) => ({ ...r, fieldLabel: fieldLabel(ctx, r.field) })) },
        200,
      ) as never;
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/csv-imports/{id}/report.csv",
      summary: "CSV取込の行ごとの結果(CSVファイル)",
      ...requires("orders:read"),
      request: { params: runParam },
      responses: { 200: csvFile("行, 注文番号, 結果, 項目, ルール, 内容"), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const accountId = c.get("auth").accountId;
      await getCsvImportRun(ctx, accountId, id);
      const lines = csvImportReportCsv(ctx, accountId, id);
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = await lines.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        },
      });
      return csvResponse(stream, `csv-import-${id}.csv`) as never;
    },
  );
}

import { Readable } from "node:stream";
import { createRoute, z } from "@hono/zod-openapi";
import type { AppContext } from "#server/app/context.ts";
import {
  getOrderExport,
  type OrderExportView,
  openExportFile,
  recentOrderExports,
  startOrderExport,
} from "#server/app/orders/order-export.ts";
import { ORDER_EXPORT_ENCODINGS, ORDER_EXPORT_STATUSES } from "#server/db/schema.ts";
import { uuid } from "#server/domain/fields.ts";
import {
  DEFAULT_EXPORT_COLUMNS,
  ORDER_EXPORT_COLUMN_KEYS,
  ORDER_EXPORT_COLUMNS,
} from "#server/domain/order-export-columns.ts";
import { tokyoDate, toTokyoIso } from "#server/domain/tokyo-time.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";
import { orderListQuerySchema } from "./order-schemas.ts";

const column = z.enum(ORDER_EXPORT_COLUMN_KEYS, `列は ${ORDER_EXPORT_COLUMN_KEYS.join(", ")} のいずれかです`);
const encoding = z.enum(
  ORDER_EXPORT_ENCODINGS,
  `文字コードは ${ORDER_EXPORT_ENCODINGS.join(", ")} のいずれかです`,
);

const exportInput = z
  .object({
    filter: orderListQuerySchema
      .omit({ limit: true, cursor: true })
      .describe("受注一覧(GET /api/orders)と同じ絞り込み。ページではなく条件に合うすべての注文を出力"),
    columns: z
      .array(column)
      .min(1, "出力する列を1つ以上選んでください")
      .max(ORDER_EXPORT_COLUMN_KEYS.length)
      .refine((c) => new Set(c).size === c.length, "同じ列が2回指定されています"),
    encoding: encoding.describe("shift_jis(Excel・業務ソフト向け、CP932)または utf8"),
    bom: z
      .boolean()
      .default(false)
      .describe("UTF-8 のときファイルの先頭にBOMを付ける(Excelで文字化けしない)"),
  })
  .openapi("OrderExportInput");

const exportSchema = z
  .object({
    id: uuid(),
    status: z.enum(ORDER_EXPORT_STATUSES),
    encoding,
    bom: z.boolean(),
    columns: z.array(column),
    total: z.int().describe("出力する注文の数(完了後は出力した数)"),
    rowsWritten: z.int().describe("書き出し済みの注文の数"),
    bytes: z.int(),
    error: z.string().nullable().describe("失敗したときの理由(再試行しても出力できなかった)"),
    replacedChars: z
      .int()
      .describe("Shift_JIS(CP932)で表せず「?」に置き換えた文字の数(絵文字、一部の異体字など)"),
    replacedColumns: z
      .array(z.object({ key: column, label: z.string() }))
      .describe("置き換えた文字があった列"),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    downloadPath: z.string().nullable().describe("完了したらファイルのダウンロード先"),
  })
  .openapi("OrderExport");

const present = (e: OrderExportView) => ({
  ...e,
  replacedColumns: e.replacedColumns.map((key) => ({ key, label: ORDER_EXPORT_COLUMNS[key].label })),
  createdAt: toTokyoIso(e.createdAt),
  finishedAt: e.finishedAt ? toTokyoIso(e.finishedAt) : null,
  downloadPath: e.status === "succeeded" ? `/api/order-exports/${e.id}/file` : null,
});
const idParam = z.object({ id: uuid("出力IDはUUIDです") });

/** 受注CSV出力: a job writes the whole filter in pages; the UI polls its progress, then downloads. */
export function registerOrderExportRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/order-exports",
      summary: "受注CSV出力を開始",
      ...requires("orders:read"),
      request: { body: { content: { "application/json": { schema: exportInput } }, required: true } },
      responses: { 202: json(exportSchema, "受け付けた出力(進捗は GET で)"), ...errorResponses },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const id = await startOrderExport(ctx, actor, accountId, c.req.valid("json"));
      return c.json(present(await getOrderExport(ctx, accountId, id)), 202);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/order-exports",
      summary: "最近の受注CSV出力と選べる列",
      ...requires("orders:read"),
      responses: {
        200: json(
          z.object({
            items: z.array(exportSchema).describe("新しい順、最大5件"),
            columns: z.array(z.object({ key: column, label: z.string() })),
            defaultColumns: z.array(column),
          }),
          "最近の出力",
        ),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        {
          items: (await recentOrderExports(ctx, c.get("auth").accountId)).map(present),
          columns: ORDER_EXPORT_COLUMN_KEYS.map((key) => ({ key, label: ORDER_EXPORT_COLUMNS[key].label })),
          defaultColumns: [...DEFAULT_EXPORT_COLUMNS],
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/order-exports/{id}",
      summary: "受注CSV出力の進捗",
      ...requires("orders:read"),
      request: { params: idParam },
      responses: { 200: json(exportSchema, "出力"), ...errorResponses },
    }),
    async (c) =>
      c.json(present(await getOrderExport(ctx, c.get("auth").accountId, c.req.valid("param").id)), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/order-exports/{id}/file",
      summary: "受注CSVのダウンロード",
      ...requires("orders:read"),
      request: { params: idParam },
      responses: {
        200: {
          content: { "text/csv": { schema: z.string().openapi({ format: "binary" }) } },
          description: "CSVファイル(選んだ文字コード)",
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { view, pieces } = await openExportFile(ctx, c.get("auth").accountId, c.req.valid("param").id);
      const body = Readable.toWeb(Readable.from(pieces)) as ReadableStream<Uint8Array>;
      const name = `juchu-orders-${tokyoDate(view.createdAt).replace(/-/g, "")}.csv`;
      return new Response(body, {
        headers: {
          "content-type": `text/csv; charset=${view.encoding === "shift_jis" ? "Shift_JIS" : "utf-8"}`,
          "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
        },
      }) as never;
    },
  );
}

import { and, asc, desc, eq, gt, lt, sql } from "drizzle-orm";
import type { CsvEncoding } from "#server/adapters/csv/csv-write.ts";
import { type OrderFilterQuery, orderFilter } from "#server/db/orders/order-filter.ts";
import { type ORDER_EXPORT_STATUSES, orderExportChunks, orderExports, orders } from "#server/db/schema.ts";
import type { OrderExportColumn } from "#server/domain/order-export-columns.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { type Actor, type AppContext, actorLabel } from "../context.ts";

export type ExportFilter = OrderFilterQuery & { sort?: "orderedAt" | "-orderedAt" | undefined };
export type OrderExportRequest = {
  filter: ExportFilter;
  columns: OrderExportColumn[];
  encoding: CsvEncoding;
  bom: boolean;
};

/** An export file is for downloading now, not for keeping: older ones go when the next one starts. */
const KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * 受注CSV出力, the request: the filter's orders are counted (the progress bar's 100%), the export is
 * recorded and its job queued in one transaction; the `order-export` job writes the file.
 */
export async function startOrderExport(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  request: OrderExportRequest,
): Promise<string> {
  const id = ctx.newId();
  const [counted] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(orders)
    .where(orderFilter(ctx.db, accountId, request.filter));
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(orderExports)
      .where(
        and(
          eq(orderExports.accountId, accountId),
          lt(orderExports.createdAt, new Date(now.getTime() - KEEP_MS)),
        ),
      );
    await tx.insert(orderExports).values({
      id,
      accountId,
      status: "queued",
      encoding: request.encoding,
      bom: request.bom,
      columns: request.columns,
      filter: request.filter,
      total: Number(counted?.n ?? 0),
      createdBy: actorLabel(actor),
      createdAt: now,
    });
    await ctx.jobs.enqueue(tx, "order-export", { exportId: id });
  });
  return id;
}

export type OrderExportView = {
  id: string;
  status: (typeof ORDER_EXPORT_STATUSES)[number];
  encoding: CsvEncoding;
  bom: boolean;
  columns: OrderExportColumn[];
  total: number;
  rowsWritten: number;
  bytes: number;
  error: string | null;
  replacedChars: number;
  replacedColumns: OrderExportColumn[];
  createdAt: Date;
  finishedAt: Date | null;
};

const viewColumns = {
  id: orderExports.id,
  status: orderExports.status,
  encoding: orderExports.encoding,
  bom: orderExports.bom,
  columns: orderExports.columns,
  total: orderExports.total,
  rowsWritten: orderExports.rowsWritten,
  bytes: orderExports.bytes,
  error: orderExports.error,
  replacedChars: orderExports.replacedChars,
  replacedColumns: orderExports.replacedColumns,
  createdAt: orderExports.createdAt,
  finishedAt: orderExports.finishedAt,
};

export async function getOrderExport(
  ctx: AppContext,
  accountId: string,
  id: string,
): Promise<OrderExportView> {
  const [row] = await ctx.db
    .select(viewColumns)
    .from(orderExports)
    .where(and(eq(orderExports.id, id), eq(orderExports.accountId, accountId)));
  if (!row) throw notFound("order_export", "CSV出力");
  return row as OrderExportView;
}

/** The account's latest exports, newest first: the picker starts from the last one's columns. */
export async function recentOrderExports(ctx: AppContext, accountId: string): Promise<OrderExportView[]> {
  const rows = await ctx.db
    .select(viewColumns)
    .from(orderExports)
    .where(eq(orderExports.accountId, accountId))
    .orderBy(desc(orderExports.createdAt), desc(orderExports.id))
    .limit(5);
  return rows as OrderExportView[];
}

/** The finished file, piece by piece from the database: the download never holds the whole file. */
export async function openExportFile(
  ctx: AppContext,
  accountId: string,
  id: string,
): Promise<{ view: OrderExportView; pieces: AsyncIterable<Uint8Array> }> {
  const view = await getOrderExport(ctx, accountId, id);
  if (view.status !== "succeeded")
    throw new Refusal(
      "order_export.not_ready",
      "CSVはまだ出力中です。完了してからダウンロードしてください。",
      {
        rule: "export_finished",
      },
    );
  async function* pieces() {
    for (let seq = -1; ; ) {
      const [chunk] = await ctx.db
        .select({ seq: orderExportChunks.seq, data: orderExportChunks.data })
        .from(orderExportChunks)
        .where(and(eq(orderExportChunks.exportId, id), gt(orderExportChunks.seq, seq)))
        .orderBy(asc(orderExportChunks.seq))
        .limit(1);
      if (!chunk) return;
      seq = chunk.seq;
      // A copy: a driver may hand out a view of its receive buffer, reused by the next query.
      yield Uint8Array.from(chunk.data);
    }
  }
  return { view, pieces: pieces() };
}

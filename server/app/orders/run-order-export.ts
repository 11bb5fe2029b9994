import { eq, sql } from "drizzle-orm";
import { type CsvEncoding, csvLines, encodeCsvPiece } from "#server/adapters/csv/csv-write.ts";
import { type ExportCursor, readExportPage } from "#server/db/orders/export-rows.ts";
import { orderExportChunks, orderExports } from "#server/db/schema.ts";
import { exportHeader, exportRow, type OrderExportColumn } from "#server/domain/order-export-columns.ts";
import type { AppContext } from "../context.ts";
import type { ExportFilter } from "./order-export.ts";

/** Orders per keyset page: one piece of the file, committed with the progress it makes. */
export const EXPORT_PAGE_SIZE = 1_000;

/**
 * The `order-export` job: the filter's orders in keyset pages, each page encoded and stored with the
 * export's progress and cursor in one transaction — the UI sees the count grow, and a retried job
 * resumes after the last stored page instead of writing a row twice.
 */
export async function runOrderExport(ctx: AppContext, exportId: string): Promise<void> {
  const [job] = await ctx.db.select().from(orderExports).where(eq(orderExports.id, exportId));
  if (!job || job.status === "succeeded" || job.status === "failed") return;
  await ctx.db.update(orderExports).set({ status: "running" }).where(eq(orderExports.id, exportId));
  const columns = job.columns as OrderExportColumn[];
  const encoding = job.encoding as CsvEncoding;
  const filter = job.filter as ExportFilter;
  let cursor = job.cursor as ExportCursor | null;
  const [written] = await ctx.db
    .select({ next: sql<number>`coalesce(max(${orderExportChunks.seq}) + 1, 0)::int` })
    .from(orderExportChunks)
    .where(eq(orderExportChunks.exportId, exportId));
  let seq = Number(written?.next ?? 0);
  for (;;) {
    const page = await readExportPage(ctx.db, job.accountId, filter, cursor, EXPORT_PAGE_SIZE);
    const first = seq === 0;
    if (page.orders.length > 0 || first) {
      const text =
        (first ? csvLines([exportHeader(columns)]) : "") +
        csvLines(page.orders.map((o) => exportRow(columns, o)));
      const bytes = encodeCsvPiece(text, encoding, first && job.bom);
      const next = page.last ?? cursor;
      await ctx.db.transaction(async (tx) => {
        await tx.insert(orderExportChunks).values({ exportId, seq, data: bytes });
        await tx
          .update(orderExports)
          .set({
            rowsWritten: sql`${orderExports.rowsWritten} + ${page.orders.length}`,
            bytes: sql`${orderExports.bytes} + ${bytes.length}`,
            cursor: next,
          })
          .where(eq(orderExports.id, exportId));
      });
      seq++;
      cursor = next;
    }
    if (page.orders.length < EXPORT_PAGE_SIZE) break;
  }
  // The file holds what the filter matched while it was written: that count is the 100%.
  await ctx.db
    .update(orderExports)
    .set({ status: "succeeded", total: sql`${orderExports.rowsWritten}`, finishedAt: ctx.clock.now() })
    .where(eq(orderExports.id, exportId));
}

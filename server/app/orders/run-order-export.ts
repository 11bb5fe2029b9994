import { eq, sql } from "drizzle-orm";
import {
  type CsvEncoding,
  cp932Replacements,
  csvLines,
  encodeCsvPiece,
} from "#server/adapters/csv/csv-write.ts";
import { type ExportCursor, readExportPage } from "#server/db/orders/export-rows.ts";
import { orderExportChunks, orderExports } from "#server/db/schema.ts";
import { exportHeader, exportRow, type OrderExportColumn } from "#server/domain/order-export-columns.ts";
import type { AppContext } from "../context.ts";
import { failedForGoodAfter } from "../job-attempts.ts";
import type { ExportFilter } from "./order-export.ts";

/** Orders per keyset page: one piece of the file, committed with the progress it makes. */
export const EXPORT_PAGE_SIZE = 1_000;
/** Runs of an export's job before it ends failed: the merchant is told instead of waiting for ever. */
export const EXPORT_ATTEMPTS = 5;

/**
 * The `order-export` job: the filter's orders in keyset pages, each page encoded and stored with the
 * export's progress and cursor in one transaction — the UI sees the count grow, and a retried job
 * resumes after the last stored page instead of writing a row twice. The run that fails for the
 * EXPORT_ATTEMPTS-th time ends the export as failed, with the reason, and completes the job.
 */
export async function runOrderExport(ctx: AppContext, exportId: string): Promise<void> {
  const [job] = await ctx.db
    .update(orderExports)
    .set({ status: "running", attempts: sql`${orderExports.attempts} + 1` })
    .where(sql`${orderExports.id} = ${exportId} and ${orderExports.status} in ('queued', 'running')`)
    .returning();
  if (!job) return;
  await failedForGoodAfter(
    job.attempts,
    EXPORT_ATTEMPTS,
    `order export ${exportId}`,
    () => writePages(ctx, job),
    (reason) =>
      ctx.db
        .update(orderExports)
        .set({
          status: "failed",
          error: `${job.attempts}回試みましたが出力できませんでした(${reason})。もう一度出力してください。`,
          finishedAt: ctx.clock.now(),
        })
        .where(eq(orderExports.id, exportId))
        .then(() => {}),
  );
}

async function writePages(ctx: AppContext, job: typeof orderExports.$inferSelect): Promise<void> {
  const exportId = job.id;
  const columns = job.columns as OrderExportColumn[];
  const encoding = job.encoding as CsvEncoding;
  const filter = job.filter as ExportFilter;
  const replacedColumns = new Set(job.replacedColumns as OrderExportColumn[]);
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
      const rows = page.orders.map((o) => exportRow(columns, o));
      const text = (first ? csvLines([exportHeader(columns)]) : "") + csvLines(rows);
      const bytes = encodeCsvPiece(text, encoding, first && job.bom);
      const replaced = encoding === "shift_jis" ? cp932Replacements(text) : 0;
      // Which columns held them is looked up only on a page that had some: most pages have none.
      if (replaced > 0)
        columns.forEach((c, i) => {
          if (rows.some((r) => cp932Replacements(r[i] ?? "") > 0)) replacedColumns.add(c);
        });
      const next = page.last ?? cursor;
      await ctx.db.transaction(async (tx) => {
        await tx.insert(orderExportChunks).values({ exportId, seq, data: bytes });
        await tx
          .update(orderExports)
          .set({
            rowsWritten: sql`${orderExports.rowsWritten} + ${page.orders.length}`,
            bytes: sql`${orderExports.bytes} + ${bytes.length}`,
            replacedChars: sql`${orderExports.replacedChars} + ${replaced}`,
            replacedColumns: columns.filter((c) => replacedColumns.has(c)),
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

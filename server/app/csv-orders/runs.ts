import { and, asc, count, desc, eq, gt } from "drizzle-orm";
import { csvImportRows, csvImportRuns } from "#server/db/schema.ts";
import { notFound } from "#server/domain/refusal.ts";
import type { AppContext } from "../context.ts";
import { orderFileUpload } from "./file-upload.ts";
import type { RowOutcome } from "./settle-batch.ts";

export type CsvImportRun = typeof csvImportRuns.$inferSelect;
export type CsvReportRow = Omit<typeof csvImportRows.$inferSelect, "runId">;

/** A run of the account: what the progress bar and the report read while it runs and after. */
export async function getCsvImportRun(ctx: AppContext, accountId: string, id: string): Promise<CsvImportRun> {
  const [run] = await ctx.db
    .select()
    .from(csvImportRuns)
    .where(and(eq(csvImportRuns.id, id), eq(csvImportRuns.accountId, accountId)));
  if (!run) throw notFound("csv_import", "CSV取込");
  return run;
}

export async function listCsvImportRuns(ctx: AppContext, accountId: string, shopId?: string, limit = 20) {
  return ctx.db
    .select()
    .from(csvImportRuns)
    .where(and(eq(csvImportRuns.accountId, accountId), shopId ? eq(csvImportRuns.shopId, shopId) : undefined))
    .orderBy(desc(csvImportRuns.startedAt))
    .limit(limit);
}

/** The report a page at a time, in line order; `after` is the last line of the previous page. */
export async function csvImportReport(
  ctx: AppContext,
  accountId: string,
  runId: string,
  options: { outcome?: RowOutcome | undefined; after?: number | undefined; limit: number },
): Promise<{ items: CsvReportRow[]; nextCursor: string | null; total: number }> {
  await getCsvImportRun(ctx, accountId, runId);
  const where = and(
    eq(csvImportRows.runId, runId),
    options.outcome ? eq(csvImportRows.outcome, options.outcome) : undefined,
  );
  const rows = await ctx.db
    .select()
    .from(csvImportRows)
    .where(and(where, options.after ? gt(csvImportRows.line, options.after) : undefined))
    .orderBy(asc(csvImportRows.line))
    .limit(options.limit + 1);
  const [total] = await ctx.db.select({ n: count() }).from(csvImportRows).where(where);
  const items = rows.slice(0, options.limit).map(({ runId: _, ...r }) => r);
  return {
    items,
    nextCursor: rows.length > options.limit ? String(items.at(-1)?.line) : null,
    total: total?.n ?? 0,
  };
}

/** The field as the merchant names it (注文番号, 送付先郵便番号 …). */
export const fieldLabel = (ctx: AppContext, field: string | null) =>
  field ? (orderFileUpload(ctx).fields.find((f) => f.field === field)?.label ?? field) : null;

export const OUTCOME_LABELS: Record<RowOutcome, string> = {
  created: "登録",
  unchanged: "登録済み(変更なし)",
  skipped: "スキップ",
  failed: "エラー",
};

const cell = (v: string | number | null) => {
  const s = v === null ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The whole report as CSV (UTF-8 with a BOM for Excel), streamed page by page. */
export async function* csvImportReportCsv(ctx: AppContext, accountId: string, runId: string) {
  yield "\uFEFF行,注文番号,結果,項目,ルール,内容\r\n";
  let after: number | undefined;
  for (;;) {
    const page = await csvImportReport(ctx, accountId, runId, { after, limit: 5000 });
    yield page.items
      .map((r) =>
        [
          r.line,
          r.orderNumber,
          OUTCOME_LABELS[r.outcome as RowOutcome],
          fieldLabel(ctx, r.field),
          r.rule,
          r.message,
        ]
          .map(cell)
          .join(","),
      )
      .map((l) => `${l}\r\n`)
      .join("");
    if (!page.nextCursor) return;
    after = Number(page.nextCursor);
  }
}

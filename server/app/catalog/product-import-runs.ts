import { and, asc, count, desc, eq, gt } from "drizzle-orm";
import { productImportRows, productImportRuns, shops } from "#server/db/schema.ts";
import { notFound } from "#server/domain/refusal.ts";
import type { AppContext } from "../context.ts";
import type { ProductReportRow } from "./product-import-run.ts";
import { productFileOf } from "./product-import-start.ts";

export type ProductImportRun = typeof productImportRuns.$inferSelect;
type Outcome = ProductReportRow["outcome"];

/** A run of the account: what the progress bar and the report read while it runs and after. */
export async function getProductImportRun(ctx: AppContext, accountId: string, id: string) {
  const [run] = await ctx.db
    .select()
    .from(productImportRuns)
    .where(and(eq(productImportRuns.id, id), eq(productImportRuns.accountId, accountId)));
  if (!run) throw notFound("product_import", "商品CSV取込");
  return run;
}

export async function listProductImportRuns(ctx: AppContext, accountId: string, limit = 20) {
  return ctx.db
    .select()
    .from(productImportRuns)
    .where(eq(productImportRuns.accountId, accountId))
    .orderBy(desc(productImportRuns.startedAt))
    .limit(limit);
}

/** The report a page at a time, in line order; `after` is the last line of the previous page. */
export async function productImportReport(
  ctx: AppContext,
  accountId: string,
  runId: string,
  options: { outcome?: Outcome | undefined; after?: number | undefined; limit: number },
): Promise<{ items: ProductReportRow[]; nextCursor: string | null; total: number }> {
  await getProductImportRun(ctx, accountId, runId);
  const where = and(
    eq(productImportRows.runId, runId),
    options.outcome ? eq(productImportRows.outcome, options.outcome) : undefined,
  );
  const rows = await ctx.db
    .select()
    .from(productImportRows)
    .where(and(where, options.after ? gt(productImportRows.line, options.after) : undefined))
    .orderBy(asc(productImportRows.line))
    .limit(options.limit + 1);
  const [total] = await ctx.db.select({ n: count() }).from(productImportRows).where(where);
  const items = rows
    .slice(0, options.limit)
    .map(({ runId: _, ...r }) => ({ ...r, outcome: r.outcome as Outcome }));
  return {
    items,
    nextCursor: rows.length > options.limit ? String(items.at(-1)?.line) : null,
    total: total?.n ?? 0,
  };
}

/** The field as the run's channel names it (商品管理番号（商品URL） …). */
export async function productFieldLabels(ctx: AppContext, run: ProductImportRun) {
  const [shop] = await ctx.db.select({ channel: shops.channel }).from(shops).where(eq(shops.id, run.shopId));
  const fields = shop ? productFileOf(ctx, shop.channel).fields : [];
  return (field: string | null) => (field ? (fields.find((f) => f.field === field)?.label ?? field) : null);
}

export const PRODUCT_OUTCOME_LABELS: Record<Outcome, string> = {
  created: "商品登録",
  updated: "商品名更新",
  mapped: "マッピング登録",
  unchanged: "登録済み(変更なし)",
  skipped: "スキップ",
  failed: "エラー",
};

const cell = (v: string | number | null) => {
  const s = v === null ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The whole report as CSV (UTF-8 with a BOM for Excel), streamed page by page. */
export async function* productImportReportCsv(ctx: AppContext, accountId: string, runId: string) {
  const label = await productFieldLabels(ctx, await getProductImportRun(ctx, accountId, runId));
  yield "\uFEFF行,SKU,モール商品コード,モールSKUコード,結果,項目,ルール,内容\r\n";
  let after: number | undefined;
  for (;;) {
    const page = await productImportReport(ctx, accountId, runId, { after, limit: 5000 });
    yield page.items
      .map((r) =>
        [
          r.line,
          r.sku,
          r.mallItemCode,
          r.mallSkuCode,
          PRODUCT_OUTCOME_LABELS[r.outcome],
          label(r.field),
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

import { and, asc, eq, sql } from "drizzle-orm";
import { loadKnownCatalog, savePlan } from "#server/db/catalog/product-import-batch.ts";
import type { Db } from "#server/db/database.ts";
import { accounts, productImportChunks, productImportRuns, shops } from "#server/db/schema.ts";
import { type ImportMode, type ProductRowOutcome, planProductImport } from "#server/domain/product-import.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { logInfo } from "#server/log.ts";
import type { FileReadProgress } from "#server/ports/order-upload.ts";
import type { ProductFileResult } from "#server/ports/product-file.ts";
import type { AppContext } from "../context.ts";
import { releaseHeldOrders } from "./create-product-mapping.ts";
import { productFileOf } from "./product-import-start.ts";

/**
 * Lines per batch: one transaction of a handful of statements each (measured in bench/product-import.ts:
 * past ~1,000 a batch's time only grows with its lines), and 50,000 lines still move the progress bar
 * 50 times.
 */
export const PRODUCT_IMPORT_BATCH = 1000;

export type ProductReportRow = {
  line: number;
  sku: string | null;
  mallItemCode: string | null;
  mallSkuCode: string | null;
  outcome: ProductRowOutcome | "failed";
  productId: string | null;
  field: string | null;
  rule: string | null;
  message: string | null;
};

/** The stored upload, read back one piece at a time. */
async function* storedChunks(db: Db, runId: string): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const [chunk] = await db
      .select({ data: productImportChunks.data })
      .from(productImportChunks)
      .where(and(eq(productImportChunks.runId, runId), eq(productImportChunks.seq, seq)))
      .orderBy(asc(productImportChunks.seq));
    if (!chunk) return;
    yield chunk.data;
  }
}

/**
 * The `product-import` job: the file is read as a stream, in batches; each batch's products, mappings,
 * report and progress commit in ONE transaction with the line it reached, so a run killed anywhere
 * leaves whole batches only and the retry goes on after the last one. Orders of the shop held as
 * 未マッピング商品 that a batch's mappings now cover move on in that same transaction.
 */
export async function runProductImport(
  ctx: AppContext,
  runId: string,
  options: { batchSize?: number } = {},
): Promise<void> {
  const [run] = await ctx.db
    .select({ run: productImportRuns, channel: shops.channel })
    .from(productImportRuns)
    .innerJoin(shops, eq(shops.id, productImportRuns.shopId))
    .where(eq(productImportRuns.id, runId));
  if (!run || (run.run.status !== "queued" && run.run.status !== "running")) return;
  const { accountId, shopId } = run.run;
  const decide = { mode: run.run.mode as ImportMode, createMissing: run.run.createMissing };
  await ctx.db.update(productImportRuns).set({ status: "running" }).where(eq(productImportRuns.id, runId));
  const progress: FileReadProgress = { bytes: 0 };
  try {
    const batches = productFileOf(ctx, run.channel).readProducts(
      storedChunks(ctx.db, runId),
      { batchSize: options.batchSize ?? PRODUCT_IMPORT_BATCH, after: run.run.checkpointLine },
      progress,
    );
    for await (const batch of batches) {
      await ctx.db.transaction(async (tx) => {
        // Runs of the account take turns batch by batch, so two shops' files never both create one SKU's
        // product in between a load and its save. NO KEY: rows referencing the account stay free.
        await tx
          .select({ id: accounts.id })
          .from(accounts)
          .where(eq(accounts.id, accountId))
          .for("no key update");
        // As createProductMapping: an order registered meanwhile commits first or sees the new mappings.
        await tx.select({ id: shops.id }).from(shops).where(eq(shops.id, shopId)).for("update");
        const report = await settle(tx, ctx, { accountId, shopId }, decide, batch.results);
        if (report.some((r) => r.outcome === "created" || r.outcome === "mapped"))
          await releaseHeldOrders(
            tx,
            ctx,
            accountId,
            { shopId },
            { productImportRunId: runId },
            { actor: run.run.createdBy, now: ctx.clock.now() },
          );
        await insertReport(tx, runId, report);
        const count = (o: ProductReportRow["outcome"]) => report.filter((r) => r.outcome === o).length;
        await tx
          .update(productImportRuns)
          .set({
            encoding: progress.encoding ?? null,
            bytesRead: sql`greatest(${productImportRuns.bytesRead}, ${progress.bytes})`,
            rowsRead: sql`${productImportRuns.rowsRead} + ${batch.rows}`,
            checkpointLine: batch.lastLine,
            created: sql`${productImportRuns.created} + ${count("created")}`,
            updated: sql`${productImportRuns.updated} + ${count("updated")}`,
            mapped: sql`${productImportRuns.mapped} + ${count("mapped")}`,
            unchanged: sql`${productImportRuns.unchanged} + ${count("unchanged")}`,
            skipped: sql`${productImportRuns.skipped} + ${count("skipped")}`,
            failed: sql`${productImportRuns.failed} + ${count("failed")}`,
          })
          .where(eq(productImportRuns.id, runId));
      });
      logInfo(`product-import ${runId}: committed to line ${batch.lastLine}`);
    }
  } catch (error) {
    // A file that is not the channel's export fails the run for good; anything else is retried.
    if (!(error instanceof Refusal)) throw error;
    await finish(ctx, runId, error.detail, progress.encoding);
    return;
  }
  await finish(ctx, runId, null, progress.encoding);
}

/** One batch decided in memory (domain/product-import.ts) against what its codes match, then written. */
async function settle(
  tx: Db,
  ctx: AppContext,
  scope: { accountId: string; shopId: string },
  decide: { mode: ImportMode; createMissing: boolean },
  results: readonly ProductFileResult[],
): Promise<ProductReportRow[]> {
  const good = results.flatMap((r) => (r.ok ? [r] : []));
  const known = await loadKnownCatalog(tx, scope, good);
  const plan = planProductImport(good, decide, known);
  await savePlan(tx, { ...scope, now: ctx.clock.now(), newId: ctx.newId }, plan, known.ids);
  const rows: ProductReportRow[] = plan.lines.map((l) => ({
    ...l,
    productId: l.outcome === "skipped" ? null : (known.ids.get(l.sku) ?? null),
    // The codes are what conflicts with a mapping; the SKU is what found no product.
    field: l.rule === "mapping_conflict" ? "mallItemCode" : l.rule ? "sku" : null,
  }));
  for (const r of results)
    if (!r.ok)
      rows.push({
        line: r.line,
        sku: r.sku,
        mallItemCode: r.mallItemCode,
        mallSkuCode: r.mallSkuCode,
        outcome: "failed",
        productId: null,
        ...r.problem,
      });
  return rows.sort((a, b) => a.line - b.line);
}

async function finish(ctx: AppContext, runId: string, failure: string | null, encoding: string | undefined) {
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(productImportRuns)
      .set({
        status: failure ? "failed" : "succeeded",
        error: failure,
        encoding: encoding ?? null,
        bytesRead: sql`${productImportRuns.totalBytes}`,
        finishedAt: ctx.clock.now(),
      })
      .where(eq(productImportRuns.id, runId));
    await tx.delete(productImportChunks).where(eq(productImportChunks.runId, runId));
  });
}

/** The batch's report in one statement (arrays, not a bind parameter per value). */
async function insertReport(tx: Db, runId: string, rows: readonly ProductReportRow[]) {
  if (rows.length === 0) return;
  const col = <K extends keyof ProductReportRow>(k: K) => sql.param(rows.map((r) => r[k]));
  await tx.execute(sql`
    insert into product_import_rows
      (run_id, line, sku, mall_item_code, mall_sku_code, outcome, product_id, field, rule, message)
    select ${runId}::uuid, * from unnest(
      ${col("line")}::int[], ${col("sku")}::text[], ${col("mallItemCode")}::text[], ${col("mallSkuCode")}::text[],
      ${col("outcome")}::text[], ${col("productId")}::uuid[], ${col("field")}::text[], ${col("rule")}::text[],
      ${col("message")}::text[]
    )`);
}

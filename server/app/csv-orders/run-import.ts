import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { csvImportChunks, csvImportRuns } from "#server/db/schema.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { logInfo } from "#server/log.ts";
import type { FileLayout, FileReadProgress } from "#server/ports/order-upload.ts";
import type { AppContext } from "../context.ts";
import { recordWebhookEvent } from "../webhooks/record-event.ts";
import { orderFileUpload } from "./file-upload.ts";
import { type ReportRow, settleBatch } from "./settle-batch.ts";

/**
 * Orders per batch: one registration transaction, one report write and one progress update each.
 * 500 keeps a batch's fixed statements small beside its orders (measured: a batch's time grows with
 * its orders, registration's per-order work dominating) while 100,000 lines still move the progress
 * bar 200 times.
 */
export const CSV_BATCH_ORDERS = 500;

/**
 * Test seams: a smaller batch, and the crash window — called after a batch is registered, before its
 * report and checkpoint commit.
 */
export type RunHooks = { batchSize?: number; afterRegistered?: (batch: number) => void | Promise<void> };

/** The stored upload, read back one piece at a time. */
async function* storedChunks(db: Db, runId: string): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const [chunk] = await db
      .select({ data: csvImportChunks.data })
      .from(csvImportChunks)
      .where(sql`${csvImportChunks.runId} = ${runId} and ${csvImportChunks.seq} = ${seq}`)
      .orderBy(asc(csvImportChunks.seq));
    if (!chunk) return;
    yield chunk.data;
  }
}

/**
 * The `csv-import` job: the file is read as a stream, in batches of orders; each batch's report and
 * progress commit together with the line it reached, so a run that died resumes after it. Orders a
 * batch registered before dying are found by their number on the retry: never registered twice.
 */
export async function runCsvImport(ctx: AppContext, runId: string, hooks: RunHooks = {}): Promise<void> {
  const [run] = await ctx.db.select().from(csvImportRuns).where(eq(csvImportRuns.id, runId));
  if (!run || (run.status !== "queued" && run.status !== "running")) return;
  await ctx.db.update(csvImportRuns).set({ status: "running" }).where(eq(csvImportRuns.id, runId));
  const profile = run.profile as FileLayout;
  const actor = { kind: "system", job: "csv-import" } as const;
  const progress: FileReadProgress = { bytes: 0 };
  let batchNo = 0;
  try {
    const batches = orderFileUpload(ctx).readOrders(
      storedChunks(ctx.db, runId),
      profile,
      { batchSize: hooks.batchSize ?? CSV_BATCH_ORDERS, after: run.checkpointLine },
      progress,
    );
    for await (const batch of batches) {
      const result = await settleBatch(ctx, actor, run, batch.orders);
      await hooks.afterRegistered?.(++batchNo);
      await ctx.db.transaction(async (tx) => {
        await insertReportRows(tx, runId, result.rows);
        await tx
          .update(csvImportRuns)
          .set({
            encoding: progress.encoding ?? null,
            bytesRead: sql`greatest(${csvImportRuns.bytesRead}, ${progress.bytes})`,
            rowsRead: sql`${csvImportRuns.rowsRead} + ${batch.rows}`,
            checkpointLine: batch.lastLine,
            created: sql`${csvImportRuns.created} + ${result.counts.created}`,
            unchanged: sql`${csvImportRuns.unchanged} + ${result.counts.unchanged}`,
            skipped: sql`${csvImportRuns.skipped} + ${result.counts.skipped}`,
            failed: sql`${csvImportRuns.failed} + ${result.counts.failed}`,
            failedRows: sql`${csvImportRuns.failedRows} + ${result.rows.filter((r) => r.outcome === "failed").length}`,
          })
          .where(eq(csvImportRuns.id, runId));
      });
      logInfo(`csv-import ${runId}: committed to line ${batch.lastLine}`);
    }
  } catch (error) {
    // A file the profile cannot read fails the run for good; anything else is retried by the queue.
    if (!(error instanceof Refusal)) throw error;
    await finish(ctx, run, { code: error.code, message: error.detail }, progress.encoding);
    return;
  }
  await finish(ctx, run, null, progress.encoding);
}

async function finish(
  ctx: AppContext,
  run: { id: string; accountId: string; shopId: string },
  failure: { code: string; message: string } | null,
  encoding: string | undefined,
) {
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(csvImportRuns)
      .set({
        status: failure ? "failed" : "succeeded",
        error: failure?.message ?? null,
        encoding: encoding ?? null,
        bytesRead: sql`${csvImportRuns.totalBytes}`,
        finishedAt: ctx.clock.now(),
      })
      .where(eq(csvImportRuns.id, run.id));
    await tx.delete(csvImportChunks).where(eq(csvImportChunks.runId, run.id));
    if (failure) {
      const data = { kind: "csv", runId: run.id, shopId: run.shopId, errors: [failure] };
      await recordWebhookEvent(ctx, tx, run.accountId, [{ type: "import.failed", data }]);
    }
  });
}

/** The batch's report in one statement (arrays, not a bind parameter per value); a retry's repeats are kept once. */
async function insertReportRows(tx: Db, runId: string, rows: readonly ReportRow[]) {
  if (rows.length === 0) return;
  // sql.param: one array parameter each, where a bare array would become a list of parameters.
  const col = <K extends keyof ReportRow>(k: K) => sql.param(rows.map((r) => r[k]));
  await tx.execute(sql`
    insert into csv_import_rows (run_id, line, order_number, outcome, order_id, field, rule, message)
    select ${runId}::uuid, * from unnest(
      ${col("line")}::int[], ${col("orderNumber")}::text[], ${col("outcome")}::text[],
      ${col("orderId")}::uuid[], ${col("field")}::text[], ${col("rule")}::text[], ${col("message")}::text[]
    )
    on conflict (run_id, line) do nothing`);
}

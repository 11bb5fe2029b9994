import { and, eq } from "drizzle-orm";
import { csvImportChunks, csvImportRuns, shops } from "#server/db/schema.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { type Actor, type AppContext, actorLabel } from "../context.ts";
import { getCsvProfile } from "./profiles.ts";

/** A file may be large (100,000 lines of a wide cart export are tens of MB), never unbounded. */
export const MAX_CSV_BYTES = 256 * 1024 * 1024;
/** The upload is kept in pieces of this size: the job reads them back one at a time. */
const CHUNK_BYTES = 1024 * 1024;

export type CsvUploadRequest = { shopId: string; profileId: string; fileName?: string | undefined };

/**
 * CSV受注取込, the upload: the bytes are stored as they arrive (never the whole file in memory), then
 * the run is queued for the `csv-import` job in the transaction that marks the upload complete.
 */
export async function startCsvImport(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  request: CsvUploadRequest,
  body: AsyncIterable<Uint8Array>,
): Promise<string> {
  const [shop] = await ctx.db
    .select({ id: shops.id })
    .from(shops)
    .where(and(eq(shops.id, request.shopId), eq(shops.accountId, accountId)));
  if (!shop) throw notFound("shop", "ショップ");
  const profile = await getCsvProfile(ctx, accountId, request.profileId);
  const runId = ctx.newId();
  await ctx.db.insert(csvImportRuns).values({
    id: runId,
    accountId,
    shopId: shop.id,
    profileId: profile.id,
    profile,
    fileName: request.fileName ?? null,
    status: "uploading",
    createdBy: actorLabel(actor),
    startedAt: ctx.clock.now(),
  });

  let total = 0;
  let seq = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    await ctx.db.insert(csvImportChunks).values({ runId, seq: seq++, data: Buffer.concat(pending) });
    pending = [];
    pendingBytes = 0;
  };
  try {
    for await (const piece of body) {
      total += piece.length;
      if (total > MAX_CSV_BYTES) throw tooLarge();
      pending.push(piece);
      pendingBytes += piece.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
    if (total === 0)
      throw new Refusal("csv_import.empty", "CSVファイルが空です。", { rule: "file_not_empty" });
  } catch (error) {
    // The run stays in the log as failed; its partial bytes go.
    await ctx.db.delete(csvImportChunks).where(eq(csvImportChunks.runId, runId));
    await ctx.db
      .update(csvImportRuns)
      .set({
        status: "failed",
        totalBytes: total,
        error: error instanceof Refusal ? error.detail : "アップロードが途中で切れました。",
        finishedAt: ctx.clock.now(),
      })
      .where(eq(csvImportRuns.id, runId));
    throw error;
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(csvImportRuns)
      .set({ status: "queued", totalBytes: total })
      .where(eq(csvImportRuns.id, runId));
    await ctx.jobs.enqueue(tx, "csv-import", { runId });
  });
  return runId;
}

const tooLarge = () =>
  new Refusal("request.too_large", `CSVファイルは${MAX_CSV_BYTES / 1024 / 1024}MBまでです。`, {
    rule: "csv_file_size",
  });

import { and, eq } from "drizzle-orm";
import { csvImportChunks, csvImportRuns, shops } from "#server/db/schema.ts";
import { notFound } from "#server/domain/refusal.ts";
import { type Actor, type AppContext, actorLabel } from "../context.ts";
import { receiveUpload } from "../uploads/receive-upload.ts";
import { getCsvProfile } from "./profiles.ts";

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

  const total = await receiveUpload(body, {
    savePiece: async (seq, data) => {
      await ctx.db.insert(csvImportChunks).values({ runId, seq, data });
    },
    fail: async (totalBytes, reason) => {
      await ctx.db.delete(csvImportChunks).where(eq(csvImportChunks.runId, runId));
      await ctx.db
        .update(csvImportRuns)
        .set({ status: "failed", totalBytes, error: reason, finishedAt: ctx.clock.now() })
        .where(eq(csvImportRuns.id, runId));
    },
  });
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(csvImportRuns)
      .set({ status: "queued", totalBytes: total })
      .where(eq(csvImportRuns.id, runId));
    await ctx.jobs.enqueue(tx, "csv-import", { runId });
  });
  return runId;
}

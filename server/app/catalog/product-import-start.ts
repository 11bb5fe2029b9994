import { and, asc, eq } from "drizzle-orm";
import { productImportChunks, productImportRuns, products, shops } from "#server/db/schema.ts";
import { importModeFor } from "#server/domain/product-import.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import type { ProductFileReader } from "#server/ports/product-file.ts";
import { type Actor, type AppContext, actorLabel } from "../context.ts";
import { receiveUpload } from "../uploads/receive-upload.ts";

export type ProductImportRequest = {
  shopId: string;
  /** 「新しい商品として登録」 (domain/product-import.ts says why it is off by default). */
  createMissing: boolean;
  fileName?: string | undefined;
};

/** The reader of the shop's channel for its item export; a channel without one cannot import products. */
export function productFileOf(ctx: AppContext, channel: string): ProductFileReader {
  const reader = ctx.channels.get(channel)?.productFile;
  if (!reader)
    throw new Refusal("product_import.unsupported", "このショップのモールからは商品CSVを取り込めません。", {
      rule: "channel_item_file",
      errors: [{ path: "shopId", message: "商品CSVを取り込めるモールのショップを選んでください" }],
    });
  return reader;
}

/**
 * 商品CSV取込, the upload: the bytes are stored as they arrive (never the whole file in memory), the
 * run's mode decided (master or map), and the run queued for the `product-import` job in the
 * transaction that marks the upload complete.
 */
export async function startProductImport(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  request: ProductImportRequest,
  body: AsyncIterable<Uint8Array>,
): Promise<string> {
  const [shop] = await ctx.db
    .select({ id: shops.id, channel: shops.channel })
    .from(shops)
    .where(and(eq(shops.id, request.shopId), eq(shops.accountId, accountId)));
  if (!shop) throw notFound("shop", "ショップ");
  productFileOf(ctx, shop.channel);
  const [anyProduct] = await ctx.db
    .select({ id: products.id })
    .from(products)
    .where(eq(products.accountId, accountId))
    .limit(1);
  const [firstMaster] = await ctx.db
    .select({ shopId: productImportRuns.shopId })
    .from(productImportRuns)
    .where(and(eq(productImportRuns.accountId, accountId), eq(productImportRuns.mode, "master")))
    .orderBy(asc(productImportRuns.startedAt))
    .limit(1);
  const mode = importModeFor({
    hasProducts: Boolean(anyProduct),
    masterShopId: firstMaster?.shopId ?? null,
    shopId: shop.id,
  });
  const runId = ctx.newId();
  await ctx.db.insert(productImportRuns).values({
    id: runId,
    accountId,
    shopId: shop.id,
    mode,
    createMissing: request.createMissing,
    fileName: request.fileName ?? null,
    status: "uploading",
    createdBy: actorLabel(actor),
    startedAt: ctx.clock.now(),
  });

  const total = await receiveUpload(body, {
    savePiece: async (seq, data) => {
      await ctx.db.insert(productImportChunks).values({ runId, seq, data });
    },
    fail: async (totalBytes, reason) => {
      await ctx.db.delete(productImportChunks).where(eq(productImportChunks.runId, runId));
      await ctx.db
        .update(productImportRuns)
        .set({ status: "failed", totalBytes, error: reason, finishedAt: ctx.clock.now() })
        .where(eq(productImportRuns.id, runId));
    },
  });
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(productImportRuns)
      .set({ status: "queued", totalBytes: total })
      .where(eq(productImportRuns.id, runId));
    await ctx.jobs.enqueue(tx, "product-import", { runId });
  });
  return runId;
}

import { Refusal } from "#server/domain/refusal.ts";

/** A file may be large (100,000 lines of a wide cart export are tens of MB), never unbounded. */
const MAX_CSV_BYTES = 256 * 1024 * 1024;
/** The upload is kept in pieces of this size: the job reads them back one at a time. */
const CHUNK_BYTES = 1024 * 1024;

/** Where one run's upload goes: its pieces, and what becomes of the run when the upload breaks off. */
export type UploadSink = {
  savePiece(seq: number, data: Buffer): Promise<void>;
  /** The upload failed: drop its pieces and mark the run failed with the reason. */
  fail(totalBytes: number, reason: string): Promise<void>;
};

/**
 * An uploaded CSV stored as it arrives (never the whole file in memory), in pieces of CHUNK_BYTES.
 * Too large or empty is refused with its rule; on any failure the sink drops what was stored and the
 * run stays in the log as failed. Returns the file's size.
 */
export async function receiveUpload(body: AsyncIterable<Uint8Array>, sink: UploadSink): Promise<number> {
  let total = 0;
  let seq = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    await sink.savePiece(seq++, Buffer.concat(pending));
    pending = [];
    pendingBytes = 0;
  };
  try {
    for await (const piece of body) {
      total += piece.length;
      if (total > MAX_CSV_BYTES)
        throw new Refusal("request.too_large", `CSVファイルは${MAX_CSV_BYTES / 1024 / 1024}MBまでです。`, {
          rule: "csv_file_size",
        });
      pending.push(piece);
      pendingBytes += piece.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
    if (total === 0)
      throw new Refusal("csv_import.empty", "CSVファイルが空です。", { rule: "file_not_empty" });
  } catch (error) {
    await sink.fail(total, error instanceof Refusal ? error.detail : "アップロードが途中で切れました。");
    throw error;
  }
  return total;
}

import type { AppContext } from "#server/app/context.ts";

/** One outcome per job of a fetch, in its order: null when done, the error when it is to be retried. */
export type JobOutcomes = (Error | null)[];

/** A queue's handler: every job of one fetch at once, so it can share reads, calls and transactions. */
// biome-ignore lint/suspicious/noExplicitAny: each handler narrows its own payload, written by its own enqueue.
export type BatchHandler<T = any> = (ctx: AppContext, jobs: readonly T[]) => Promise<JobOutcomes>;

/**
 * A handler of one job run over a batch, at most `concurrency` at a time. Each job fails alone: one
 * bad job is retried with backoff by pg-boss while the others of its fetch are done.
 */
export function eachJob<T>(
  handle: (ctx: AppContext, data: T) => Promise<unknown>,
  concurrency = 1,
): BatchHandler<T> {
  return async (ctx, jobs) => {
    const outcomes: JobOutcomes = jobs.map(() => null);
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < jobs.length; i = next++) {
        try {
          await handle(ctx, jobs[i] as T);
        } catch (error) {
          outcomes[i] = error instanceof Error ? error : new Error(String(error));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, lane));
    return outcomes;
  };
}

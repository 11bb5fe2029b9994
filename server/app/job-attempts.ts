import { failureReason, loggableError } from "#server/db/errors.ts";

/**
 * A job that counts its own runs on its record: a failing run is thrown back for pg-boss to retry,
 * but the `max`-th one ends the record as failed with the reason the merchant reads (`fail`) and
 * completes the job — the screen that polls the record stops instead of waiting for ever.
 */
export async function failedForGoodAfter(
  attempt: number,
  max: number,
  what: string,
  work: () => Promise<void>,
  fail: (reason: string) => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (attempt < max) throw error;
    console.error(`${what} failed for good after ${attempt} attempts:\n${loggableError(error)}`);
    await fail(failureReason(error));
  }
}

/**
 * Every API call the sandbox received, so a test can count them (did the retry reuse its key?) or see
 * which merchant made them. Bodies are not kept: the requests hold what was accepted.
 */

export type CallEntry = {
  method: string;
  path: string;
  /** JST, on the sandbox clock. */
  at: string;
  merchantId: string | null;
  idempotencyKey: string | null;
  /** null while a delayed call waits, or when its connection was dropped. */
  status: number | null;
  fault: string | null;
};

const KEEP = 20_000;

export function logCall(calls: CallEntry[], entry: CallEntry): CallEntry {
  calls.push(entry);
  if (calls.length > KEEP) calls.splice(0, calls.length - KEEP);
  return entry;
}

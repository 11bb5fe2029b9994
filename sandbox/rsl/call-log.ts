import type { CallBase } from "../kit/call-log.ts";

/**
 * Every RSL API call the sandbox received (kit/call-log.ts), with the merchant that made it and its
 * Idempotency-Key (did the retry reuse its key?). Bodies are not kept: the requests hold what was accepted.
 */
export type CallEntry = CallBase & { merchantId: string | null; idempotencyKey: string | null };

import type { CallBase } from "../kit/call-log.ts";

/**
 * Every RMS call the sandbox received (kit/call-log.ts), with the shop that made it and its body
 * summarised, never kept whole.
 */
export type CallEntry = CallBase & {
  /** ISO instant on the sandbox clock (`at`). */
  shopId: string | null;
  summary: string;
};

import type { Reply } from "./http-reply.ts";
import type { MallState, Shop } from "./state.ts";

/**
 * One authenticated RMS call: the shop its ESA credentials opened, its JSON object body ({} for a
 * GET), its query and the path's named parts (inquiry/{inquiryNumber}), the instant.
 */
export type RmsCall = {
  state: MallState;
  shop: Shop;
  body: Record<string, unknown>;
  query: URLSearchParams;
  params: Record<string, string>;
  now: Date;
  path: string;
};

export type RmsHandler = (call: RmsCall) => Reply;

/** A function behind the gateway: its method and path (`:name` for a part of the path). */
export type RmsFunctionRoute = { method: string; pattern: string; handler: RmsHandler };

/** Orders are only retrievable for two years, like searchOrder's window. */
export const RETRIEVABLE_MS = 730 * 24 * 60 * 60 * 1000;

import type { Reply } from "./http-reply.ts";
import type { MallState, Shop } from "./state.ts";

/** One authenticated RMS call: the shop its ESA credentials opened, its JSON object body, the instant. */
export type RmsCall = {
  state: MallState;
  shop: Shop;
  body: Record<string, unknown>;
  now: Date;
  path: string;
};

export type RmsHandler = (call: RmsCall) => Reply;

/** Orders are only retrievable for two years, like searchOrder's window. */
export const RETRIEVABLE_MS = 730 * 24 * 60 * 60 * 1000;

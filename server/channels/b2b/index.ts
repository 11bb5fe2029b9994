import type { ChannelDefinition } from "#server/ports/channel.ts";

/**
 * BtoB受発注: orders a merchant's buyer companies place on the 発注フォーム, or the merchant enters
 * for them (メール発注). One shop per merchant, made when they first set the desk up; nothing to
 * poll, confirm or report — the orders live in Juchu.
 */
export const b2b: ChannelDefinition = {
  code: "b2b",
  label: "BtoB受発注",
  kind: "internal",
  credentials: [],
  capabilities: {
    source: "internal",
    confirm: null,
    reportShipping: false,
    cancel: false,
    stock: false,
    recheckDays: 0,
  },
  cancelReasons: [],
  defaults: { gracePeriodMinutes: 0 },
};

import type { ChannelDefinition } from "#server/ports/channel.ts";

/** 手動登録: orders the merchant enters in Juchu (or its API); nothing to poll, confirm or report. */
export const manual: ChannelDefinition = {
  code: "manual",
  label: "手動登録",
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

import type { ChannelDefinition } from "#server/ports/channel.ts";
import { csvUpload } from "./upload.ts";

/**
 * CSV取込: a cart without an API (futureshop and the like) whose orders arrive as uploaded files read
 * through a column-mapping profile. Nothing to poll, confirm or report back: a number registered from
 * a file is never reflected to the cart (SPEC §5).
 */
export const csv: ChannelDefinition = {
  code: "csv",
  label: "CSV取込",
  kind: "file",
  credentials: [],
  capabilities: {
    source: "upload",
    confirm: null,
    reportShipping: false,
    cancel: false,
    stock: false,
    recheckDays: 0,
  },
  cancelReasons: [],
  defaults: { gracePeriodMinutes: 0 },
  upload: csvUpload,
};

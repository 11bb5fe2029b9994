import type { ChannelRegistry } from "#server/ports/channel.ts";
import type { OrderFileUpload } from "#server/ports/order-upload.ts";

/**
 * The registered channel's file reading that uploads go through. The upload routes are offered only
 * when one is registered, so its absence here is a wiring mistake, not the merchant's.
 */
export function orderFileUpload(ctx: { channels: ChannelRegistry }): OrderFileUpload {
  const found = ctx.channels.fileUpload;
  if (!found) throw new Error("no registered channel takes order files");
  return found.upload;
}

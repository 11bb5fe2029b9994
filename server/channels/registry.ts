import type { ChannelDefinition, ChannelRegistry } from "#server/ports/channel.ts";
import { b2b } from "./b2b/index.ts";
import { csv } from "./csv/index.ts";
import { manual } from "./manual/index.ts";
import { rakuten } from "./rakuten/index.ts";

/**
 * Every channel Juchu can take orders from. A new one is a folder beside these that exports its
 * ChannelDefinition, and one line here; nothing generic changes.
 */
export const CHANNELS: readonly ChannelDefinition[] = [rakuten, manual, csv, b2b];

export function channelRegistry(list: readonly ChannelDefinition[] = CHANNELS): ChannelRegistry {
  const byCode = new Map(list.map((c) => [c.code, c]));
  if (byCode.size !== list.length) throw new Error("two channels share a code");
  // The upload API and screens (CSV取込, 取込設定) serve one file layout set: a second channel taking
  // files would need a channel parameter on them first.
  const uploads = list.flatMap((c) => (c.upload ? [{ code: c.code, upload: c.upload }] : []));
  if (uploads.length > 1) throw new Error("two channels take order files");
  return { list, get: (code) => byCode.get(code), fileUpload: uploads[0] };
}

/** `npm run juchu -- <channel> <command> <args…>`: each channel's support commands, by "channel command". */
export const CHANNEL_COMMANDS = CHANNELS.flatMap((c) =>
  Object.entries(c.commands ?? {}).map(([name, command]) => ({ channel: c.code, name, command })),
);

import { randomUUID } from "node:crypto";
import { smtpMailer } from "#server/adapters/mail/smtp-mailer.ts";
import { createSecretBox } from "#server/adapters/secrets/secret-box.ts";
import { createRslClient } from "#server/adapters/warehouses/rsl/client.ts";
import { selfWarehouse } from "#server/adapters/warehouses/self/self-warehouse.ts";
import type { AppContext } from "#server/app/context.ts";
import { CHANNELS, channelRegistry } from "#server/channels/registry.ts";
import type { Db } from "#server/db/database.ts";
import type { JobQueue } from "#server/jobs/queue.ts";
import type { ChannelClientFactory, ChannelDefinition } from "#server/ports/channel.ts";
import { type Clock, systemClock } from "#server/ports/clock.ts";
import type { WarehouseClientFactory } from "#server/ports/warehouse.ts";

export type ContextOptions = {
  /** Seals mall credentials (config.secretKey, loaded by loadSecretKey). */
  secretKey: Buffer;
  /** Where each channel's API answers, by channel code (JUCHU_<CODE>_API_URL, or a sandbox). */
  apiUrls?: Record<string, string>;
  /** Where RSL's shipment API answers: the real one, or a sandbox. */
  rslApiUrl?: string;
  warehouseTimeoutMs?: number;
  clock?: Clock;
  newId?: () => string;
  /** Per-call limits a test or a benchmark tightens. */
  mallTimeoutMs?: number;
  importLeaseMs?: number;
  stockPushIntervalMs?: number;
  /** The channels to offer; the registry's by default (a test adds one to show a folder is enough). */
  channels?: readonly ChannelDefinition[];
};

/**
 * The composition root: the only shipped file that wires adapters to ports. Channels come from
 * their registry, each building its clients from its own definition; tests pass their own clock,
 * ids and sandbox URLs.
 */
export function createContext(db: Db, jobs: JobQueue, options: ContextOptions): AppContext {
  const clock: Clock = options.clock ?? systemClock;
  const channels = channelRegistry(options.channels ?? CHANNELS);
  const channelClients: ChannelClientFactory = (shop) => {
    const definition = channels.get(shop.channel);
    if (!definition?.createClients) return {};
    return definition.createClients(
      {
        apiUrl: options.apiUrls?.[shop.channel],
        timeoutMs: options.mallTimeoutMs,
        stockPushIntervalMs: options.stockPushIntervalMs,
      },
      shop.credentials,
    );
  };
  const rslApiUrl = options.rslApiUrl ?? "https://api.rsl.rakuten.co.jp";
  const warehouses: WarehouseClientFactory = (warehouse) =>
    warehouse.kind === "rsl"
      ? createRslClient({
          baseUrl: rslApiUrl,
          apiKey: warehouse.credentials?.apiKey ?? "",
          ...(options.warehouseTimeoutMs ? { timeoutMs: options.warehouseTimeoutMs } : {}),
        })
      : selfWarehouse;
  return {
    db,
    jobs,
    clock,
    newId: options.newId ?? randomUUID,
    warehouses,
    channels,
    channelClients,
    secrets: createSecretBox(options.secretKey),
    mailers: smtpMailer,
    importLeaseMs: options.importLeaseMs ?? 10 * 60_000,
  };
}

/** Commands a channel offers the CLI (`npm run juchu -- <channel> …`), for support. */
export { CHANNEL_COMMANDS } from "#server/channels/registry.ts";

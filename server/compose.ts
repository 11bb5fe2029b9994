import { randomUUID } from "node:crypto";
import { smtpMailer } from "#server/adapters/mail/smtp-mailer.ts";
import { createSecretBox } from "#server/adapters/secrets/secret-box.ts";
import { httpWebhookSender } from "#server/adapters/webhooks/http-sender.ts";
import type { AppContext } from "#server/app/context.ts";
import { CHANNELS, channelRegistry } from "#server/channels/registry.ts";
import type { Db } from "#server/db/database.ts";
import type { JobQueue } from "#server/jobs/queue.ts";
import type { ChannelClientFactory, ChannelDefinition } from "#server/ports/channel.ts";
import { type Clock, systemClock } from "#server/ports/clock.ts";
import type { WarehouseClientFactory } from "#server/ports/warehouse.ts";
import { WAREHOUSE_DEFINITIONS } from "#server/warehouses/registry.ts";

export type ContextOptions = {
  /** Seals mall credentials (config.secretKey, loaded by loadSecretKey). */
  secretKey: Buffer;
  /**
   * Where each channel's or warehouse kind's API answers, by its code (JUCHU_<CODE>_API_URL, or a
   * sandbox); each integration's own default otherwise.
   */
  apiUrls?: Readonly<Record<string, string>>;
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
      shop.masters,
    );
  };
  const warehouses: WarehouseClientFactory = (warehouse) => {
    const definition = WAREHOUSE_DEFINITIONS.find((d) => d.kind === warehouse.kind);
    if (!definition) throw new Error(`no warehouse kind ${warehouse.kind} is registered`);
    return definition.createClient(
      { baseUrl: options.apiUrls?.[warehouse.kind], timeoutMs: options.warehouseTimeoutMs },
      warehouse.credentials ?? {},
    );
  };
  return {
    db,
    jobs,
    clock,
    newId: options.newId ?? randomUUID,
    warehouses,
    warehouseKinds: WAREHOUSE_DEFINITIONS,
    channels,
    channelClients,
    secrets: createSecretBox(options.secretKey),
    mailers: smtpMailer,
    webhookSender: httpWebhookSender(),
    importLeaseMs: options.importLeaseMs ?? 10 * 60_000,
  };
}

/** Commands a channel offers the CLI (`npm run juchu -- <channel> …`), for support. */
export { CHANNEL_COMMANDS } from "#server/channels/registry.ts";

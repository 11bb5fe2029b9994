import type { Db } from "#server/db/database.ts";
import type { JobQueue } from "#server/jobs/queue.ts";
import type { ChannelClientFactory, ChannelRegistry } from "#server/ports/channel.ts";
import type { Clock } from "#server/ports/clock.ts";
import type { MailerFactory } from "#server/ports/mailer.ts";
import type { SecretBox } from "#server/ports/secret-box.ts";
import type { WarehouseClientFactory, WarehouseDefinition } from "#server/ports/warehouse.ts";
import type { WebhookSender } from "#server/ports/webhook-sender.ts";

/** What every use case runs with: the database, time, ids, the job queue and the outside world's ports. */
export type AppContext = {
  db: Db;
  clock: Clock;
  newId: () => string;
  jobs: JobQueue;
  /** A client for a warehouse, from its kind and opened credentials. */
  warehouses: WarehouseClientFactory;
  /** The registered warehouse kinds: labels, credential fields and capabilities. */
  warehouseKinds: readonly WarehouseDefinition[];
  /** Every registered channel's definition: labels, credential fields, capabilities. */
  channels: ChannelRegistry;
  /** A shop's channel clients (source, sink, stock), from its opened credentials. */
  channelClients: ChannelClientFactory;
  secrets: SecretBox;
  /** An SMTP sender for a transport's settings. */
  mailers: MailerFactory;
  /** POSTs a signed event to a receiver (webhooks). */
  webhookSender: WebhookSender;
  /** How long a running import holds its shop; a killed one frees the shop when this runs out. */
  importLeaseMs: number;
};

/** Who did it, as the timeline shows it: a user, an API token, or the system itself. */
export type Actor =
  | { kind: "user"; userId: string }
  | { kind: "token"; tokenId: string }
  | { kind: "system"; job?: string };

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case "user":
      return `user:${actor.userId}`;
    case "token":
      return `token:${actor.tokenId}`;
    case "system":
      return actor.job ? `system:${actor.job}` : "system";
  }
}

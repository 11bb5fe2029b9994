import type { Db } from "#server/db/database.ts";
import type { JobQueue } from "#server/jobs/queue.ts";
import type { Clock } from "#server/ports/clock.ts";
import type { MailerFactory } from "#server/ports/mailer.ts";
import type { MallClientFactory } from "#server/ports/mall.ts";
import type { SecretBox } from "#server/ports/secret-box.ts";
import type { WarehouseClientFactory, WarehouseDefinition } from "#server/ports/warehouse.ts";

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
  /** A client for a shop's mall, from its opened credentials. */
  malls: MallClientFactory;
  secrets: SecretBox;
  /** An SMTP sender for a transport's settings. */
  mailers: MailerFactory;
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

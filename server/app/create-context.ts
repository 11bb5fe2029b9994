import { randomUUID } from "node:crypto";
import { smtpMailer } from "#server/adapters/mail/smtp-mailer.ts";
import { createRakutenClient } from "#server/adapters/malls/rakuten/client.ts";
import { createSecretBox } from "#server/adapters/secrets/secret-box.ts";
import type { Db } from "#server/db/database.ts";
import type { JobQueue } from "#server/jobs/queue.ts";
import { type Clock, systemClock } from "#server/ports/clock.ts";
import type { MallClientFactory } from "#server/ports/mall.ts";
import type { WarehouseClientFactory } from "#server/ports/warehouse.ts";
import { WAREHOUSE_DEFINITIONS } from "#server/warehouses/registry.ts";
import type { AppContext } from "./context.ts";

export type ContextOptions = {
  /** Seals mall credentials (config.secretKey, loaded by loadSecretKey). */
  secretKey: Buffer;
  /** Where Rakuten's RMS answers: the real one, or a sandbox. */
  rakutenApiUrl?: string;
  /** Where each warehouse kind's API answers, by kind: the real one (its default), or a sandbox. */
  warehouseApiUrls?: Readonly<Record<string, string>>;
  warehouseTimeoutMs?: number;
  clock?: Clock;
  newId?: () => string;
  /** Per-call limits a test or a benchmark tightens. */
  mallTimeoutMs?: number;
  importLeaseMs?: number;
  stockPushIntervalMs?: number;
};

/** The production wiring of ports to adapters; tests pass their own clock, ids and sandbox URLs. */
export function createContext(db: Db, jobs: JobQueue, options: ContextOptions): AppContext {
  const clock: Clock = options.clock ?? systemClock;
  const rakutenApiUrl = options.rakutenApiUrl ?? "https://api.rms.rakuten.co.jp";
  const malls: MallClientFactory = (shop) => {
    if (shop.channel !== "rakuten") throw new Error(`no mall client for channel ${shop.channel}`);
    return createRakutenClient({
      baseUrl: rakutenApiUrl,
      credentials: {
        serviceSecret: shop.credentials.serviceSecret ?? "",
        licenseKey: shop.credentials.licenseKey ?? "",
      },
      ...(options.mallTimeoutMs ? { timeoutMs: options.mallTimeoutMs } : {}),
      ...(options.stockPushIntervalMs !== undefined
        ? { stockPushIntervalMs: options.stockPushIntervalMs }
        : {}),
    });
  };
  const warehouses: WarehouseClientFactory = (warehouse) => {
    const definition = WAREHOUSE_DEFINITIONS.find((d) => d.kind === warehouse.kind);
    if (!definition) throw new Error(`no warehouse kind ${warehouse.kind} is registered`);
    return definition.createClient(
      { baseUrl: options.warehouseApiUrls?.[warehouse.kind], timeoutMs: options.warehouseTimeoutMs },
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
    malls,
    secrets: createSecretBox(options.secretKey),
    mailers: smtpMailer,
    importLeaseMs: options.importLeaseMs ?? 10 * 60_000,
  };
}

import { sql } from "drizzle-orm";
import { type Clock as BossClock, fromDrizzle, PgBoss } from "pg-boss";
import type { Database, Db } from "#server/db/database.ts";
import { loggableError } from "#server/db/errors.ts";

/** Every queue Juchu uses; each has one handler file in this folder. */
export const JOB_NAMES = [
  "grace-period-over",
  "shipment-request",
  "allocate-waiting-orders",
  "mall-import",
  "mall-confirm-order",
  "mall-stock-push",
  "warehouse-results",
  "mall-report-shipping",
  "mall-cancel-order",
  "mall-cancel-withdraw",
  "mail-dispatch",
  "send-mail",
  "csv-import",
  "product-import",
  "order-export",
  "inquiry-import",
  "inquiry-act",
  "inquiry-reply",
  "bulk-order-run",
  "webhook-dispatch",
  "webhook-delivery",
  "ship-dates-recompute",
] as const;
export type JobName = (typeof JOB_NAMES)[number];
const COALESCED: readonly JobName[] = [
  "grace-period-over",
  "mall-import",
  "mall-stock-push",
  "warehouse-results",
  "mail-dispatch",
  "inquiry-import",
  "webhook-dispatch",
  "ship-dates-recompute",
];

/** Queues no longer used, deleted with their jobs: one delayed job per order became the grace period sweep. */
const RETIRED = ["order-grace-over"];

/**
 * A running job's worker shows it is alive this often (pg-boss touches its batch at half of it); the
 * jobs of a worker killed mid-batch fail after it and are retried, instead of after their expiry.
 */
const HEARTBEAT_SECONDS = 15;

export type EnqueueOptions = { startAfter?: Date; singletonKey?: string };

export type JobToEnqueue = { data: Record<string, unknown> } & EnqueueOptions;

export type JobQueue = {
  /** Enqueues through `tx`, so the job exists exactly when the business change it follows commits. */
  enqueue(tx: Db, name: JobName, data: Record<string, unknown>, options?: EnqueueOptions): Promise<void>;
  /** Many jobs of one queue in one statement, through `tx`; a singleton key already queued stays one job. */
  enqueueMany(tx: Db, name: JobName, jobs: readonly JobToEnqueue[]): Promise<void>;
};

export async function openJobQueue(
  database: Database,
  options: { clock?: BossClock; supervise?: boolean } = {},
): Promise<{ boss: PgBoss; queue: JobQueue; stop(): Promise<void> }> {
  const connection =
    database.boss.backend === "pglite"
      ? { db: database.boss.db, backend: "pglite" as const }
      : { connectionString: database.boss.connectionString, max: 4 };
  const settings = {
    ...connection,
    schema: "pgboss",
    schedule: false,
    ...(options.clock ? { clock: options.clock } : {}),
  };
  // pg-boss looks a queue up through its own connection unless it is cached at start. On PGlite that
  // lookup would wait behind the business transaction enqueuing the job, so queues are created by a
  // short-lived instance first and the serving instance starts with all of them cached.
  const setup = new PgBoss({ ...settings, supervise: false });
  await setup.start();
  const existing = new Set((await setup.getQueues()).map((q) => q.name));
  for (const name of JOB_NAMES) {
    if (!existing.has(name))
      await setup.createQueue(name, {
        retryLimit: 10,
        retryBackoff: true,
        retryDelay: 5,
        // One waiting and one running per shop: a burst of ticks or stock changes makes one run.
        ...(COALESCED.includes(name) ? { policy: "stately" as const } : {}),
      });
  }
  for (const name of RETIRED) if (existing.has(name)) await setup.deleteQueue(name);
  await setup.stop({ graceful: false });
  // Supervised often, so a dead worker's jobs come back within seconds of their missed heartbeat.
  const boss = new PgBoss({
    ...settings,
    supervise: options.supervise ?? true,
    superviseIntervalSeconds: 5,
    // Heartbeats are checked in the monitor step, which otherwise runs once a minute.
    monitorIntervalSeconds: 5,
  });
  boss.on("error", (error) => console.error(bossErrorLine(error)));
  await boss.start();
  const queue: JobQueue = {
    enqueue: (tx, name, data, opts = {}) => queue.enqueueMany(tx, name, [{ data, ...opts }]),
    async enqueueMany(tx, name, jobs) {
      if (jobs.length === 0) return;
      await boss.insert(
        name,
        jobs.map((j) => ({
          data: j.data,
          // Every job, however enqueued: a worker killed mid-job gives it back within seconds.
          heartbeatSeconds: HEARTBEAT_SECONDS,
          ...(j.startAfter ? { startAfter: j.startAfter } : {}),
          ...(j.singletonKey ? { singletonKey: j.singletonKey } : {}),
        })),
        { db: fromDrizzle(tx as Parameters<typeof fromDrizzle>[0], sql) },
      );
    },
  };
  return { boss, queue, stop: () => boss.stop({ graceful: true, timeout: 5000 }) };
}

/** pg-boss's `error` event: a worker's failure comes as a plain copy of the error naming its queue. */
export function bossErrorLine(error: unknown): string {
  const queue = (error as { queue?: unknown } | null)?.queue;
  return `pg-boss${typeof queue === "string" ? ` (${queue})` : ""}:\n${loggableError(error)}`;
}

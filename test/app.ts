import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { sql } from "drizzle-orm";
import { createAccount } from "#server/app/account/create-account.ts";
import { enqueueGracePeriodEnds } from "#server/app/channels/end-grace-period.ts";
import type { AppContext } from "#server/app/context.ts";
import { enqueueWebhookDispatch } from "#server/app/webhooks/dispatch.ts";
import { type ContextOptions, createContext } from "#server/compose.ts";
import { createHttpApp } from "#server/http/app.ts";
import { type JobName, openJobQueue } from "#server/jobs/queue.ts";
import { HANDLERS, WORK_OPTIONS } from "#server/jobs/workers.ts";
import { openTestDatabase } from "./database.ts";

/** A clock the test moves by hand. */
// Ahead of the real clock, so pg-boss (which compares start times with the database's now()) hands
// out a delayed job only when runDueJobs has found it due by this clock.
export function manualClock(start = new Date("2030-01-15T01:00:00Z")) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
    set(date: Date) {
      now = date.getTime();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/**
 * The real HTTP server over a fresh migrated database (PGlite, or PostgreSQL when DATABASE_URL is
 * set), with the real pg-boss queue but no background workers: a test runs due jobs itself.
 */
export async function startTestApp(options: Partial<Omit<ContextOptions, "clock" | "secretKey">> = {}) {
  const database = await openTestDatabase();
  const clock = manualClock();
  const jobs = await openJobQueue(database, { supervise: false });
  let seq = 0;
  const ctx: AppContext = createContext(database.db, jobs.queue, {
    clock,
    secretKey: randomBytes(32),
    ...options,
  });
  const app = createHttpApp(ctx, { database: database.kind, version: "test" });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function newAccount(name = `商店${++seq}`) {
    return createAccount(ctx, {
      name,
      email: `owner${seq}-${Date.now()}@example.com`,
      password: "correct horse battery",
    });
  }
  const owner = await newAccount("テスト商店");

  /** Calls the API as `token` (the first account's by default); the body is sent as JSON unless a string. */
  async function api(method: string, path: string, body?: unknown, token: string | null = owner.apiToken) {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(url + path, {
      method,
      headers,
      ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the endpoint answered.
    const json: any = text ? JSON.parse(text) : null;
    return { status: res.status, contentType: res.headers.get("content-type") ?? "", body: json };
  }

  /**
   * Runs every queued job of `name` whose start time has come by the test's clock, through pg-boss's
   * own fetch and the workers' batch handlers, settling each job as the workers do. For the grace
   * period and the webhook outbox the sweep runs first, as the workers' timer would. Returns how many jobs ran; the first
   * failure is thrown after the rest of its fetch was settled.
   */
  async function runDueJobs(name: JobName): Promise<number> {
    if (name === "grace-period-over") await enqueueGracePeriodEnds(ctx);
    if (name === "webhook-dispatch") await enqueueWebhookDispatch(ctx);
    await database.db.execute(
      sql`update pgboss.job set start_after = now() where name = ${name} and state in ('created', 'retry') and start_after <= ${clock.now()}`,
    );
    let ran = 0;
    for (;;) {
      const batch = await jobs.boss.fetch<Record<string, unknown>>(name, {
        batchSize: WORK_OPTIONS.batchSize,
      });
      if (batch.length === 0) return ran;
      const outcomes = await HANDLERS[name](
        ctx,
        batch.map((job) => job.data),
      );
      let failure: Error | null = null;
      for (const [i, job] of batch.entries()) {
        const error = outcomes[i];
        if (error) {
          await jobs.boss.fail(name, job.id, { message: String(error) });
          failure ??= error;
        } else await jobs.boss.complete(name, job.id);
      }
      if (failure) throw failure;
      ran += batch.length;
    }
  }

  async function queuedJobs(name: JobName) {
    const r = await database.db.execute(
      sql`select data, start_after as "startAfter" from pgboss.job where name = ${name} and state in ('created', 'retry') order by start_after`,
    );
    return (r as unknown as { rows: { data: Record<string, unknown>; startAfter: Date }[] }).rows;
  }

  return {
    url,
    ctx,
    database,
    clock,
    jobs,
    owner,
    newAccount,
    api,
    runDueJobs,
    queuedJobs,
    async close() {
      server.close();
      await jobs.stop();
      await database.close();
    },
  };
}

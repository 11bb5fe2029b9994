import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type pg from "pg";
import type { Database, Db } from "#server/db/database.ts";
import * as schema from "#server/db/schema.ts";

/** Plain SQL straight on the driver Juchu itself uses: the yardstick every figure is divided by. */
export type Query = (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
export type Raw = { query: Query; transaction<T>(fn: (q: Query) => Promise<T>): Promise<T> };

type Clients = { kind: "postgres"; client: pg.Pool } | { kind: "pglite"; client: PGlite };

function clientOf(database: Database): Clients {
  const client = (database.db as unknown as { $client: unknown }).$client;
  return database.kind === "postgres"
    ? { kind: "postgres", client: client as pg.Pool }
    : { kind: "pglite", client: client as PGlite };
}

export function rawSql(database: Database): Raw {
  const c = clientOf(database);
  if (c.kind === "pglite") {
    const query: Query = (text, params) => c.client.query(text, params);
    return {
      query,
      transaction: (fn) => c.client.transaction((tx) => fn((text, params) => tx.query(text, params))),
    };
  }
  const pool = c.client;
  return {
    query: (text, params) => pool.query(text, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const result = await fn((text, params) => client.query(text, params));
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

/**
 * A second Drizzle handle on the same connections that records every statement it sends (begin and
 * commit left out: node-postgres sends them as statements, PGlite does not): for round-trip counts
 * and for EXPLAIN of exactly what a use case ran.
 */
export function recordingDb(database: Database): {
  db: Db;
  statements: { sql: string; params: unknown[] }[];
} {
  const statements: { sql: string; params: unknown[] }[] = [];
  const logger = {
    logQuery(sql: string, params: unknown[]) {
      if (!/^\s*(begin|commit|rollback)\b/i.test(sql)) statements.push({ sql, params });
    },
  };
  const c = clientOf(database);
  const db =
    c.kind === "postgres"
      ? (drizzlePg(c.client, { schema, logger }) as unknown as Db)
      : (drizzlePglite(c.client, { schema, logger }) as unknown as Db);
  return { db, statements };
}

/** Runs `count` tasks with at most `concurrency` in flight; returns the wall time in ms. */
export async function runPool(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return performance.now() - started;
}

/**
 * What PostgreSQL's backends of this database are doing while `work` runs, sampled every 25 ms:
 * the average number per wait (Lock:… = waiting for another transaction, Client:ClientRead = waiting
 * for Node to send the next statement, CPU = running). Undefined on PGlite (one backend).
 */
export async function watchBackends<T>(
  kind: Database["kind"],
  raw: Raw,
  work: Promise<T>,
): Promise<{ result: T; backends?: string }> {
  if (kind !== "postgres") return { result: await work };
  let done = false;
  const counts = new Map<string, number>();
  let samples = 0;
  const sampler = (async () => {
    while (!done) {
      const { rows } = await raw.query(
        `select coalesce(wait_event_type, 'CPU') || coalesce(':' || wait_event, '') as w, count(*)::int as n
           from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid()
            and state in ('active', 'idle in transaction')
          group by 1`,
      );
      for (const r of rows) counts.set(String(r.w), (counts.get(String(r.w)) ?? 0) + Number(r.n));
      samples++;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })().catch(() => {}); // the pool may close under it (Ctrl-C): sampling just stops
  try {
    return { result: await work, backends: summarize() };
  } finally {
    done = true;
    await sampler;
  }
  function summarize(): string {
    return [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([w, n]) => `${w} ${(n / Math.max(1, samples)).toFixed(1)}`)
      .join(", ");
  }
}

export const perSecond = (count: number, ms: number) => (count * 1000) / ms;

export type Percentiles = { n: number; p50: number; p95: number; p99: number; max: number };

export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1) ?? 0 };
}

/** Deterministic random numbers, so two runs ask the same queries. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw.replace(/_/g, ""));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return n;
}

/** Minutes, fractions allowed (0.5 = 30 s). */
export function envMinutes(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!(n > 0)) throw new Error(`${name} must be a positive number of minutes, got ${raw}`);
  return n;
}

export const fmt = {
  rate: (n: number) => (n < 10 ? `${n.toFixed(1)}/s` : `${Math.round(n).toLocaleString("en-US")}/s`),
  ms: (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n).toString()),
  ratio: (juchu: number, raw: number) => (raw > 0 ? `×${(juchu / raw).toFixed(3)}` : "-"),
  int: (n: number) => n.toLocaleString("en-US"),
};

/** A plain-text table: first row is the header, columns padded to their widest cell (East Asian wide = 2). */
export function table(rows: readonly (readonly string[])[]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\uff60]/.test(ch) ? 2 : 1), 0);
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, c) => Math.max(...rows.map((r) => width(r[c] ?? ""))));
  const line = (r: readonly string[]) =>
    r
      .map((cell, c) => {
        const pad = " ".repeat((widths[c] ?? 0) - width(cell));
        return c === 0 ? cell + pad : pad + cell;
      })
      .join("  ")
      .trimEnd();
  const [head, ...body] = rows;
  if (!head) return "";
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { fromPglite, type Db as IDatabase } from "pg-boss";
import type { Config } from "#server/config.ts";
import { lockDataFolder } from "./data-folder-lock.ts";
import * as schema from "./schema.ts";

/** One handle over both engines: everything above this file speaks Drizzle and never asks which. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database = {
  kind: "pglite" | "postgres";
  db: Db;
  /** How pg-boss reaches the same database outside a business transaction. */
  boss: { db: IDatabase; backend: "pglite" } | { connectionString: string; backend: "postgres" };
  migrate(): Promise<void>;
  close(): Promise<void>;
};

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

export async function openDatabase(config: Config["database"]): Promise<Database> {
  if (config.kind === "postgres") {
    // No parallel workers: every statement here is a short one among many at once, and starting workers
    // cost more than it saved (1 M-order list bench: a 1 ms page took 100 ms behind a Gather on 2 cores).
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 10,
      options: "-c max_parallel_workers_per_gather=0",
    });
    // An idle connection the server drops (restart, failover, pg_terminate_backend) is an 'error' on the
    // pool; unheard, it would crash the process. The pool discards that client and opens a new one.
    pool.on("error", (error) => console.error("database pool:", error.message));
    const db = drizzlePg(pool, { schema });
    return {
      kind: "postgres",
      db,
      boss: { connectionString: config.url, backend: "postgres" },
      async migrate() {
        // Two processes starting together must not both run the same migration.
        const client = await pool.connect();
        try {
          await client.query("select pg_advisory_lock(7261001)");
          await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
        } finally {
          await client.query("select pg_advisory_unlock(7261001)").catch(() => {});
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  await mkdir(config.dataDir, { recursive: true });
  const lock = await lockDataFolder(config.dataDir);
  const client = await openPglite(config.dataDir).catch(async (error) => {
    await lock.release();
    throw error;
  });
  const db = drizzlePglite(client, { schema });
  return {
    kind: "pglite",
    db,
    boss: { db: fromPglite(client), backend: "pglite" },
    migrate: () => migratePglite(db, { migrationsFolder }),
    async close() {
      await client.close();
      await lock.release();
    },
  };
}

/**
 * PostgreSQL's shared_buffers is 128 MB in PGlite, kept in its WebAssembly memory, which never gives
 * pages back: 32 MB keeps the process within its memory budget (scripts/pglite-memory.ts: RSS −96 MB
 * after migrate). The data files are ordinary files, so the operating system's page cache still
 * holds what the smaller pool lets go. wal_buffers follows shared_buffers (1/32).
 */
export const PGLITE_SETTINGS = ["shared_buffers=32MB"];

async function openPglite(dataDir: string): Promise<PGlite> {
  if (!existsSync(join(dataDir, "PG_VERSION"))) await initdbInChild(dataDir);
  return PGlite.create({
    dataDir,
    // pg_trgm backs the order list's free-text filter; PostgreSQL ships it in contrib.
    extensions: { pg_trgm },
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((setting) => ["-c", setting])],
  });
}

/** A new folder's initdb runs in a process of its own: pglite-initdb.ts says why. */
function initdbInChild(dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL("./pglite-initdb.ts", import.meta.url)), [dataDir], {
      // Not the parent's flags (a test runner's, the V8 settings of package.json's start): initdb needs none.
      execArgv: [],
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`PGlite initdb of ${dataDir} ended with code ${code}`)),
    );
  });
}

export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

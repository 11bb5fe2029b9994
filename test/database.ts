import { createHash, randomUUID } from "node:crypto";
import { cp, mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Config } from "#server/config.ts";
import { type Database, openDatabase } from "#server/db/database.ts";
import { openJobQueue } from "#server/jobs/queue.ts";

const root = new URL("..", import.meta.url).pathname;

/** Changes whenever a migration or pg-boss changes, so a stale template is never reused. */
async function schemaFingerprint(): Promise<string> {
  const dir = join(root, "server/db/migrations");
  const hash = createHash("sha256");
  for (const f of (await readdir(dir)).sort())
    if (f.endsWith(".sql")) hash.update(await readFile(join(dir, f)));
  hash.update(await readFile(join(root, "node_modules/pg-boss/package.json")));
  return hash.digest("hex").slice(0, 12);
}

async function migrateWithJobs(database: Database): Promise<void> {
  await database.migrate();
  const jobs = await openJobQueue(database, { supervise: false });
  await jobs.stop();
}

/**
 * A fresh, migrated database for one test file: a copy of a template (creating and migrating
 * PGlite costs seconds; copying a folder or cloning a PostgreSQL template database does not).
 */
export async function openTestDatabase(): Promise<Database & { config: Config["database"] }> {
  const fingerprint = await schemaFingerprint();
  const url = process.env.DATABASE_URL;
  if (url) return openPostgresTestDatabase(url, fingerprint);
  const cache = join(root, ".test-cache");
  const template = join(cache, `pglite-${fingerprint}`);
  await mkdir(cache, { recursive: true });
  if (!(await exists(template))) {
    // Built aside and renamed into place, so a parallel test file never copies a half-made template.
    const building = join(cache, `building-${randomUUID()}`);
    const t = await openDatabase({ kind: "pglite", dataDir: building });
    await migrateWithJobs(t);
    await t.close();
    await rename(building, template).catch(async () => rm(building, { recursive: true, force: true }));
  }
  const dataDir = join(tmpdir(), `juchu-test-${randomUUID()}`);
  await cp(template, dataDir, { recursive: true });
  const config = { kind: "pglite" as const, dataDir };
  const db = await openDatabase(config);
  return {
    ...db,
    config,
    async close() {
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * On a shared PostgreSQL server, a run touches only the databases it made: every name carries the run's
 * id (JUCHU_TEST_RUN, set once for the whole `npm test` by test/global-setup.ts), and the template is
 * made once per run and dropped by that run's teardown. A file run on its own makes its own template
 * and drops it with its last database.
 */
async function openPostgresTestDatabase(url: string, fingerprint: string) {
  const sharedRun = process.env.JUCHU_TEST_RUN;
  const run = sharedRun ?? ownRun;
  if (!/^[a-z0-9]{1,24}$/.test(run)) throw new Error(`JUCHU_TEST_RUN must be 1–24 of a-z0-9, got "${run}"`);
  const template = `juchu_template_${fingerprint}_${run}`;
  const name = `${testDatabasePrefix(run)}${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  await withAdmin(url, async (admin) => {
    await admin.query("select pg_advisory_lock(7261002)");
    try {
      const exists = await admin.query("select 1 from pg_database where datname = $1", [template]);
      if (exists.rowCount === 0) {
        await admin.query(`create database ${template}`);
        const t = await openDatabase({ kind: "postgres", url: withDatabase(url, template) });
        await migrateWithJobs(t);
        await t.close();
      }
      await admin.query(`create database ${name} template ${template}`);
    } finally {
      await admin.query("select pg_advisory_unlock(7261002)");
    }
  });
  openHere++;
  const config = { kind: "postgres" as const, url: withDatabase(url, name) };
  const db = await openDatabase(config);
  return {
    ...db,
    config,
    async close() {
      await db.close();
      openHere--;
      await withAdmin(url, async (admin) => {
        await admin.query(`drop database if exists ${name} with (force)`);
        if (!sharedRun && openHere === 0)
          await admin.query(`drop database if exists ${template} with (force)`);
      });
    },
  };
}

const ownRun = `p${randomUUID().replace(/-/g, "").slice(0, 11)}`;
let openHere = 0;

/** Test databases of one run are named `juchu_test_<run>_…`, so the run can clean up only its own. */
export function testDatabasePrefix(run: string): string {
  return `juchu_test_${run}_`;
}

export async function withAdmin<T>(url: string, use: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.end();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function exists(path: string): Promise<boolean> {
  try {
    await readdir(path);
    return true;
  } catch {
    return false;
  }
}

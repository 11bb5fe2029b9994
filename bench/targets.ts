import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, eq } from "drizzle-orm";
import pg from "pg";
import type { PgBoss } from "pg-boss";
import { createAccount } from "#server/app/account/create-account.ts";
import { createShop } from "#server/app/channels/shops.ts";
import type { AppContext } from "#server/app/context.ts";
import { createContext } from "#server/compose.ts";
import { type Database, openDatabase } from "#server/db/database.ts";
import { productMappingComponents, productMappings, products, stock, warehouses } from "#server/db/schema.ts";
import { openJobQueue } from "#server/jobs/queue.ts";
import { type Raw, rawSql } from "./lib.ts";

export const ITEM_CODE = "bench-sencha-100g";

/** One migrated database with a merchant ready to take orders: what every scenario runs against. */
export type Target = {
  label: "PGlite" | "PostgreSQL";
  database: Database;
  ctx: AppContext;
  /** The queue's own handle, for benches that drain a queue through the real handlers. */
  boss: PgBoss;
  raw: Raw;
  /** The bench database's URL on PostgreSQL, for worker processes of their own. */
  url?: string;
  accountId: string;
  /** The account's API token, for the benches that go through the HTTP API. */
  apiToken: string;
  /** `manual` shop (grace 0) whose item code is mapped to the one product. */
  shopId: string;
  /** Another manual shop for the raw baseline's rows, so numbers never collide. */
  rawShopId: string;
  warehouseId: string;
  productId: string;
  /** What the use cases are run with: 1 on PGlite (one connection), 1 and 8 on PostgreSQL. */
  concurrencies: number[];
  setupMs: number;
  close(): Promise<void>;
};

async function prepare(
  label: Target["label"],
  database: Database,
  cleanup: () => Promise<void>,
  url?: string,
): Promise<Target> {
  const started = performance.now();
  try {
    await database.migrate();
    const jobs = await openJobQueue(database, { supervise: false });
    const ctx = createContext(database.db, jobs.queue, { secretKey: randomBytes(32) });
    const { accountId, apiToken } = await createAccount(ctx, {
      name: "ベンチ商店",
      email: `bench-${randomUUID()}@example.jp`,
      password: "bench-password-123",
    });
    const shop = await createShop(ctx, accountId, { channel: "manual", name: "電話・FAX注文" });
    const rawShop = await createShop(ctx, accountId, { channel: "manual", name: "生SQL比較用" });
    const [warehouse] = await ctx.db
      .select({ id: warehouses.id })
      .from(warehouses)
      .where(eq(warehouses.accountId, accountId))
      .orderBy(asc(warehouses.createdAt))
      .limit(1);
    if (!warehouse) throw new Error("createAccount made no warehouse");
    const productId = randomUUID();
    const mappingId = randomUUID();
    await ctx.db.transaction(async (tx) => {
      await tx.insert(products).values({ id: productId, accountId, sku: "SENCHA-100", name: "煎茶 100g" });
      await tx
        .insert(stock)
        .values({ productId, warehouseId: warehouse.id, accountId, onHand: 1_000_000_000, allocated: 0 });
      await tx
        .insert(productMappings)
        .values({ id: mappingId, accountId, shopId: shop.id, mallItemCode: ITEM_CODE, mallSkuCode: "" });
      await tx.insert(productMappingComponents).values({ mappingId, productId, quantity: 1 });
    });
    return {
      label,
      database,
      ctx,
      boss: jobs.boss,
      raw: rawSql(database),
      ...(url ? { url } : {}),
      accountId,
      apiToken,
      shopId: shop.id,
      rawShopId: rawShop.id,
      warehouseId: warehouse.id,
      productId,
      concurrencies: database.kind === "postgres" ? [1, 8] : [1],
      setupMs: performance.now() - started,
      close: once(async () => {
        await jobs.stop().catch(() => {});
        await database.close().catch(() => {});
        await cleanup();
      }),
    };
  } catch (error) {
    await database.close().catch(() => {});
    await cleanup();
    throw error;
  }
}

/** What must go whatever happens: temporary folders and databases not yet removed. */
const leftovers = new Set<() => Promise<void>>();

/** For Ctrl-C: removes every temporary folder and database this run made and has not removed yet. */
export async function removeLeftovers(): Promise<void> {
  await Promise.allSettled([...leftovers].map((remove) => remove()));
}

function leftover(remove: () => Promise<void>): () => Promise<void> {
  const removeOnce = once(async () => {
    await remove();
    leftovers.delete(removeOnce);
  });
  leftovers.add(removeOnce);
  return removeOnce;
}

/** Closing twice (Ctrl-C during the normal close) waits for the first close instead of failing. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= fn();
    return running;
  };
}

/** PGlite in a fresh temporary data folder, deleted on close. */
export async function openPgliteTarget(): Promise<Target> {
  const dataDir = await mkdtemp(join(tmpdir(), "juchu-bench-"));
  const remove = leftover(() => rm(dataDir, { recursive: true, force: true }));
  const database = await openDatabase({ kind: "pglite", dataDir });
  return prepare("PGlite", database, remove);
}

/**
 * A fresh `juchu_bench_<random>` database on the server, dropped on close; a reason when unreachable.
 * With `keep`, the database of that name instead: made when absent, migrated, and left in place on close,
 * so a slow seed (a million orders) serves many runs.
 */
export async function openPostgresTarget(
  url: string,
  keep?: string,
): Promise<Target | { unreachable: string }> {
  if (keep !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(keep))
    return { unreachable: `${keep}: a kept database's name is lowercase letters, digits and _` };
  const name = keep ?? `juchu_bench_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
    const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await admin.query(`create database ${name}`);
  } catch (error) {
    await admin.end().catch(() => {});
    return { unreachable: error instanceof Error ? error.message || error.name : String(error) };
  }
  await admin.end();
  const drop = keep
    ? async () => {}
    : leftover(async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      });
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: u.toString() });
  return prepare("PostgreSQL", database, drop, u.toString());
}

/** What the server says about itself, for the header of its table. */
export async function describe(target: Target): Promise<string> {
  const { rows } = await target.raw.query(
    "select version() as v, current_setting('fsync') as fsync, current_setting('synchronous_commit') as sc",
  );
  const r = rows[0] ?? {};
  const version = String(r.v ?? "").match(/PostgreSQL [\d.]+/)?.[0] ?? "?";
  return `${version}, fsync=${r.fsync}, synchronous_commit=${r.sc}`;
}

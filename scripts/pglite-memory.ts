import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Where a PGlite process's memory goes, step by step: `node scripts/pglite-memory.ts [orders]`
 * opens a fresh data folder the way `npm start` does, then imports `orders` (default 10,000) from an
 * in-process RMS sandbox; RSS is sampled every 0.5 s for the peak. `--existing` reopens the folder
 * after the first open (what every start after the first does). Run it with `npm start`'s flags
 * (`node --max-semi-space-size=16 --liftoff-only scripts/pglite-memory.ts`) to see what it uses.
 */
const mb = (n: number) => Math.round(n / 1048576);
let peak = 0;
const rssAnonMb = () =>
  Number(readFileSync("/proc/self/status", "utf8").match(/RssAnon:\s+(\d+)/)?.[1]) / 1024;
let wasm = (): number => 0;
function step(name: string): void {
  const m = process.memoryUsage();
  const w = wasm();
  peak = Math.max(peak, m.rss);
  console.log(
    `${name.padEnd(34)} rss ${String(mb(m.rss)).padStart(4)} MB  anon ${String(Math.round(rssAnonMb())).padStart(4)}  heapUsed ${String(mb(m.heapUsed)).padStart(3)}  external ${String(mb(m.external)).padStart(4)}  arrayBuffers ${String(mb(m.arrayBuffers)).padStart(3)}  wasm ${mb(w)}`,
  );
}
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 500);

step("process start");
const { openDatabase } = await import("#server/db/database.ts");
const { openJobQueue } = await import("#server/jobs/queue.ts");
const { createContext } = await import("#server/compose.ts");
const { createAccount } = await import("#server/app/account/create-account.ts");
const { createHttpApp } = await import("#server/http/app.ts");
step("modules loaded");
const orders = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 10_000);
const dataDir = await mkdtemp(join(tmpdir(), "juchu-memory-"));
try {
  let database = await openDatabase({ kind: "pglite", dataDir });
  wasm = () =>
    (database.db as unknown as { $client: { mod?: { HEAPU8: Uint8Array } } }).$client.mod?.HEAPU8
      .byteLength ?? 0;
  step("PGlite open (fresh folder, initdb)");
  if (process.argv.includes("--existing")) {
    await database.close();
    database = await openDatabase({ kind: "pglite", dataDir });
    step("PGlite reopened");
  }
  await database.migrate();
  step("migrated");
  const jobs = await openJobQueue(database, { supervise: false });
  step("pg-boss started");
  const ctx = createContext(database.db, jobs.queue, { secretKey: randomBytes(32) });
  const { accountId } = await createAccount(ctx, {
    name: "計測商店",
    email: `memory-${randomUUID()}@example.jp`,
    password: "memory-password-123",
  });
  step("account created");
  createHttpApp(ctx, { database: "pglite", version: "memory" });
  step("HTTP app built");
  if (orders > 0) {
    const { benchImport } = await import("../bench/import.ts");
    const { rawSql } = await import("../bench/lib.ts");
    const { createShop } = await import("#server/app/channels/shops.ts");
    const { warehouses } = await import("#server/db/schema.ts");
    const shop = await createShop(ctx, accountId, { channel: "manual", name: "生SQL比較用" });
    const [warehouse] = await ctx.db.select({ id: warehouses.id }).from(warehouses).limit(1);
    const raw = rawSql(database);
    const target = {
      database,
      ctx,
      raw,
      accountId,
      rawShopId: shop.id,
      warehouseId: warehouse?.id,
    } as Parameters<typeof benchImport>[0];
    const result = await benchImport(target, orders);
    step(`imported ${result.created} (+${result.raw.count} raw)`);
    console.log(`import ${Math.round(result.perSecond)} orders/s, raw ${Math.round(result.raw.perSecond)}/s`);
  }
  console.log(`peak rss ${mb(peak)} MB`);
  await jobs.stop();
  await database.close();
} finally {
  clearInterval(sampler);
  await rm(dataDir, { recursive: true, force: true });
}

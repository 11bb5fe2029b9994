/**
 * `npm run bench`: Juchu's own figures on PGlite and PostgreSQL, each next to the raw database doing
 * the same writes in the same run (research/storage-and-http-figures.md). Nothing here is asserted.
 */
import { cpus, loadavg, totalmem } from "node:os";
import { benchCsv } from "./csv-import.ts";
import { benchFirstRow, printFirstRow } from "./first-row.ts";
import { printGoals, printLifecycle, printSummary } from "./goals.ts";
import { benchImport, SEARCH_LIMIT } from "./import.ts";
import { benchImportRss } from "./import-rss.ts";
import { envInt, envMinutes, fmt } from "./lib.ts";
import { benchLifecycle } from "./lifecycle-bench.ts";
import { benchList, explainList } from "./list.ts";
import { seedListAccount } from "./list-seed.ts";
import { benchOrderExport, printOrderExport } from "./order-export.ts";
import { benchProductImport, printProductImport } from "./product-import.ts";
import { benchRegister, rawRegister } from "./register.ts";
import { benchRegisterBatches, countBatchRegistration } from "./register-batches.ts";
import {
  type Figures,
  printCsv,
  printImport,
  printList,
  printRegister,
  printTransitions,
  secs,
} from "./report.ts";
import { installCounters } from "./round-trips.ts";
import { describe, openPgliteTarget, openPostgresTarget, removeLeftovers, type Target } from "./targets.ts";
import {
  benchCancels,
  benchPayments,
  rawTransitions,
  seedConfirmed,
  statementsPerTransition,
} from "./transitions.ts";

/**
 * The issue asks for a batch of 10,000 registrations. On this 2-core machine registration runs at
 * ~20 orders/s on PGlite and ~40–60/s on PostgreSQL, so 10,000 would take ~15 minutes alone: the
 * default is 2,000 and BENCH_ORDERS=10000 runs the full batch.
 */
const ORDERS = envInt("BENCH_ORDERS", 2_000);
/** Orders per registerOrders call (the batch registration). */
const REGISTER_BATCH = envInt("BENCH_REGISTER_BATCH", 500);
const TRANSITIONS = envInt("BENCH_TRANSITIONS", 300);
const IMPORT_ORDERS = envInt("BENCH_IMPORT_ORDERS", 10_000);
/** Orders npm start's own process imports on PGlite while its memory is read (issue 13: 100,000). */
const IMPORT_RSS_ORDERS = envInt("BENCH_IMPORT_RSS_ORDERS", 100_000);
const LIST_ORDERS = envInt("BENCH_LIST_ORDERS", 100_000);
const CSV_ORDERS = envInt("BENCH_CSV_ORDERS", 10_000);
/** Lines of the 商品CSV取込 file (issue 18: 50,000). */
const PRODUCT_ROWS = envInt("BENCH_PRODUCT_ROWS", 50_000);
/**
 * Orders through the whole lifecycle (issue 13: 100,000 on PostgreSQL must take minutes):
 * BENCH_LIFECYCLE_PG_ORDERS=100000 BENCH_LIFECYCLE_MINUTES=30 runs that.
 */
const LIFECYCLE_ORDERS = envInt("BENCH_LIFECYCLE_ORDERS", 2_000);
const LIFECYCLE_PG_ORDERS = envInt("BENCH_LIFECYCLE_PG_ORDERS", 10_000);
/** Orders of each of the two runs, one worker process against two (PostgreSQL only). */
const WORKER_ORDERS = envInt("BENCH_WORKERS_ORDERS", 3_000);
/** A lifecycle run still going after this long is stopped and its progress rated (so a slow pipeline still ends). */
const LIFECYCLE_MS = envMinutes("BENCH_LIFECYCLE_MINUTES", 3) * 60_000;
const LIST_QUERIES = envInt("BENCH_LIST_QUERIES", 300);
/** Page loads of the order list in Chromium, each way (cold and in-app). */
const FIRST_ROW_SAMPLES = envInt("BENCH_FIRST_ROW_SAMPLES", 20);
const PG_URL =
  process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const ONLY = process.env.BENCH_ONLY; // "pglite" | "postgres": one engine only
const FULL_PLANS = Boolean(process.env.BENCH_EXPLAIN);
const ROW_NAMES = [
  "register",
  "transitions",
  "import",
  "csv",
  "products",
  "lifecycle",
  "workers",
  "list",
  "first-row",
] as const;
/** BENCH_ROWS=register,list: only those rows (default all); `workers` goes with `lifecycle`. */
const ROWS = new Set(process.env.BENCH_ROWS?.split(",").map((r) => r.trim()) ?? ROW_NAMES);
for (const r of ROWS)
  if (!(ROW_NAMES as readonly string[]).includes(r))
    throw new Error(`BENCH_ROWS: unknown row ${r} (rows: ${ROW_NAMES.join(", ")})`);
const wants = (row: (typeof ROW_NAMES)[number]) => ROWS.has(row);

const note = (s: string) => process.stderr.write(`  … ${s}\n`);

async function runOn(t: Target): Promise<Figures> {
  const server = await describe(t);
  console.log(`\n=== ${t.label} (${server}) — migrate + account + shops ${secs(t.setupMs)} ===`);

  const figures: Figures = {
    label: t.label,
    server,
    register: [],
    registerBatchSize: REGISTER_BATCH,
    transitions: [],
    listOrders: LIST_ORDERS,
    plans: [],
  };
  // 1. Registration in batches through registerOrders, then the same rows as plain batched INSERTs;
  // one-by-one registration is context only: 500 orders are enough.
  if (wants("register")) {
    const oneByOne = Math.min(ORDERS, 500);
    for (const c of t.concurrencies) {
      note(`${t.label}: registerOrder × ${fmt.int(oneByOne)}, concurrency ${c}`);
      figures.register.push(await benchRegister(t, oneByOne, c));
    }
    note(`${t.label}: registerOrders × ${fmt.int(ORDERS)}, ${REGISTER_BATCH} a call`);
    figures.registerBatch = await benchRegisterBatches(t, ORDERS, REGISTER_BATCH);
    note(`${t.label}: raw INSERT × ${fmt.int(ORDERS)} in batches of 500`);
    figures.rawRegister = await rawRegister(t, ORDERS);
    figures.perRegistration = await countBatchRegistration(t);
  }

  // 2. 入金確認 and キャンセル on seeded 確認済 orders, against UPDATE + event INSERT per transaction.
  if (wants("transitions")) {
    note(`${t.label}: seeding ${fmt.int(TRANSITIONS * t.concurrencies.length * 3)} 確認済 orders`);
    const seeded = new Map<string, string[]>();
    for (const c of t.concurrencies)
      for (const w of ["P", "C", "R"])
        seeded.set(`${w}${c}`, await seedConfirmed(t, `T${w}${c}-`, TRANSITIONS));
    const probe = await seedConfirmed(t, "TX-", 10);
    for (const c of t.concurrencies) {
      note(`${t.label}: recordPayment, cancelOrder, raw × ${fmt.int(TRANSITIONS)} each, concurrency ${c}`);
      figures.transitions.push(await benchPayments(t, seeded.get(`P${c}`) ?? [], c));
      figures.transitions.push(await benchCancels(t, seeded.get(`C${c}`) ?? [], c));
      figures.transitions.push(await rawTransitions(t, seeded.get(`R${c}`) ?? [], c));
    }
    figures.perTransition = await statementsPerTransition(t, probe.slice(0, 5), probe.slice(5));
  }

  // 3. 受注取込: one runShopImport of N orders from an in-process RMS sandbox, against a raw INSERT.
  if (wants("import")) {
    note(`${t.label}: runShopImport × ${fmt.int(IMPORT_ORDERS)} from the RMS sandbox, then raw INSERT`);
    figures.imported = await benchImport(t, IMPORT_ORDERS);
    if (t.database.kind === "pglite") {
      note(`${t.label}: npm start's process importing ${fmt.int(IMPORT_RSS_ORDERS)} orders, its RSS read`);
      figures.importRss = await benchImportRss(IMPORT_RSS_ORDERS);
    }
  }

  // 3b. CSV受注取込 over HTTP, where the API has it.
  if (wants("csv")) {
    note(`${t.label}: CSV import × ${fmt.int(CSV_ORDERS)} over HTTP`);
    figures.csv = await benchCsv(t, CSV_ORDERS);
  }

  // 3c. 商品CSV取込 of a large item file, against the raw INSERTs of the same rows.
  if (wants("products")) {
    note(`${t.label}: 商品CSV取込 × ${fmt.int(PRODUCT_ROWS)} lines`);
    figures.productImport = await benchProductImport(t, PRODUCT_ROWS);
  }

  // 5. The whole lifecycle through both sandboxes, with npm start's own workers; 2 processes on PostgreSQL.
  if (wants("lifecycle"))
    figures.lifecycle = await benchLifecycle(
      t,
      {
        orders: t.label === "PostgreSQL" ? LIFECYCLE_PG_ORDERS : LIFECYCLE_ORDERS,
        workerOrders: wants("workers") ? WORKER_ORDERS : 0,
        limitMs: LIFECYCLE_MS,
      },
      note,
    );

  // 4. The order list over a year of a four-shop merchant, and its CSV export.
  let exported: Awaited<ReturnType<typeof benchOrderExport>> | undefined;
  if (wants("list")) {
    note(`${t.label}: seeding ${fmt.int(LIST_ORDERS)} orders for the list`);
    const data = await seedListAccount(t, LIST_ORDERS);
    note(`${t.label}: ${LIST_QUERIES} listOrders queries`);
    const list = await benchList(t, data, LIST_QUERIES);
    note(`${t.label}: 受注CSV出力 of the ${fmt.int(LIST_ORDERS)} orders`);
    exported = await benchOrderExport(t, data);
    for (const [what, query] of [
      ["no filter", {}],
      [`slowest sample (${list.slowest.kind}, ${fmt.ms(list.slowest.ms)} ms)`, list.slowest.query],
    ] as const)
      figures.plans.push({
        what,
        query: JSON.stringify(query),
        plans: await explainList(t, data.accountId, query),
      });
    figures.list = list;
    figures.listSeedMs = data.seedMs;
  }

  printRegister(figures);
  printTransitions(figures);
  printImport(figures);
  printCsv(figures);
  printProductImport(t.label, figures.productImport);
  printLifecycle(figures);
  printList(figures, FULL_PLANS);
  if (exported) printOrderExport(t.label, exported);
  printGoals(figures);
  return figures;
}

// Ctrl-C still deletes the temporary data folder or drops the bench database.
process.once("SIGINT", () => {
  note("interrupted, cleaning up");
  // What was in flight fails once its connections are gone: that is expected now, not a crash.
  process.on("unhandledRejection", () => {});
  void removeLeftovers().finally(() => process.exit(130));
});

async function withTarget(t: Target, all: Figures[]): Promise<void> {
  try {
    all.push(await runOn(t));
  } finally {
    await t.close();
  }
}

async function main(): Promise<void> {
  installCounters();
  const started = performance.now();
  const all: Figures[] = [];
  const notes: string[] = [];
  if (ONLY !== "postgres") {
    note("PGlite: fresh data folder, migrating");
    await withTarget(await openPgliteTarget(), all);
  }
  if (ONLY !== "pglite") {
    note(`PostgreSQL: fresh database on ${PG_URL.replace(/\/\/[^@/]*@/, "//…@")}`);
    const opened = await openPostgresTarget(PG_URL);
    if ("unreachable" in opened) {
      const why = `PostgreSQL unreachable at ${PG_URL.replace(/\/\/[^@/]*@/, "//…@")} (${opened.unreachable}): skipped. Set BENCH_DATABASE_URL to include it.`;
      console.log(`\n${why}`);
      notes.push(why);
    } else {
      await withTarget(opened, all);
    }
  }
  if (wants("first-row")) {
    note(`受注一覧 in Chromium: ${FIRST_ROW_SAMPLES} loads each way`);
    printFirstRow(await benchFirstRow(FIRST_ROW_SAMPLES, 50));
  }
  if (process.env.BENCH_ROWS) notes.push(`BENCH_ROWS=${[...ROWS].join(",")}: the other rows were not run.`);
  if (ORDERS === 2_000 && !process.env.BENCH_ORDERS)
    notes.push(
      "BENCH_ORDERS defaults to 2,000, not the issue's 10,000: at this machine's registration rate the full batch alone takes ~15 min. BENCH_ORDERS=10000 runs it.",
    );
  if (IMPORT_ORDERS > SEARCH_LIMIT)
    notes.push(
      `BENCH_IMPORT_ORDERS=${IMPORT_ORDERS} is over RMS searchOrder's ${fmt.int(SEARCH_LIMIT)} hits a window: one poll cannot see them all.`,
    );
  notes.push(
    `BENCH_ORDERS=${ORDERS} BENCH_TRANSITIONS=${TRANSITIONS} BENCH_IMPORT_ORDERS=${IMPORT_ORDERS} BENCH_CSV_ORDERS=${CSV_ORDERS} BENCH_LIFECYCLE_ORDERS=${LIFECYCLE_ORDERS} BENCH_LIFECYCLE_PG_ORDERS=${LIFECYCLE_PG_ORDERS} BENCH_WORKERS_ORDERS=${WORKER_ORDERS} BENCH_LIFECYCLE_MINUTES=${LIFECYCLE_MS / 60_000} BENCH_LIST_ORDERS=${LIST_ORDERS} BENCH_LIST_QUERIES=${LIST_QUERIES}; ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, load average at the end ${loadavg()[0]?.toFixed(1)}; total ${secs(performance.now() - started)}.`,
  );
  printSummary(all, notes);
}

await main();

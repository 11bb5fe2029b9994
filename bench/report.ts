import type { CsvResult } from "./csv-import.ts";
import type { ImportResult } from "./import.ts";
import type { ImportRss } from "./import-rss.ts";
import { fmt, table } from "./lib.ts";
import type { LifecycleFigures } from "./lifecycle-bench.ts";
import type { ListPlan, ListResult } from "./list.ts";
import type { ProductImportResult } from "./product-import.ts";
import type { RegisterResult } from "./register.ts";
import { type Count, perOrder } from "./round-trips.ts";
import type { TransitionResult } from "./transitions.ts";

/** One database's figures; a row left out by BENCH_ROWS leaves its fields empty. */
export type Figures = {
  label: string;
  server: string;
  register: RegisterResult[];
  /** registerOrders, `registerBatchSize` a call. */
  registerBatch?: RegisterResult;
  registerBatchSize: number;
  rawRegister?: RegisterResult;
  perRegistration?: Count & { orders: number };
  transitions: TransitionResult[];
  perTransition?: { payment: number; cancel: number };
  imported?: ImportResult;
  /** PGlite only: npm start's own process importing, its memory read. */
  importRss?: ImportRss;
  csv?: CsvResult;
  productImport?: ProductImportResult;
  lifecycle?: LifecycleFigures;
  list?: ListResult;
  listOrders: number;
  listSeedMs?: number;
  plans: { what: string; query: string; plans: ListPlan[] }[];
};

export const log = (s = "") => console.log(s);
export const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const clients = (c: number) => `${c} client${c > 1 ? "s" : ""}`;

function backends(rows: { what: string; backends?: string | undefined }[]): void {
  const seen = rows.filter((r) => r.backends);
  if (seen.length === 0) return;
  log("   PostgreSQL backends meanwhile, average count by wait (Client:ClientRead = waiting for Node):");
  for (const r of seen) log(`     ${r.what}: ${r.backends}`);
}

export function printRegister(f: Figures): void {
  const raw = f.rawRegister;
  if (!raw) return;
  log(
    `\n1) 受注登録 registerOrder — ${fmt.int(raw.count)} orders per row, 新規受付 → 出荷待ち + job, one transaction each`,
  );
  log(
    table([
      ["", "orders/s", "wall", "raw orders/s", "juchu/raw"],
      ...f.register.map((r) => [
        `registerOrder 1 by 1, ${clients(r.concurrency)} (${fmt.int(r.count)})`,
        fmt.rate(r.perSecond),
        secs(r.ms),
        fmt.rate(raw.perSecond),
        fmt.ratio(r.perSecond, raw.perSecond),
      ]),
      ...(f.registerBatch
        ? [
            [
              `registerOrders, ${f.registerBatchSize} a call (${fmt.int(f.registerBatch.count)})`,
              fmt.rate(f.registerBatch.perSecond),
              secs(f.registerBatch.ms),
              fmt.rate(raw.perSecond),
              fmt.ratio(f.registerBatch.perSecond, raw.perSecond),
            ],
          ]
        : []),
      ["raw INSERT orders+item+shipment, 500/tx", fmt.rate(raw.perSecond), secs(raw.ms), "", ""],
    ]),
  );
  const p = f.perRegistration;
  if (p)
    log(
      `   per registered order (one registerOrders call of ${p.orders}, counted on the driver, begin/commit included): ${perOrder(p, p.orders)}`,
    );
  backends([
    ...f.register.map((r) => ({ what: `c${r.concurrency}`, backends: r.backends })),
    { what: "registerOrders", backends: f.registerBatch?.backends },
  ]);
}

const TRANSITION_NAMES = {
  payment: "recordPayment 確認済→出荷待ち",
  cancel: "cancelOrder 確認済→キャンセル",
  raw: "raw UPDATE + event INSERT",
};

export const rawRateAt = (f: Figures, c: number) =>
  f.transitions.find((r) => r.what === "raw" && r.concurrency === c)?.perSecond ?? 0;

export function printTransitions(f: Figures): void {
  if (!f.perTransition) return;
  const count = f.transitions[0]?.count ?? 0;
  log(`\n2) ステータス遷移 — ${fmt.int(count)} orders per row, one transaction each`);
  log(
    table([
      ["", "clients", "per s", "wall", "raw per s", "juchu/raw"],
      ...f.transitions.map((r) => [
        TRANSITION_NAMES[r.what],
        String(r.concurrency),
        fmt.rate(r.perSecond),
        secs(r.ms),
        r.what === "raw" ? "" : fmt.rate(rawRateAt(f, r.concurrency)),
        r.what === "raw" ? "" : fmt.ratio(r.perSecond, rawRateAt(f, r.concurrency)),
      ]),
    ]),
  );
  log(
    `   statements per transition (begin/commit aside): recordPayment ${f.perTransition.payment.toFixed(1)}, cancelOrder ${f.perTransition.cancel.toFixed(1)}, raw 2`,
  );
  backends(f.transitions.map((r) => ({ what: `${r.what} c${r.concurrency}`, backends: r.backends })));
}

/** The warning when the import did not leave every order in the database, in 新規受付; else null. */
export function importWarning(i: ImportResult): string | null {
  if (i.stored === i.count && i.inNew === i.count && i.status === "succeeded") return null;
  return `WARNING: ${fmt.int(i.stored)} of ${fmt.int(i.count)} orders in the database after the import (${fmt.int(i.inNew)} in 新規受付), run ${i.status}, found ${fmt.int(i.found)}, created ${fmt.int(i.created)}${i.errors.length ? `; first errors: ${i.errors.join(" | ")}` : ""}`;
}

export function printImport(f: Figures): void {
  const i = f.imported;
  if (!i) return;
  log(
    `\n3) 受注取込 runShopImport — ${fmt.int(i.count)} orders from the in-process RMS sandbox over HTTP (placed in ${secs(i.placeMs)}), getOrder 100 at a time, one transaction per 100, all left in 新規受付`,
  );
  log(
    table([
      ["", "orders/s", "wall", "raw orders/s", "import/raw"],
      [
        "runShopImport (search + getOrder + write)",
        fmt.rate(i.perSecond),
        secs(i.ms),
        fmt.rate(i.raw.perSecond),
        fmt.ratio(i.perSecond, i.raw.perSecond),
      ],
      ["raw INSERT orders+item+shipment, 500/tx", fmt.rate(i.raw.perSecond), secs(i.raw.ms), "", ""],
    ]),
  );
  const share = (ms: number) => `${Math.round((ms / i.ms) * 100)}%`;
  log(
    `   mall calls: ${i.searchCalls} searchOrder, ${i.getOrderCalls} getOrder; time in the mall client (HTTP + sandbox) ${secs(i.httpMs)} = ${share(i.httpMs)}, the rest (database + mapping) ${secs(i.ms - i.httpMs)} = ${share(i.ms - i.httpMs)}`,
  );
  log(
    `   per imported order (a counted ${i.probeOrders}-order import, begin/commit, lease and run log included): ${perOrder(i.probe, i.probeOrders)}`,
  );
  log(
    `   RSS of this process while importing: ${Math.round(i.rss.beforeMb)} MB before, peak ${Math.round(i.rss.peakMb)} MB (it also holds the sandbox and the rows before)`,
  );
  const r = f.importRss;
  if (r)
    log(
      `   npm start's own process (server/main.ts, PGlite) importing ${fmt.int(r.count)} orders over HTTP: ${fmt.int(r.created)} created in ${secs(r.ms)}, ${fmt.rate(r.perSecond)}; RSS ${Math.round(r.startMb)} MB after start-up, peak ${Math.round(r.peakMb)} MB`,
    );
  const warning = importWarning(i);
  log(warning ? `   ${warning}` : `   check: all ${fmt.int(i.count)} orders stored, in 新規受付`);
  backends([{ what: "import", backends: i.backends }]);
}

export function printCsv(f: Figures): void {
  const c = f.csv;
  if (!c) return;
  if ("unavailable" in c) {
    log(`\n3b) CSV import: not available — ${c.unavailable}`);
    return;
  }
  log(
    `\n3b) CSV受注取込 — a ${fmt.int(c.count)}-order Juchu-template file POSTed over HTTP, its job run by npm start's workers (run ${c.status})`,
  );
  log(
    table([
      ["", "orders/s", "wall", "raw orders/s", "csv/raw"],
      [
        "upload + import job",
        fmt.rate(c.perSecond),
        secs(c.ms),
        fmt.rate(c.raw.perSecond),
        fmt.ratio(c.perSecond, c.raw.perSecond),
      ],
      ["raw INSERT orders+item+shipment, 500/tx", fmt.rate(c.raw.perSecond), secs(c.raw.ms), "", ""],
    ]),
  );
  log(
    `   per order (the whole run, the workers' polling and follow-up jobs included): ${perOrder(c.counted, Math.max(1, c.count))}`,
  );
}

export function printList(f: Figures, fullPlans: boolean): void {
  const l = f.list;
  if (!l) return;
  log(
    `\n4) 受注一覧 listOrders — ${fmt.int(f.listOrders)} orders (seeded set-based in ${secs(f.listSeedMs ?? 0)}), ${l.overall.n} queries one after another; page of 50 + capped count + shipments + tags`,
  );
  log(
    table([
      ["filter", "n", "p50 ms", "p95 ms", "p99 ms", "max ms", "median total"],
      ...[...l.byKind, { kind: "ALL", stats: l.overall, typicalTotal: Number.NaN }].map((k) => [
        k.kind,
        String(k.stats.n),
        fmt.ms(k.stats.p50),
        fmt.ms(k.stats.p95),
        fmt.ms(k.stats.p99),
        fmt.ms(k.stats.max),
        Number.isNaN(k.typicalTotal) ? "" : fmt.int(k.typicalTotal),
      ]),
    ]),
  );
  for (const p of f.plans) {
    log(`   plan, ${p.what} ${p.query}:`);
    for (const s of p.plans) {
      log(`     ${s.statement} ${fmt.ms(s.ms)} ms: ${s.shape}`);
      if (fullPlans) log(s.text.replace(/^/gm, "       | "));
    }
  }
}

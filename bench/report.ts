import type { ImportResult } from "./import.ts";
import { fmt, table } from "./lib.ts";
import type { LifecycleResult } from "./lifecycle.ts";
import type { ListPlan, ListResult } from "./list.ts";
import type { RegisterResult } from "./register.ts";
import type { TransitionResult } from "./transitions.ts";

export type Figures = {
  label: string;
  server: string;
  register: RegisterResult[];
  rawRegister: RegisterResult;
  perRegistration: number;
  transitions: TransitionResult[];
  perTransition: { payment: number; cancel: number };
  imported: ImportResult;
  lifecycle: LifecycleResult;
  list: ListResult;
  listOrders: number;
  listSeedMs: number;
  plans: { what: string; query: string; plans: ListPlan[] }[];
};

const log = (s = "") => console.log(s);
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
  log(
    `\n1) 受注登録 registerOrder — ${fmt.int(raw.count)} orders per row, 新規受付 → 出荷待ち + job, one transaction each`,
  );
  log(
    table([
      ["", "orders/s", "wall", "raw orders/s", "juchu/raw"],
      ...f.register.map((r) => [
        `use case, ${clients(r.concurrency)}`,
        fmt.rate(r.perSecond),
        secs(r.ms),
        fmt.rate(raw.perSecond),
        fmt.ratio(r.perSecond, raw.perSecond),
      ]),
      ["raw INSERT orders+item+shipment, 500/tx", fmt.rate(raw.perSecond), secs(raw.ms), "", ""],
    ]),
  );
  log(`   statements per registration (begin/commit aside): ${f.perRegistration.toFixed(1)}`);
  backends(f.register.map((r) => ({ what: `c${r.concurrency}`, backends: r.backends })));
}

const TRANSITION_NAMES = {
  payment: "recordPayment 確認済→出荷待ち",
  cancel: "cancelOrder 確認済→キャンセル",
  raw: "raw UPDATE + event INSERT",
};

export const rawRateAt = (f: Figures, c: number) =>
  f.transitions.find((r) => r.what === "raw" && r.concurrency === c)?.perSecond ?? 0;

export function printTransitions(f: Figures): void {
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
    `   statements per imported order (begin/commit aside; a recorded ${i.probeOrders}-order run, its lease and run log included): ${i.statementsPerOrder.toFixed(1)}`,
  );
  const warning = importWarning(i);
  log(warning ? `   ${warning}` : `   check: all ${fmt.int(i.count)} orders stored, in 新規受付`);
  backends([{ what: "import", backends: i.backends }]);
}

export function printLifecycle(f: Figures): void {
  const l = f.lifecycle;
  log(
    `\n5) 受注 → 完了 — ${fmt.int(l.count)} Rakuten orders through the RMS and RSL sandboxes over HTTP, each queue drained by its real handler (concurrency ${l.concurrency})`,
  );
  log(
    table([
      ["stage", "orders/s", "wall", "share"],
      ...l.stages.map((s) => [
        s.stage,
        fmt.rate(s.perSecond),
        secs(s.ms),
        `${Math.round((s.ms / l.ms) * 100)}%`,
      ]),
      ["whole lifecycle", fmt.rate(l.perSecond), secs(l.ms), "100%"],
    ]),
  );
  // The sandboxes' call logs keep the last 20,000 calls: past that only the database's count can tell.
  const ok = l.completed === l.count && (l.count > 20_000 || l.rslRequests === l.count);
  log(
    `   ${ok ? "check" : "WARNING"}: ${fmt.int(l.completed)} of ${fmt.int(l.count)} orders 完了; RSL saw ${fmt.int(l.rslRequests)} shipment requests, RMS ${fmt.int(l.atMallShipped)} updateOrderShipping calls (call logs keep the last 20,000)`,
  );
}

export function printList(f: Figures, fullPlans: boolean): void {
  const l = f.list;
  log(
    `\n4) 受注一覧 listOrders — ${fmt.int(f.listOrders)} orders (seeded set-based in ${secs(f.listSeedMs)}), ${l.overall.n} queries one after another; page of 50 + capped count + shipments + tags`,
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

export function printSummary(all: Figures[], notes: string[]): void {
  log("\n=== Summary — juchu/raw = Juchu's rate ÷ the raw database's rate for the same writes, same run ===");
  for (const f of all) {
    const raw = f.rawRegister.perSecond;
    log(`\n${f.label} — ${f.server}`);
    for (const r of f.register)
      log(
        `  register    c${r.concurrency}: ${fmt.rate(r.perSecond).padStart(8)}   raw ${fmt.rate(raw).padStart(8)}   ${fmt.ratio(r.perSecond, raw)}`,
      );
    for (const r of f.transitions.filter((x) => x.what !== "raw")) {
      const base = rawRateAt(f, r.concurrency);
      log(
        `  ${r.what.padEnd(11)} c${r.concurrency}: ${fmt.rate(r.perSecond).padStart(8)}   raw ${fmt.rate(base).padStart(8)}   ${fmt.ratio(r.perSecond, base)}`,
      );
    }
    const im = f.imported;
    log(
      `  import      c1: ${fmt.rate(im.perSecond).padStart(8)}   raw ${fmt.rate(im.raw.perSecond).padStart(8)}   ${fmt.ratio(im.perSecond, im.raw.perSecond)}   (${im.getOrderCalls} getOrder, ${Math.round((im.httpMs / im.ms) * 100)}% in HTTP)`,
    );
    const warning = importWarning(im);
    if (warning) log(`  ${warning}`);
    const o = f.list.overall;
    const w = f.list.worst;
    log(
      `  list @ ${fmt.int(f.listOrders)}: p50 ${fmt.ms(o.p50)} / p95 ${fmt.ms(o.p95)} / p99 ${fmt.ms(o.p99)} ms; worst filter "${w.kind}" p50 ${fmt.ms(w.stats.p50)} / p99 ${fmt.ms(w.stats.p99)} ms`,
    );
  }
  log("\nYardstick (research/storage-and-http-figures.md, 1 M orders, 2 cores):");
  log("  list, count capped at 1,001: p50/p99 0.4/0.7 ms PostgreSQL, 0.8/2.6 ms PGlite");
  log("  list, exact count:           p50/p99 0.8/9.5 ms PostgreSQL, 1.0/11.7 ms PGlite");
  log(
    "  raw ingest ~8,700 (PG) / ~6,500 (PGlite) orders/s; one transition per tx 733/s (PG, 1 client), ~1,400/s",
  );
  for (const n of notes) log(`\nNote: ${n}`);
}

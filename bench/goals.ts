import { fmt, perSecond, table } from "./lib.ts";
import { type CpuUse, duplicateLine, type LifecycleResult } from "./lifecycle.ts";
import type { WorkersComparison } from "./lifecycle-bench.ts";
import { type Figures, log, secs } from "./report.ts";
import { perOrder } from "./round-trips.ts";
import { POLLING } from "./worker-runs.ts";

/** One line of a database's table: a figure, its raw baseline from the same run, and the issue's goal. */
export type Goal = {
  figure: string;
  rate: string;
  raw: string;
  ratio: string;
  goal: string;
  /** null: not measured (say why in `rate`). */
  met: boolean | null;
};

const ratioOf = (a: number, b: number) => (b > 0 ? a / b : 0);
const x = (r: number) => `×${r.toFixed(3)}`;
const rate = (n: number) => fmt.rate(n);

export function goalsOf(f: Figures): Goal[] {
  const goals: Goal[] = [];
  const im = f.imported;
  if (im) {
    const importRatio = ratioOf(im.perSecond, im.raw.perSecond);
    goals.push({
      figure: "import, RMS sandbox over HTTP",
      rate: rate(im.perSecond),
      raw: rate(im.raw.perSecond),
      ratio: x(importRatio),
      goal: "≥ ×0.40",
      met: importRatio >= 0.4,
    });
  }
  if (f.csv && "unavailable" in f.csv)
    goals.push({
      figure: "CSV order import",
      rate: "not available",
      raw: "",
      ratio: "",
      goal: "≥ ×0.50",
      met: null,
    });
  else if (f.csv) {
    const r = ratioOf(f.csv.perSecond, f.csv.raw.perSecond);
    goals.push({
      figure: "CSV order import, over HTTP",
      rate: rate(f.csv.perSecond),
      raw: rate(f.csv.raw.perSecond),
      ratio: x(r),
      goal: "≥ ×0.50",
      met: r >= 0.5,
    });
  }
  if (f.registerBatch && f.rawRegister) {
    const ratio = ratioOf(f.registerBatch.perSecond, f.rawRegister.perSecond);
    goals.push({
      figure: `registration in batches of ${f.registerBatchSize}`,
      rate: rate(f.registerBatch.perSecond),
      raw: rate(f.rawRegister.perSecond),
      ratio: x(ratio),
      goal: "≥ ×0.40",
      met: ratio >= 0.4,
    });
  }
  const l = f.lifecycle;
  if (l) {
    const lifeRatio = ratioOf(l.run.perSecond, l.raw.perSecond);
    goals.push({
      figure: `lifecycle 受注→完了${l.run.cutOff ? " (cut off)" : ""}`,
      rate: rate(l.run.perSecond),
      raw: `${rate(l.raw.perSecond)} (÷6)`,
      ratio: x(lifeRatio),
      goal: "≥ ×0.30",
      met: lifeRatio >= 0.3 && !l.run.cutOff,
    });
  }
  if (f.label === "PGlite" && im) {
    goals.push({
      figure: "PGlite import rate",
      rate: rate(im.perSecond),
      raw: "",
      ratio: "",
      goal: "≥ 1,000/s",
      met: im.perSecond >= 1000,
    });
    // npm start's own process where it was measured: the bench process also holds the sandbox.
    const peakMb = f.importRss?.peakMb ?? im.rss.peakMb;
    goals.push({
      figure: f.importRss
        ? `PGlite peak RSS, npm start importing ${fmt.int(f.importRss.count)}`
        : "PGlite peak RSS while importing",
      rate: `${Math.round(peakMb)} MB`,
      raw: "",
      ratio: "",
      goal: "≤ 500 MB",
      met: peakMb <= 500,
    });
  }
  if (l?.workers) {
    const w = l.workers;
    const r = ratioOf(w.two.perSecond, w.one.perSecond);
    const twice = [w.one, w.two].some((run) => doneTwice(run) > 0);
    goals.push({
      figure: "2 worker processes vs 1",
      rate: rate(w.two.perSecond),
      raw: `${rate(w.one.perSecond)} (1)`,
      ratio: x(r),
      goal: w.cores > 2 ? "≥ ×1.7" : "≥ ×1.7 (spare cores)",
      met: r >= 1.7 && !twice,
    });
    goals.push({
      figure: "2 workers: nothing done twice",
      rate: twice ? "DONE TWICE" : "none twice",
      raw: "",
      ratio: "",
      goal: "0",
      met: !twice,
    });
  }
  return goals;
}

const doneTwice = (r: LifecycleResult) =>
  r.duplicates.events + r.duplicates.shipments + r.duplicates.rslOrders + r.duplicates.rmsOrders;
const metCell = (m: boolean | null) => (m === null ? "–" : m ? "yes" : "NO");

export function printGoals(f: Figures): void {
  log(`\n=== ${f.label}: issue 13's figures, each against its raw baseline from this run ===`);
  log(
    table([
      ["figure", "rate", "raw", "ratio", "goal", "met?"],
      ...goalsOf(f).map((g) => [g.figure, g.rate, g.raw, g.ratio, g.goal, metCell(g.met)]),
    ]),
  );
  if (f.csv && "unavailable" in f.csv) log(`   CSV import: not available — ${f.csv.unavailable}`);
  printRoundTrips(f);
}

/** Statements and round trips per order, per path: what set-based writes are meant to shrink. */
function printRoundTrips(f: Figures): void {
  const rows: string[][] = [["path", "per order"]];
  if (f.imported) rows.push(["import (runShopImport)", perOrder(f.imported.probe, f.imported.probeOrders)]);
  if (f.perRegistration)
    rows.push(["registration (registerOrders)", perOrder(f.perRegistration, f.perRegistration.orders)]);
  if (f.csv && !("unavailable" in f.csv))
    rows.push([
      "CSV import (upload + job, polling included)",
      perOrder(f.csv.counted, Math.max(1, f.csv.count)),
    ]);
  const l = f.lifecycle;
  let over = "";
  if (l) {
    const orders = Math.max(1, l.run.completed || l.run.count);
    let total = { statements: 0, roundTrips: 0 };
    for (const [label, c] of [...l.counts].sort((a, b) => b[1].roundTrips - a[1].roundTrips)) {
      rows.push([`lifecycle: ${label === POLLING ? label : `${label} jobs`}`, perOrder(c, orders)]);
      total = { statements: total.statements + c.statements, roundTrips: total.roundTrips + c.roundTrips };
    }
    rows.push(["lifecycle: all steps", perOrder(total, orders)]);
    if (l.run.cutOff)
      over = `; lifecycle over ${fmt.int(orders)} orders, cut off: steps not reached are missing`;
  }
  const trips =
    f.label === "PGlite" ? "round trips = calls into the in-process engine" : "round trips = query calls";
  log(
    `\n   statements and round trips per order (counted on the ${f.label} driver, begin/commit included; ${trips}${over}):`,
  );
  log(
    table(rows)
      .split("\n")
      .map((line) => `   ${line}`)
      .join("\n"),
  );
}

export function printLifecycle(f: Figures): void {
  const l = f.lifecycle;
  if (!l) return;
  log(
    `\n5) 受注 → 完了 — ${fmt.int(l.run.count)} Rakuten orders through the RMS and RSL sandboxes over HTTP, workers as npm start runs them (startWorkers, its own settings), in this process`,
  );
  printRun(l.run);
  log(
    `   raw baseline: ${fmt.int(l.raw.count)} orders × 6 steps (UPDATE + event INSERT, 500 a transaction) in ${secs(l.raw.ms)} = ${fmt.rate(l.raw.transitionsPerSecond)} transitions, ÷ 6 = ${fmt.rate(l.raw.perSecond)} orders`,
  );
  log(
    "   note: the clock starts at the first stored order; RSL results are read by the workers' scheduler at the warehouse's resultPollMinutes (set to its minimum, 1) — up to ~75 s of any run is that wait",
  );
  if (l.workers) printWorkers(l.workers);
}

function printRun(r: LifecycleResult): void {
  log(
    table([
      ["stage (over when the last order passed it)", "orders/s", "wall"],
      // Statuses are read once a second: a stage over within the same second has no rate of its own.
      ...r.stages.map((s) => [s.stage, s.ms < 1000 ? "–" : fmt.rate(s.perSecond), secs(s.ms)]),
      [`whole lifecycle${r.cutOff ? " (cut off, progress ÷ time)" : ""}`, fmt.rate(r.perSecond), secs(r.ms)],
    ])
      .split("\n")
      .map((line) => `   ${line}`)
      .join("\n"),
  );
  if (r.resultsWaitMs !== null && !r.cutOff)
    log(
      `   of which waiting for the first RSL results poll: ${secs(r.resultsWaitMs)}; without that wait ${fmt.rate(perSecond(r.completed, r.ms - r.resultsWaitMs))}`,
    );
  log(
    `   ${r.cutOff ? "WARNING: cut off by BENCH_LIFECYCLE_MINUTES: " : ""}${fmt.int(r.completed)} of ${fmt.int(r.count)} orders 完了; ${duplicateLine(r.duplicates)}`,
  );
}

function printWorkers(w: WorkersComparison): void {
  for (const [n, run] of [
    [1, w.one],
    [2, w.two],
  ] as const) {
    log(`\n   ${n} × JUCHU_ROLE=worker node server/main.ts, ${fmt.int(run.count)} orders:`);
    printRun(run);
    log(`   CPU over the run: ${cpuLine(run.cpu, run.cpuWallMs, w.cores)}`);
  }
  log(
    `   2 processes ÷ 1: ${x(ratioOf(w.two.perSecond, w.one.perSecond))} on ${w.cores} cores, load average ${w.loadBefore.map((n) => n.toFixed(1)).join(" ")} before, ${w.loadAfter.map((n) => n.toFixed(1)).join(" ")} after`,
  );
  const busy = (r: LifecycleResult) =>
    r.resultsWaitMs === null || r.cutOff ? null : perSecond(r.completed, r.ms - r.resultsWaitMs);
  const [oneBusy, twoBusy] = [busy(w.one), busy(w.two)];
  if (oneBusy && twoBusy)
    log(`   2 processes ÷ 1 without the RSL results wait: ${x(ratioOf(twoBusy, oneBusy))}`);
  log(`   what saturates with 2 workers: ${saturation(w.two.cpu, w.two.cpuWallMs, w.cores)}`);
}

const coresUsed = (c: CpuUse, wallMs: number) => c.seconds / (wallMs / 1000);

function cpuLine(cpu: CpuUse[], wallMs: number, cores: number): string {
  const total = cpu.reduce((s, c) => s + coresUsed(c, wallMs), 0);
  return `${cpu.map((c) => `${c.who} ${coresUsed(c, wallMs).toFixed(2)}`).join(", ")} — ${total.toFixed(2)} of ${cores} cores`;
}

/** Where the time went: the machine's CPU, one process's core, or nothing (the workers wait). */
export function saturation(cpu: CpuUse[], wallMs: number, cores: number): string {
  if (cpu.length === 0) return "not measured";
  const used = cpu
    .map((c) => ({ who: c.who, cores: coresUsed(c, wallMs) }))
    .sort((a, b) => b.cores - a.cores);
  const total = used.reduce((s, c) => s + c.cores, 0);
  const top = used[0];
  if (!top) return "not measured";
  if (total >= 0.85 * cores)
    return `the machine's CPU (${total.toFixed(2)} of ${cores} cores busy; most: ${top.who} ${top.cores.toFixed(2)}) — more processes cannot go faster here`;
  if (top.cores >= 0.9) return `one core: ${top.who} (${top.cores.toFixed(2)}) — single-threaded there`;
  return `nothing (${total.toFixed(2)} of ${cores} cores busy): the workers wait — polling intervals, round trips or the RSL results interval, not CPU`;
}

export function printSummary(all: Figures[], notes: string[]): void {
  log(
    "\n=== Summary — each figure ÷ its raw baseline measured in the same run, against issue 13's goals ===",
  );
  for (const f of all) {
    log(`\n${f.label} — ${f.server}`);
    log(
      table([
        ["figure", "rate", "raw", "ratio", "goal", "met?"],
        ...goalsOf(f).map((g) => [g.figure, g.rate, g.raw, g.ratio, g.goal, metCell(g.met)]),
      ])
        .split("\n")
        .map((line) => `  ${line}`)
        .join("\n"),
    );
  }
  for (const n of notes) log(`\nNote: ${n}`);
}

import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { fmt } from "./lib.ts";
import { type LifecycleResult, runLifecycle } from "./lifecycle.ts";
import { placeLifecycleShop, startSandboxes } from "./lifecycle-setup.ts";
import { type RawLifecycleResult, rawLifecycle } from "./raw-lifecycle.ts";
import { type Count, resetCounts, takeCounts, uncounted } from "./round-trips.ts";
import type { Target } from "./targets.ts";
import { inProcessWorkers, workerProcesses } from "./worker-runs.ts";

export type WorkersComparison = {
  one: LifecycleResult;
  two: LifecycleResult;
  cores: number;
  loadBefore: number[];
  loadAfter: number[];
};

export type LifecycleFigures = {
  raw: RawLifecycleResult;
  run: LifecycleResult;
  /** What each worker queue (and the polling between jobs) sent during the in-process run. */
  counts: Map<string, Count>;
  workers?: WorkersComparison;
};

/** `workerOrders` 0: no worker-process comparison. */
export type LifecycleSizes = { orders: number; workerOrders: number; limitMs: number };

/**
 * 受注 → 完了 against its raw yardstick on one database: the raw batched walk of as many orders,
 * then the lifecycle with the workers as `npm start` runs them in its own process (statements
 * counted per queue), then on PostgreSQL one worker process against two (`workerOrders` each).
 */
export async function benchLifecycle(
  t: Target,
  sizes: LifecycleSizes,
  note: (s: string) => void,
): Promise<LifecycleFigures> {
  note(
    `${t.label}: raw batched lifecycle (6 × UPDATE + event INSERT, 500 orders a tx) × ${fmt.int(sizes.orders)}`,
  );
  const raw = await rawLifecycle(t, sizes.orders);
  const sandboxes = await startSandboxes();
  const secretKey = randomBytes(32);
  try {
    // Jobs the earlier rows left (shipment requests of registered orders …) are not this run's work.
    await t.boss.deleteAllJobs();
    const shop = await uncounted(() => placeLifecycleShop(t, sandboxes, secretKey, sizes.orders, "一連"));
    note(`${t.label}: ${fmt.int(sizes.orders)} orders 受注 → 完了, workers in this process (npm start's)`);
    resetCounts();
    const run = await runLifecycle(
      t,
      sandboxes,
      shop,
      inProcessWorkers(t, secretKey, sandboxes),
      sizes.limitMs,
      (s) => note(`${t.label}: ${s}`),
    );
    const counts = takeCounts();
    counts.delete("other");
    if (t.database.kind !== "postgres" || !t.url || sizes.workerOrders === 0) return { raw, run, counts };

    const cores = cpus().length;
    const loadBefore = loadavg();
    const runWith = async (processes: number) => {
      await t.boss.deleteAllJobs();
      const name = `${processes}w`;
      const s = await uncounted(() => placeLifecycleShop(t, sandboxes, secretKey, sizes.workerOrders, name));
      note(`${t.label}: ${fmt.int(sizes.workerOrders)} orders 受注 → 完了, ${processes} × JUCHU_ROLE=worker`);
      return runLifecycle(
        t,
        sandboxes,
        s,
        workerProcesses(t, sandboxes, secretKey, processes),
        sizes.limitMs,
        (line) => note(`${t.label} ${name}: ${line}`),
      );
    };
    const one = await runWith(1);
    const two = await runWith(2);
    return { raw, run, counts, workers: { one, two, cores, loadBefore, loadAfter: loadavg() } };
  } finally {
    await sandboxes.close();
  }
}

import type { ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import type { PgBoss } from "pg-boss";
import { createContext } from "#server/compose.ts";
import { openJobQueue } from "#server/jobs/queue.ts";
import { startWorkers } from "#server/jobs/workers.ts";
import { spawnNode } from "#test/process.ts";
import type { CpuUse, Workers } from "./lifecycle.ts";
import type { Sandboxes } from "./lifecycle-setup.ts";
import { counting, uncounted } from "./round-trips.ts";
import type { Target } from "./targets.ts";

/** What the workers send outside any handler: pg-boss fetching and the scheduler's ticks (sweeps). */
export const POLLING = "pg-boss fetch/complete + scheduler tick";

/**
 * The workers as `npm start` runs them in its own process (JUCHU_ROLE=all): its job queue and
 * startWorkers with their own settings. Each handler's statements are counted under its queue's name
 * (boss.work is wrapped, nothing else), the rest under POLLING.
 */
export function inProcessWorkers(
  t: Target,
  secretKey: Buffer,
  sandboxes?: Sandboxes,
): () => Promise<Workers> {
  return async () => {
    const jobs = await openJobQueue(t.database);
    const ctx = createContext(t.database.db, jobs.queue, {
      secretKey,
      ...(sandboxes ? { apiUrls: { rakuten: sandboxes.rakutenUrl, rsl: sandboxes.rslUrl } } : {}),
    });
    const before = process.cpuUsage();
    const backends = await backendCpu(t);
    const running = await counting(POLLING, () => startWorkers(labelled(jobs.boss), ctx));
    return {
      async stop() {
        const db = since(backends, await backendCpu(t));
        const used = process.cpuUsage(before);
        running.stop();
        await jobs.stop();
        return [
          { who: "bench process (workers + sandboxes)", seconds: (used.user + used.system) / 1e6 },
          ...db,
        ];
      },
    };
  };
}

/** The queue's handle with every handler run under its queue's label. */
function labelled(boss: PgBoss): PgBoss {
  return new Proxy(boss, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop !== "work") return typeof value === "function" ? value.bind(target) : value;
      return (name: string, ...rest: unknown[]) => {
        const handler = rest.pop() as (jobs: unknown) => Promise<unknown>;
        return target.work(name, ...(rest as []), (jobs: unknown) => counting(name, () => handler(jobs)));
      };
    },
  });
}

/**
 * `processes` × `JUCHU_ROLE=worker node server/main.ts` on the bench's PostgreSQL database, talking
 * to the bench's sandboxes: the deployment the issue asks about. stop() sends SIGTERM and waits.
 */
export function workerProcesses(
  t: Target,
  sandboxes: Sandboxes,
  secretKey: Buffer,
  processes: number,
): () => Promise<Workers> {
  return async () => {
    if (!t.url) throw new Error("worker processes need PostgreSQL");
    const before = process.cpuUsage();
    const backends = await backendCpu(t);
    const children: { child: ChildProcess; output: string[] }[] = [];
    for (let i = 0; i < processes; i++) {
      const child = spawnNode("server/main.ts", [], {
        DATABASE_URL: t.url,
        JUCHU_ROLE: "worker",
        JUCHU_SECRET_KEY: secretKey.toString("base64"),
        JUCHU_RAKUTEN_API_URL: sandboxes.rakutenUrl,
        JUCHU_RSL_API_URL: sandboxes.rslUrl,
        LOG_LEVEL: "warn",
      });
      const output: string[] = [];
      const keep = (d: Buffer) => {
        output.push(String(d));
        if (output.length > 20) output.shift();
      };
      child.stdout?.on("data", keep);
      child.stderr?.on("data", keep);
      children.push({ child, output });
    }
    return {
      async stop() {
        // Read before the workers go: their backends end with them.
        const db = since(backends, await backendCpu(t));
        const used = process.cpuUsage(before);
        const cpu: CpuUse[] = [];
        for (const [i, { child }] of children.entries())
          cpu.push({ who: `worker process ${i + 1}`, seconds: await processCpu(child.pid) });
        await Promise.all(
          children.map(
            ({ child, output }) =>
              new Promise<void>((resolve) => {
                if (child.exitCode !== null) {
                  process.stderr.write(`  … a worker had exited (${child.exitCode}): ${output.join("")}\n`);
                  return resolve();
                }
                child.once("exit", () => resolve());
                child.kill("SIGTERM");
              }),
          ),
        );
        cpu.push({ who: "bench process (sandboxes)", seconds: (used.user + used.system) / 1e6 });
        return [...cpu, ...db];
      },
    };
  };
}

/** utime + stime of a Linux process in seconds (0 where /proc cannot tell: not Linux, gone, remote). */
async function processCpu(pid: number | undefined): Promise<number> {
  if (!pid) return 0;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks, USER_HZ = 100 on Linux
  } catch {
    return 0;
  }
}

/** CPU so far of each PostgreSQL backend serving the bench database (a server on this machine only). */
async function backendCpu(t: Target): Promise<Map<number, number>> {
  if (t.database.kind !== "postgres") return new Map();
  const { rows } = await uncounted(() =>
    t.raw.query("select pid from pg_stat_activity where datname = current_database()"),
  );
  const cpu = new Map<number, number>();
  for (const r of rows) cpu.set(Number(r.pid), await processCpu(Number(r.pid)));
  return cpu;
}

function since(before: Map<number, number>, after: Map<number, number>): CpuUse[] {
  if (after.size === 0) return [];
  let seconds = 0;
  for (const [pid, s] of after) seconds += s - (before.get(pid) ?? 0);
  return [{ who: `PostgreSQL backends of the bench database (${after.size} at the end)`, seconds }];
}

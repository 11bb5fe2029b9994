/**
 * The order list at a million orders, through the real server over HTTP (issue 14):
 *   DATABASE_URL=postgres://… npx node bench/list-http.ts      (BENCH_LIST_HTTP_ORDERS, BENCH_LIST_HTTP_SECONDS)
 * BENCH_LIST_HTTP_KEEP=<database name> seeds into that database once and reuses it on later runs while the
 * count and this seeder are the same (new migrations are applied to it); without it the database is dropped.
 * Seeds a year of a four-shop merchant on PostgreSQL, starts `server/main.ts` (role web) in a process of
 * its own, and drives it with 8 and 32 keep-alive connections from this one. Both share the machine's
 * cores, so the figures are what the server does beside its own load generator.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { Agent, request } from "node:http";
import { fileURLToPath } from "node:url";
import { envInt, fmt, type Percentiles, percentiles, table } from "./lib.ts";
import { explainList } from "./list.ts";
import { dropStaleKept, keptListAccount, type ListData, seedListAccount } from "./list-seed.ts";
import { openPostgresTarget, removeLeftovers, type Target } from "./targets.ts";

type Scenario = {
  name: string;
  /** Paths drawn in turn by every connection. */
  paths: string[];
  connections: number;
  goal: { p99?: number; rps?: number };
};

async function startServer(url: string, port: number): Promise<ChildProcess> {
  const main = fileURLToPath(new URL("../server/main.ts", import.meta.url));
  const child = spawn(process.execPath, ["--max-semi-space-size=16", main], {
    env: { ...process.env, DATABASE_URL: url, JUCHU_ROLE: "web", PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 300; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error("the server did not answer /api/health within 60 s");
}

/** `connections` loops, each one request at a time on its own keep-alive connection, for `seconds`. */
async function drive(
  base: string,
  token: string,
  s: Scenario,
  seconds: number,
): Promise<{ stats: Percentiles; rps: number; errors: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: s.connections });
  const headers = { authorization: `Bearer ${token}` };
  const get = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(base + path, { agent, headers }, (res) => {
        res.on("data", () => {});
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    });
  const samples: number[] = [];
  let errors = 0;
  let n = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: s.connections }, async () => {
      while (performance.now() < until) {
        const path = s.paths[n++ % s.paths.length] as string;
        const t0 = performance.now();
        const status = await get(path);
        samples.push(performance.now() - t0);
        if (status !== 200) errors++;
      }
    }),
  );
  const wall = performance.now() - started;
  agent.destroy();
  return { stats: percentiles(samples), rps: (samples.length * 1000) / wall, errors };
}

/** What each scenario asks for, drawn from what the data holds. */
async function scenarios(t: Target, data: ListData): Promise<Scenario[]> {
  const { rows } = await t.raw.query(
    `select o.id, o.mall_order_number, o.buyer_name, o.buyer_phone, o.buyer_email, s.slip_number,
       s.parcels->0->>'trackingNumber' as tracking
     from orders o join shipments s on s.order_id = o.id
     where o.account_id = $1 and o.deleted_at is null order by md5(o.id::text) limit 200`,
    [data.accountId],
  );
  const col = (k: string) => rows.map((r) => String(r[k] ?? ""));
  const names = col("buyer_name");
  const q = (v: string) => `/api/orders?q=${encodeURIComponent(v)}`;
  const searches = [
    ...names.slice(0, 20).map((n) => q(n.split(" ")[0] ?? n)), // two-kanji surname: thousands of orders
    ...names.slice(20, 30).map((n) => q(n.replace(" ", ""))), // full name without its space
    ...col("buyer_phone").slice(0, 10).map(q), // phone with hyphens
    ...col("buyer_phone")
      .slice(10, 20)
      .map((p) => q(p.replace(/-/g, ""))),
    ...col("mall_order_number").slice(0, 10).map(q),
    ...col("slip_number").slice(0, 10).map(q),
    ...col("tracking")
      .filter((x) => x !== "")
      .slice(0, 10)
      .map(q),
    ...col("buyer_email").slice(0, 10).map(q),
  ];
  const tabs = ["awaiting_confirmation", "confirmed", "awaiting_shipment", "shipping", "completed"].map(
    (s) => `/api/orders?status=${s}`,
  );
  const detail = col("id").map((id) => `/api/orders/${id}`);
  return [
    { name: "list (no filter)", paths: ["/api/orders"], connections: 8, goal: { p99: 20 } },
    { name: "status tabs", paths: tabs, connections: 8, goal: { p99: 20 } },
    { name: "list (no filter)", paths: ["/api/orders"], connections: 32, goal: { rps: 1000 } },
    { name: "status tabs", paths: tabs, connections: 32, goal: { rps: 1000 } },
    {
      name: "search (surname, name, phone, 番号, e-mail)",
      paths: searches,
      connections: 8,
      goal: { p99: 50 },
    },
    { name: "detail GET /api/orders/:id", paths: detail, connections: 8, goal: { p99: 10 } },
  ];
}

/** One query of each kind the search box takes, from one order the data holds. */
async function searchSamples(t: Target, data: ListData): Promise<string[]> {
  const { rows } = await t.raw.query(
    `select o.mall_order_number, o.buyer_name, o.buyer_phone, o.buyer_email, s.slip_number,
       s.parcels->0->>'trackingNumber' as tracking
     from orders o join shipments s on s.order_id = o.id
     where o.account_id = $1 and s.status = 'shipped' limit 1`,
    [data.accountId],
  );
  const r = rows[0] ?? {};
  const name = String(r.buyer_name);
  return [
    name.split(" ")[0] ?? name,
    name.replace(" ", ""),
    String(r.buyer_phone),
    String(r.buyer_phone).replace(/-/g, ""),
    String(r.mall_order_number),
    String(r.slip_number),
    String(r.tracking),
    String(r.buyer_email),
  ];
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL (PostgreSQL) is needed: the list at 1 M orders is measured there");
  const count = envInt("BENCH_LIST_HTTP_ORDERS", 1_000_000);
  const seconds = envInt("BENCH_LIST_HTTP_SECONDS", 20);
  const keep = process.env.BENCH_LIST_HTTP_KEEP || undefined;
  if (keep) await dropStaleKept(url, keep, count);
  const t = await openPostgresTarget(url, keep);
  if ("unreachable" in t) throw new Error(`PostgreSQL: ${t.unreachable}`);
  let server: ChildProcess | undefined;
  try {
    console.log(`seeding ${fmt.int(count)} orders…`);
    const data = keep ? await keptListAccount(t, keep, count) : await seedListAccount(t, count);
    console.log(`seeded in ${(data.seedMs / 1000).toFixed(0)} s`);
    // What autovacuum does to a live database (and this server may run without it): GIN pending lists
    // merged (else every search reads them whole) and the visibility map set for index-only scans.
    await t.raw.query("vacuum (analyze) orders, order_items, shipments, order_tags");
    const port = 3900 + Math.floor(Math.random() * 90);
    server = await startServer(t.url as string, port);
    const base = `http://127.0.0.1:${port}`;
    const rows: string[][] = [["scenario", "conns", "req/s", "p50 ms", "p99 ms", "errors", "goal", "met"]];
    for (const s of await scenarios(t, data)) {
      await drive(base, data.apiToken, { ...s, connections: 2 }, 2); // warm the caches and the plans
      const r = await drive(base, data.apiToken, s, seconds);
      const goal =
        s.goal.p99 !== undefined ? `p99 ≤ ${s.goal.p99} ms` : `≥ ${fmt.int(s.goal.rps ?? 0)} req/s`;
      const met = s.goal.p99 !== undefined ? r.stats.p99 <= s.goal.p99 : r.rps >= (s.goal.rps ?? 0);
      rows.push([
        s.name,
        String(s.connections),
        fmt.int(Math.round(r.rps)),
        r.stats.p50.toFixed(1),
        r.stats.p99.toFixed(1),
        String(r.errors),
        goal,
        met ? "yes" : "NO",
      ]);
      console.log(table(rows.slice(-1)));
    }
    console.log(`\nOrder list over HTTP, PostgreSQL, ${fmt.int(count)} orders, ${seconds} s per scenario\n`);
    console.log(table(rows));
    // The database's own time for each kind of search, apart from the HTTP and the machine's load.
    const plans: string[][] = [["search", "statement", "ms", "plan"]];
    for (const typed of await searchSamples(t, data)) {
      for (const p of await explainList(t, data.accountId, { q: typed }))
        plans.push([typed, p.statement, p.ms.toFixed(2), p.shape.slice(0, 140)]);
    }
    console.log(
      `\nEXPLAIN ANALYZE of the page and capped count, one of each kind of search\n\n${table(plans)}`,
    );
  } finally {
    if (server) {
      server.kill("SIGTERM");
      await once(server, "exit");
    }
    await t.close();
    await removeLeftovers();
  }
}

await main();

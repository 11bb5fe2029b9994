/**
 * Where the list's time goes on a database seeded by `bench/list-http.ts` and kept (issue 14):
 *   DATABASE_URL=postgres://… BENCH_LIST_HTTP_KEEP=<database name> npx node bench/list-explain.ts
 * Runs what each HTTP scenario sends (list, status tabs, a filter of each kind, page 2, each kind of
 * search, the tab counts, the order screen) once through the real code with its statements recorded,
 * then EXPLAIN (ANALYZE, BUFFERS) of each statement: its time, buffers and plan, slowest first.
 */
import { randomBytes } from "node:crypto";
import { createContext } from "#server/compose.ts";
import { openDatabase } from "#server/db/database.ts";
import { listOrders } from "#server/http/list-orders.ts";
import { countByStatus } from "#server/http/order-counts.ts";
import type { OrderListQuery } from "#server/http/order-schemas.ts";
import { presentOrder } from "#server/http/present-order.ts";
import { openJobQueue } from "#server/jobs/queue.ts";
import { rawSql, recordingDb, table } from "./lib.ts";
import { planSummary } from "./list.ts";
import type { ListData } from "./list-seed.ts";

const url = process.env.DATABASE_URL;
const keep = process.env.BENCH_LIST_HTTP_KEEP;
if (!url || !keep) throw new Error("DATABASE_URL and BENCH_LIST_HTTP_KEEP (a database list-http.ts seeded)");
const u = new URL(url);
u.pathname = `/${keep}`;
const database = await openDatabase({ kind: "postgres", url: u.toString() });
await database.migrate();
const raw = rawSql(database);
const { rows: notes } = await raw.query(
  "select shobj_description(oid, 'pg_database') as note from pg_database where datname = $1",
  [keep],
);
const data = (JSON.parse(String(notes[0]?.note)) as { data: ListData }).data;
const a = data.accountId;
const { rows: sample } = await raw.query(
  `select o.id, o.mall_order_number, o.buyer_name, o.buyer_phone, o.buyer_email, s.slip_number,
     s.parcels->0->>'trackingNumber' as tracking
   from orders o join shipments s on s.order_id = o.id
   where o.account_id = $1 and s.status = 'shipped' order by md5(o.id::text) limit 1`,
  [a],
);
const r = sample[0] ?? {};
const name = String(r.buyer_name);
const day = 86_400_000;
const first = await listOrders(database.db, a, {});
const lists: [string, OrderListQuery][] = [
  ["no filter", {}],
  ...["awaiting_confirmation", "confirmed", "awaiting_shipment", "shipping", "completed"].map(
    (s): [string, OrderListQuery] => [`status ${s}`, { status: [s] as OrderListQuery["status"] }],
  ),
  ["status new+awaiting_confirmation", { status: ["new", "awaiting_confirmation"] }],
  ...["unshippable", "allocating", "awaiting_shipment", "shipped"].map((s): [string, OrderListQuery] => [
    `shippingStatus ${s}`,
    { shippingStatus: [s] as OrderListQuery["shippingStatus"] },
  ]),
  ...data.tagIds.map((t, i): [string, OrderListQuery] => [`tag ${i}`, { tag: t }]),
  [
    "date range (7 days, 200 days ago)",
    {
      orderedFrom: new Date(Date.now() - 200 * day).toISOString(),
      orderedTo: new Date(Date.now() - 193 * day).toISOString(),
    },
  ],
  ["page 2", first.nextCursor ? { cursor: first.nextCursor } : {}],
  ["q surname", { q: name.split(" ")[0] ?? name }],
  ["q full name", { q: name.replace(" ", "") }],
  ["q phone", { q: String(r.buyer_phone) }],
  ["q phone digits", { q: String(r.buyer_phone).replace(/-/g, "") }],
  ["q order number", { q: String(r.mall_order_number) }],
  ["q slip number", { q: String(r.slip_number) }],
  ["q tracking", { q: String(r.tracking) }],
  ["q e-mail", { q: String(r.buyer_email) }],
];
const jobs = await openJobQueue(database, { supervise: false });
const ctx = createContext(database.db, jobs.queue, { secretKey: randomBytes(32) });
const runs: [string, (db: typeof database.db) => Promise<unknown>][] = [
  ...lists.map(([label, q]): [string, (db: typeof database.db) => Promise<unknown>] => [
    label,
    (db) => listOrders(db, a, q),
  ]),
  ["tab counts", (db) => countByStatus(db, a, {})],
  ["order screen", (db) => presentOrder({ ...ctx, db }, a, String(r.id))],
];
const out: string[][] = [["scenario", "stmt", "ms", "buffers", "plan"]];
const texts: { label: string; ms: number; text: string }[] = [];
for (const [label, run] of runs) {
  const { db, statements } = recordingDb(database);
  await run(db);
  for (const [i, s] of statements.entries()) {
    const { rows } = await raw.query(`explain (analyze, buffers, costs off) ${s.sql}`, s.params);
    const lines = rows.map((x) => String(Object.values(x)[0]));
    const { ms, shape } = planSummary(lines);
    const buffers = lines.find((l) => /Buffers:/.test(l))?.replace(/^.*Buffers:\s*/, "") ?? "";
    out.push([label, String(i + 1), ms.toFixed(2), buffers, shape.slice(0, 160)]);
    texts.push({ label: `${label} #${i + 1}`, ms, text: `${s.sql}\n${lines.join("\n")}` });
  }
}
console.log(table(out));
if (process.env.BENCH_LIST_EXPLAIN_FULL) {
  for (const t of texts.sort((x, y) => y.ms - x.ms).slice(0, Number(process.env.BENCH_LIST_EXPLAIN_FULL)))
    console.log(`\n=== ${t.label}: ${t.ms} ms\n${t.text}`);
}
await jobs.stop();
await database.close();

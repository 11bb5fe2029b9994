import type { Db } from "#server/db/database.ts";
import type { OrderStatus, ShippingStatus } from "#server/domain/order-status.ts";
import { listOrders } from "#server/http/list-orders.ts";
import type { OrderListQuery } from "#server/http/order-schemas.ts";
import { type Percentiles, percentiles, recordingDb, seededRandom } from "./lib.ts";
import type { ListData } from "./list-seed.ts";
import type { Target } from "./targets.ts";

export const QUERY_KINDS = [
  "no filter",
  "status",
  "status+shop",
  "q: order number",
  "q: buyer name",
  "tag",
  "shippingStatus",
  "date range",
  "includeDeleted",
  "page 2 (cursor)",
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

type Sample = { kind: QueryKind; query: OrderListQuery; ms: number; total: number };
export type ListResult = {
  overall: Percentiles;
  byKind: { kind: QueryKind; stats: Percentiles; typicalTotal: number }[];
  worst: { kind: QueryKind; stats: Percentiles };
  slowest: Sample;
};

/** What a merchant clicks most: the working statuses, then the archive. */
const STATUSES: OrderStatus[][] = [
  ["awaiting_confirmation"],
  ["confirmed"],
  ["awaiting_shipment"],
  ["new", "awaiting_confirmation"],
  ["shipping", "shipped"],
  ["cancelled"],
  ["completed"],
];
const SHIPPING: ShippingStatus[][] = [["unshippable"], ["allocating"], ["awaiting_shipment"], ["shipped"]];

/** ~`total` queries, the kinds in turn, parameters drawn from what the data holds. */
async function plan(
  t: Target,
  data: ListData,
  total: number,
): Promise<{ kind: QueryKind; query: OrderListQuery }[]> {
  const rnd = seededRandom(20261122);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const { rows } = await t.raw.query(
    `select mall_order_number, buyer_name from orders where account_id = $1
     order by md5(id::text) limit 200`,
    [data.accountId],
  );
  const numbers = rows.map((r) => String(r.mall_order_number));
  const names = rows.map((r) => String(r.buyer_name));
  const day = 86_400_000;
  const out: { kind: QueryKind; query: OrderListQuery }[] = [];
  for (let i = 0; i < total; i++) {
    const kind = QUERY_KINDS[i % QUERY_KINDS.length] as QueryKind;
    const status = pick(STATUSES);
    let query: OrderListQuery;
    switch (kind) {
      case "no filter":
        query = {};
        break;
      case "status":
        query = { status };
        break;
      case "status+shop":
        query = { status, shopId: pick(data.shopIds) };
        break;
      case "q: order number":
        query = { q: pick(numbers) };
        break;
      case "q: buyer name": {
        const name = pick(names);
        // Half search a surname (thousands of hits), half the full name (a few dozen).
        query = { q: rnd() < 0.5 ? (name.split(" ")[0] ?? name) : name };
        break;
      }
      case "tag":
        query = { tag: pick(data.tagIds) };
        break;
      case "shippingStatus":
        query = { shippingStatus: pick(SHIPPING) };
        break;
      case "date range": {
        const from = Date.now() - Math.floor(rnd() * 358) * day;
        query = {
          orderedFrom: new Date(from).toISOString(),
          orderedTo: new Date(from + 7 * day).toISOString(),
        };
        break;
      }
      case "includeDeleted":
        query =
          rnd() < 0.5
            ? { includeDeleted: "true" }
            : { includeDeleted: "true", status: ["awaiting_confirmation"] };
        break;
      case "page 2 (cursor)":
        query = pick<OrderListQuery>([{}, { status }, { shopId: pick(data.shopIds) }]);
        break;
    }
    out.push({ kind, query });
  }
  return out;
}

/** listOrders as the HTTP route calls it (page of 50 + capped count + shipments + tags), timed one by one. */
export async function benchList(t: Target, data: ListData, total: number): Promise<ListResult> {
  const db = t.database.db;
  const queries = await plan(t, data, total);
  for (const { query } of queries.slice(0, 10)) await listOrders(db, data.accountId, query); // warm-up
  const samples: Sample[] = [];
  for (const { kind, query } of queries) {
    let q = query;
    if (kind === "page 2 (cursor)") {
      const first = await listOrders(db, data.accountId, query);
      q = { ...query, ...(first.nextCursor ? { cursor: first.nextCursor } : {}) };
    }
    const started = performance.now();
    const result = await listOrders(db, data.accountId, q);
    samples.push({ kind, query: q, ms: performance.now() - started, total: result.total });
  }
  const byKind = QUERY_KINDS.map((kind) => {
    const mine = samples.filter((s) => s.kind === kind);
    const totals = mine.map((s) => s.total).sort((a, b) => a - b);
    return { kind, stats: percentiles(mine.map((s) => s.ms)), typicalTotal: totals[totals.length >> 1] ?? 0 };
  });
  const worst = byKind.reduce((a, b) => (b.stats.p99 > a.stats.p99 ? b : a));
  const slowest = samples.reduce((a, b) => (b.ms > a.ms ? b : a));
  return { overall: percentiles(samples.map((s) => s.ms)), byKind, worst, slowest };
}

export type ListPlan = { statement: "page" | "count"; text: string; shape: string; ms: number };

/** An EXPLAIN ANALYZE's execution time and its nodes in order on one line (its shape). */
export function planSummary(lines: readonly string[]): { ms: number; shape: string } {
  const nodes = lines
    .filter((l, n) => n === 0 || /^\s*->/.test(l))
    .map((l) =>
      l
        .replace(/^\s*->\s*/, "")
        .replace(/\s*\(actual.*$/, "")
        .trim(),
    );
  const ms = Number(lines.find((l) => l.startsWith("Execution Time"))?.match(/[\d.]+/)?.[0] ?? Number.NaN);
  return { ms, shape: nodes.join(" > ") };
}

/**
 * EXPLAIN ANALYZE of the page and count statements listOrders sends for one query, with a one-line
 * shape (the plan's nodes in order) for the report: where the time of a slow list goes.
 */
export async function explainList(t: Target, accountId: string, query: OrderListQuery): Promise<ListPlan[]> {
  const { db, statements } = recordingDb(t.database);
  await listOrders(db as Db, accountId, query);
  const plans: ListPlan[] = [];
  for (const [i, s] of statements.slice(0, 2).entries()) {
    const { rows } = await t.raw.query(`explain (analyze, costs off) ${s.sql}`, s.params);
    const lines = rows.map((r) => String(Object.values(r)[0]));
    plans.push({ statement: i === 0 ? "page" : "count", text: lines.join("\n"), ...planSummary(lines) });
  }
  return plans;
}

import { fmt, perSecond } from "./lib.ts";
import { type LifecycleShop, type Sandboxes, setImport } from "./lifecycle-setup.ts";
import { uncounted } from "./round-trips.ts";
import type { Target } from "./targets.ts";

/** Where an order stands on the way 受注 → 完了; a stage is over when the last order has passed it. */
const RANK: Record<string, number> = {
  new: 0,
  awaiting_confirmation: 1,
  confirmed: 2,
  awaiting_shipment: 3,
  shipping: 4,
  shipped: 5,
  completed: 6,
};
const MILESTONES = [
  { stage: "受注取込 (all N in the database)", rank: -1 },
  { stage: "新規受付 → 出荷待ち (引当)", rank: 3 },
  { stage: "出荷依頼 (RSL) → 出荷中", rank: 4 },
  { stage: "出荷実績 → 全出荷済", rank: 5 },
  { stage: "出荷報告 (RMS) → 完了", rank: 6 },
];

/** How long workers may take to store the first order before the run gives up waiting. */
const STARTUP_MS = 120_000;

export type LifecycleStage = { stage: string; ms: number; perSecond: number };
export type Duplicates = {
  /** Orders with one status_changed event to the same status twice. */
  events: number;
  /** Orders with more than one shipment. */
  shipments: number;
  /** Orders in more than one RSL shipment request, and requests in all. */
  rslOrders: number;
  rslRequests: number;
  /** Orders (of a sample) with more than one shipping entry at RMS, and the sample's size. */
  rmsOrders: number;
  rmsSample: number;
};
export type LifecycleResult = {
  count: number;
  completed: number;
  ms: number;
  perSecond: number;
  /**
   * True when the run hit its time limit before every order was 完了. Its rate is then the orders'
   * progress ÷ time: an order counts 1/7 when imported and 1/7 more per status step it made.
   */
  cutOff: boolean;
  stages: LifecycleStage[];
  /**
   * From the first RSL request to the first order 出荷済: RSL ships at once here, so this is the wait
   * for the workers' results poll (the warehouse's resultPollMinutes, 1 at least, + the 15 s tick).
   */
  resultsWaitMs: number | null;
  duplicates: Duplicates;
  cpu: CpuUse[];
  /** Wall time from the workers' start to their stop, what the CPU seconds are divided by. */
  cpuWallMs: number;
};

/** CPU seconds one process (or PostgreSQL's backends of the bench database) used during a run. */
export type CpuUse = { who: string; seconds: number };
/** Whatever runs the workers for one run; stop() ends them and says what CPU each side used. */
export type Workers = { stop(): Promise<CpuUse[]> };

/**
 * Turns the shop's import on, starts the workers and waits until every order is 完了 or `limitMs`
 * passed, reading the orders' statuses (4 times a second until the first order is stored, then once a
 * second); then stops the workers, turns the import off and checks that nothing was done twice — in
 * the database and at both sandboxes. The clock starts when the first order is stored, so worker
 * start-up (a process of its own takes seconds on a loaded machine) and the scheduler's first tick
 * are not in the figure, nor in the limit.
 */
export async function runLifecycle(
  t: Target,
  sandboxes: Sandboxes,
  shop: LifecycleShop,
  startWorkers: () => Promise<Workers>,
  limitMs: number,
  note: (s: string) => void,
): Promise<LifecycleResult> {
  await setImport(t, shop.shopId, true);
  const launched = performance.now();
  const workers = await startWorkers();
  const stages: LifecycleStage[] = [];
  let completed = 0;
  let progress = 0;
  let started: number | null = null;
  let last = launched;
  /** When the first order reached 出荷中 (its RSL request sent) and when the first was 出荷済. */
  let firstRequested: number | null = null;
  let firstShipped: number | null = null;
  let cpu: CpuUse[] = [];
  try {
    // The limit runs from the first stored order; start-up gets up to two minutes of its own.
    while (performance.now() - (started ?? launched - limitMs + STARTUP_MS) < limitMs) {
      const ranks = await uncounted(() => statusesOf(t, shop.shopId));
      const now = performance.now();
      completed = ranks.get(6) ?? 0;
      const total = [...ranks.values()].reduce((a, b) => a + b, 0);
      progress = [...ranks].reduce((sum, [rank, n]) => sum + (rank < 0 ? 0 : (n * (rank + 1)) / 7), 0);
      const atLeast = (rank: number) =>
        [...ranks].filter(([r]) => r >= rank).reduce((sum, [, n]) => sum + n, 0);
      if (started === null && total > 0) started = last = now;
      if (firstRequested === null && atLeast(4) > 0) firstRequested = now;
      if (firstShipped === null && atLeast(5) > 0) firstShipped = now;
      for (const m of started === null ? [] : MILESTONES.slice(stages.length)) {
        const reached = m.rank < 0 ? total >= shop.count : atLeast(m.rank) >= shop.count;
        if (!reached) break;
        const stage = { stage: m.stage, ms: now - last, perSecond: perSecond(shop.count, now - last) };
        stages.push(stage);
        note(`${stage.stage}: +${fmt.int(Math.round(stage.ms / 1000))} s`);
        last = now;
      }
      if (completed >= shop.count) break;
      await new Promise((resolve) => setTimeout(resolve, started === null ? 250 : 1000));
    }
  } finally {
    cpu = await workers.stop();
    await setImport(t, shop.shopId, false);
  }
  const cpuWallMs = performance.now() - launched;
  const from = started ?? launched;
  const ms = (completed >= shop.count ? last : performance.now()) - from;
  return {
    count: shop.count,
    completed,
    ms,
    perSecond: perSecond(completed < shop.count ? progress : completed, ms),
    cutOff: completed < shop.count,
    stages,
    resultsWaitMs: firstRequested !== null && firstShipped !== null ? firstShipped - firstRequested : null,
    duplicates: await uncounted(() => duplicates(t, sandboxes, shop)),
    cpu,
    cpuWallMs,
  };
}

async function statusesOf(t: Target, shopId: string): Promise<Map<number, number>> {
  const { rows } = await t.raw.query(
    "select status, count(*)::int as n from orders where shop_id = $1 group by status",
    [shopId],
  );
  return new Map(rows.map((r) => [RANK[String(r.status)] ?? -1, Number(r.n)]));
}

async function duplicates(t: Target, sandboxes: Sandboxes, shop: LifecycleShop): Promise<Duplicates> {
  const { rows } = await t.raw.query(
    `select
       (select count(distinct e.order_id)::int from (
          select e.order_id from order_events e join orders o on o.id = e.order_id
           where o.shop_id = $1 and e.type = 'status_changed'
           group by e.order_id, e.to_status having count(*) > 1) e) as events,
       (select count(*)::int from (
          select s.order_id from shipments s join orders o on o.id = s.order_id
           where o.shop_id = $1 group by s.order_id having count(*) > 1) s) as shipments`,
    [shop.shopId],
  );
  const requests = (await getJson(
    `${sandboxes.rslUrl}/_sandbox/requests?merchantId=${encodeURIComponent(shop.rslMerchantId)}`,
  )) as { items: { orderNumbers: string[] }[] };
  const perOrder = new Map<string, number>();
  for (const r of requests.items) for (const n of r.orderNumbers) perOrder.set(n, (perOrder.get(n) ?? 0) + 1);
  // RMS keeps each order's shipping entries: a sample of up to 200 orders is read back one by one.
  const { rows: sample } = await t.raw.query(
    "select mall_order_number as n from orders where shop_id = $1 and status = 'completed' limit 200",
    [shop.shopId],
  );
  let rmsOrders = 0;
  for (const r of sample) {
    const view = await getJson(`${sandboxes.rakutenUrl}/_sandbox/orders/${encodeURIComponent(String(r.n))}`);
    if (countKey(view, "shippingDetailId") > 1) rmsOrders++;
  }
  return {
    events: Number(rows[0]?.events),
    shipments: Number(rows[0]?.shipments),
    rslOrders: [...perOrder.values()].filter((n) => n > 1).length,
    rslRequests: requests.items.length,
    rmsOrders,
    rmsSample: sample.length,
  };
}

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url} → ${res.status}`);
  return res.json();
}

/** How many objects in a JSON tree carry `key` with a value (RMS's shipping entries, wherever nested). */
function countKey(value: unknown, key: string): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countKey(v, key), 0);
  if (value === null || typeof value !== "object") return 0;
  const own = (value as Record<string, unknown>)[key] != null ? 1 : 0;
  return Object.values(value).reduce((n: number, v) => n + countKey(v, key), own);
}

export function duplicateLine(d: Duplicates): string {
  const twice = d.events + d.shipments + d.rslOrders + d.rmsOrders;
  return `${twice === 0 ? "nothing done twice" : "WARNING: done twice"}: ${d.events} orders with a status event twice, ${d.shipments} with two shipments, ${d.rslOrders} in two RSL requests (${fmt.int(d.rslRequests)} requests), ${d.rmsOrders} of ${d.rmsSample} sampled with two RMS shipping reports`;
}

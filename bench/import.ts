import { randomBytes } from "node:crypto";
import { startRakutenSandbox } from "#sandbox/rakuten/server.ts";
import { runShopImport } from "#server/app/channels/import-shop.ts";
import { createShop } from "#server/app/channels/shops.ts";
import { createContext } from "#server/compose.ts";
import type { ChannelClients, OrderChanges } from "#server/ports/channel.ts";
import type { Clock } from "#server/ports/clock.ts";
import { perSecond, watchBackends } from "./lib.ts";
import { type RegisterResult, rawRegister } from "./register.ts";
import { type Count, countWhile, uncounted } from "./round-trips.ts";
import { type Rss, sampleRss } from "./rss.ts";
import type { Target } from "./targets.ts";

/** The longest grace the settings allow (7 days): every imported order stays in 新規受付. */
const GRACE_MINUTES = 7 * 24 * 60;
/** The first poll looks back 24 h; the orders are spread over the 20 h before the run. */
export const SPREAD_HOURS = 20;
/** Orders of the second, recorded import that counts statements. */
const PROBE_ORDERS = 20;
/** RMS searchOrder hands out no hit past the 15,000th of one window. */
export const SEARCH_LIMIT = 15_000;

export type ImportResult = {
  count: number;
  ms: number;
  perSecond: number;
  /** Placing the orders in the sandbox (control API, not timed in the figure). */
  placeMs: number;
  searchCalls: number;
  getOrderCalls: number;
  /** Time inside the mall client (HTTP round trip + the in-process sandbox answering). */
  httpMs: number;
  found: number;
  created: number;
  status: string;
  /** Orders of the shop in the database after the run, and how many of them are 新規受付. */
  stored: number;
  inNew: number;
  errors: string[];
  raw: RegisterResult;
  /** What a 20-order import sends (begin/commit, its lease and run log included), all its own. */
  probe: Count;
  probeOrders: number;
  /** This process's RSS while the import ran (PGlite runs inside it). */
  rss: Rss;
  backends?: string | undefined;
};

/**
 * 受注取込: `count` orders placed in an in-process RMS sandbox, then one runShopImport of a rakuten
 * shop connected to it — search, getOrder 100 at a time over real HTTP, one transaction per 100 —
 * against a raw batched INSERT of as many orders (+ item + shipment) on the same database.
 */
export async function benchImport(t: Target, count: number): Promise<ImportResult> {
  // One clock for the mall and Juchu, so the orders fall in the first poll's 24-hour window.
  const clock: Clock = { now: () => new Date() };
  const sandbox = await startRakutenSandbox({ now: clock.now });
  try {
    const control = async (path: string, body: unknown) => {
      const res = await fetch(`${sandbox.url}/_sandbox${path}`, {
        method: "POST",
        body: JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status >= 400) throw new Error(`sandbox POST ${path} → ${res.status}: ${text}`);
      return JSON.parse(text) as Record<string, unknown>;
    };
    /** A sandbox shop with `n` orders spread over the SPREAD_HOURS before now; its credentials. */
    const mallShop = async (n: number) => {
      const mall = (await control("/shops", {})) as {
        shopId: string;
        serviceSecret: string;
        licenseKey: string;
      };
      const from = new Date(clock.now().getTime() - SPREAD_HOURS * 3_600_000);
      const placed = await control(`/shops/${mall.shopId}/orders/bulk`, {
        count: n,
        template: { orderedAt: from.toISOString() },
        intervalSeconds: (SPREAD_HOURS * 3600) / n,
      });
      if (placed.count !== n) throw new Error(`sandbox placed ${String(placed.count)} of ${n} orders`);
      return { serviceSecret: mall.serviceSecret, licenseKey: mall.licenseKey };
    };
    const placeStarted = performance.now();
    const credentials = await mallShop(count);
    const placeMs = performance.now() - placeStarted;

    // The bench's context with the sandbox as RMS; the mall client counts and times its calls.
    const base = createContext(t.database.db, t.ctx.jobs, {
      secretKey: randomBytes(32),
      apiUrls: { rakuten: sandbox.url },
      clock,
    });
    let httpMs = 0;
    const timed = async <T>(work: Promise<T>): Promise<T> => {
      const started = performance.now();
      try {
        return await work;
      } finally {
        httpMs += performance.now() - started;
      }
    };
    // Each page's read is timed as it is awaited: the import writes between pages.
    async function* timedPages(pages: OrderChanges["pages"]) {
      const it = pages[Symbol.asyncIterator]();
      for (;;) {
        const next = await timed(it.next());
        if (next.done) return;
        yield next.value;
      }
    }
    const ctx = {
      ...base,
      channelClients: (shop: Parameters<typeof base.channelClients>[0]): ChannelClients => {
        const clients = base.channelClients(shop);
        const source = clients.source;
        if (!source) return clients;
        return {
          ...clients,
          source: {
            ...source,
            fetchChanges: async (cursor, at) => {
              const changes = await timed(source.fetchChanges(cursor, at));
              return { ...changes, pages: timedPages(changes.pages) };
            },
            getOrders: (numbers) => timed(source.getOrders(numbers)),
          },
        };
      },
    };
    const connect = (name: string, creds: Record<string, string>) =>
      createShop(ctx, t.accountId, {
        channel: "rakuten",
        name,
        settings: { importEnabled: false, syncEnabled: false, gracePeriodMinutes: GRACE_MINUTES },
        credentials: creds,
      });
    const shop = await connect("楽天ベンチ店", credentials);

    const started = performance.now();
    const { result: measured, rss } = await sampleRss(() =>
      watchBackends(t.database.kind, t.raw, runShopImport(ctx, shop.id)),
    );
    const { result: summary, backends } = measured;
    const ms = performance.now() - started;
    if (!summary) throw new Error("runShopImport found the shop leased");

    const { rows } = await t.raw.query(
      `select count(*)::int as n, count(*) filter (where status = 'new')::int as fresh
         from orders where shop_id = $1`,
      [shop.id],
    );
    // What the mall saw (its call log keeps the last 20,000 calls).
    const calls = async (path: string) => {
      const res = await fetch(`${sandbox.url}/_sandbox/calls?path=${encodeURIComponent(path)}`);
      return Number(((await res.json()) as { count: number }).count);
    };
    const searchCalls = await calls("/es/2.0/order/searchOrder");
    const getOrderCalls = await calls("/es/2.0/order/getOrder");
    const raw = await rawRegister(t, count, 500, "RAWIMP-");

    // Statements per imported order: a small import of another shop on a recording handle.
    const probeShop = await uncounted(async () =>
      connect("楽天ベンチ店(計数)", await mallShop(PROBE_ORDERS)),
    );
    const { result: probed, count: probe } = await countWhile(() => runShopImport(ctx, probeShop.id));
    if (probed?.counts.created !== PROBE_ORDERS)
      throw new Error(`probe import created ${probed?.counts.created} of ${PROBE_ORDERS}`);
    return {
      count,
      ms,
      perSecond: perSecond(count, ms),
      placeMs,
      searchCalls,
      getOrderCalls,
      httpMs,
      found: summary.found,
      created: summary.counts.created,
      status: summary.status,
      stored: Number(rows[0]?.n),
      inNew: Number(rows[0]?.fresh),
      errors: summary.errors.slice(0, 3).map((e) => `${e.mallOrderNumber ?? ""} ${e.code}: ${e.message}`),
      raw,
      probe,
      probeOrders: PROBE_ORDERS,
      rss,
      backends,
    };
  } finally {
    await sandbox.close();
  }
}

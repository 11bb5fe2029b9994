import { and, asc, eq, gte, isNull, lt, notInArray, or, sql } from "drizzle-orm";
import { importRuns, orders, shopImports, shops } from "#server/db/schema.ts";
import type { ShopSettings } from "#server/domain/shop-settings.ts";
import type { OrderSource } from "#server/ports/channel.ts";
import { MallError, type MallOrder } from "#server/ports/mall.ts";
import type { AppContext } from "../context.ts";
import { recordWebhookEvent } from "../webhooks/record-event.ts";
import { applyMallOrders } from "./apply-mall-orders.ts";
import { orderSourceOf } from "./channel-clients.ts";
import type { ImportOutcome } from "./import-mall-order.ts";

/** Open orders re-read per poll to catch the mall's changes and cancellations (there is no webhook). */
const RECHECK_PER_RUN = 300;
/** Orders written per transaction: one round trip per order would bound import by latency. */
const ORDERS_PER_TRANSACTION = 100;

/** What became of each order read: created + updated + unchanged + skipped + failed = seen. */
type RunCounts = Record<ImportOutcome | "failed", number>;

export type ImportRunSummary = {
  runId: string;
  status: "succeeded" | "failed";
  window: { from: Date; to: Date };
  found: number;
  /** Every order read this run (found by the search, then open ones re-checked): the counts add up to it. */
  seen: number;
  counts: RunCounts;
  errors: { mallOrderNumber?: string; code: string; message: string }[];
};

/**
 * One poll of one shop (受注取込): fetch what changed since the shop's cursor, page by page, then the
 * open orders due a re-check, write them in batches, and move the cursor only when all of it has
 * committed — a poll that fails or dies half-way leaves the cursor where it was, and the next poll
 * does it again. What the cursor means is the channel's own business.
 */
export async function runShopImport(ctx: AppContext, shopId: string): Promise<ImportRunSummary | null> {
  const startedAt = ctx.clock.now();
  const leaseToken = ctx.newId();
  const lease = await takeLease(ctx, shopId, leaseToken, startedAt);
  if (!lease) return null;
  const { shop, cursor } = lease;
  const settings = shop.settings as ShopSettings;
  const recheckDays = ctx.channels.get(shop.channel)?.capabilities.recheckDays ?? 0;
  const runId = ctx.newId();
  const counts: RunCounts = { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 };
  const errors: ImportRunSummary["errors"] = [];
  const read = { seen: 0 };
  const run = { counts, errors, read };
  let window = { from: startedAt, to: startedAt };
  let found = 0;
  let nextCursor: string | null = null;
  // Logged before the channel is asked: a run killed while fetching shows as interrupted.
  await ctx.db.insert(importRuns).values({
    id: runId,
    accountId: shop.accountId,
    shopId,
    startedAt,
    windowFrom: window.from,
    windowTo: window.to,
    status: "running",
    testImport: settings.testImportMode,
  });
  try {
    const source = orderSourceOf(ctx, shop);
    const changes = await source.fetchChanges(cursor, {
      now: startedAt,
      pollMinutes: settings.importIntervalMinutes,
    });
    ({ window, found } = changes);
    await ctx.db
      .update(importRuns)
      .set({ windowFrom: window.from, windowTo: window.to })
      .where(eq(importRuns.id, runId));
    const fetched = new Set<string>();
    for await (const page of readingAhead(changes.pages)) {
      for (const o of page.orders) fetched.add(o.mallOrderNumber);
      for (const n of page.missing) fetched.add(n);
      await importPage(ctx, shop, page, settings.testImportMode, run);
    }
    if (errors.length === 0) nextCursor = changes.cursor;
    // An order the fetch listed and that failed is not read twice in one run (once is counted once).
    const recheck = (await dueForRecheck(ctx, shopId, startedAt, recheckDays)).filter((n) => !fetched.has(n));
    await importBatches(ctx, shop, source, recheck, settings.testImportMode, run);
  } catch (error) {
    if (!(error instanceof MallError)) throw error;
    errors.push({ code: error.code, message: error.message });
  } finally {
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(importRuns)
        .set({
          finishedAt: ctx.clock.now(),
          status: errors.length ? "failed" : "succeeded",
          found,
          seen: read.seen,
          ...counts,
          errors,
        })
        .where(eq(importRuns.id, runId));
      await tx
        .update(shopImports)
        .set({ leaseUntil: null, leaseToken: null, ...(nextCursor !== null ? { cursor: nextCursor } : {}) })
        .where(and(eq(shopImports.shopId, shopId), eq(shopImports.leaseToken, leaseToken)));
      if (errors.length) {
        const data = { kind: "mall", runId, shopId, failed: counts.failed, errors: errors.slice(0, 10) };
        await recordWebhookEvent(ctx, tx, shop.accountId, [{ type: "import.failed", data }]);
      }
    });
  }
  return {
    runId,
    status: errors.length ? "failed" : "succeeded",
    window,
    found,
    seen: read.seen,
    counts,
    errors,
  };
}

async function takeLease(ctx: AppContext, shopId: string, token: string, now: Date) {
  return ctx.db.transaction(async (tx) => {
    const [shop] = await tx.select().from(shops).where(eq(shops.id, shopId));
    if (!shop) return null;
    await tx
      .insert(shopImports)
      .values({ shopId, accountId: shop.accountId, nextRunAt: now })
      .onConflictDoNothing();
    const [taken] = await tx
      .update(shopImports)
      .set({ leaseUntil: new Date(now.getTime() + ctx.importLeaseMs), leaseToken: token })
      .where(
        and(
          eq(shopImports.shopId, shopId),
          or(isNull(shopImports.leaseUntil), lt(shopImports.leaseUntil, now)),
        ),
      )
      .returning({ cursor: shopImports.cursor });
    if (!taken) return null;
    // A run that died holding the lease never wrote its end: say so in the log.
    await tx
      .update(importRuns)
      .set({ status: "interrupted", finishedAt: now })
      .where(and(eq(importRuns.shopId, shopId), eq(importRuns.status, "running")));
    return { shop, cursor: taken.cursor };
  });
}

type Run = { counts: RunCounts; errors: ImportRunSummary["errors"]; read: { seen: number } };

/** One page of the channel's changes in one transaction; a number listed but not handed out is an error. */
async function importPage(
  ctx: AppContext,
  shop: typeof shops.$inferSelect,
  page: { orders: MallOrder[]; missing: string[] },
  testImport: boolean,
  run: Run,
): Promise<void> {
  run.read.seen += page.orders.length + page.missing.length;
  // Found by the channel but not handed out: an error, so the cursor waits and the next poll asks again.
  for (const n of page.missing) {
    run.counts.failed++;
    run.errors.push({
      mallOrderNumber: n,
      code: "import.order_not_returned",
      message: "検索で見つかった注文の詳細をモールが返しませんでした。次回の取込で再取得します。",
    });
  }
  const { outcomes, failures } = await applyMallOrders(ctx, shop, page.orders, testImport);
  for (const o of outcomes) run.counts[o]++;
  run.counts.failed += failures.length;
  run.errors.push(...failures);
}

/** Known orders read again by number, a transaction per batch. */
async function importBatches(
  ctx: AppContext,
  shop: typeof shops.$inferSelect,
  source: OrderSource,
  numbers: readonly string[],
  testImport: boolean,
  run: Run,
): Promise<void> {
  async function* pages() {
    for (let i = 0; i < numbers.length; i += ORDERS_PER_TRANSACTION) {
      const asked = numbers.slice(i, i + ORDERS_PER_TRANSACTION);
      const got = await source.getOrders(asked);
      const returned = new Set(got.map((o) => o.mallOrderNumber));
      yield { orders: got, missing: asked.filter((n) => !returned.has(n)) };
    }
  }
  for await (const page of readingAhead(pages())) await importPage(ctx, shop, page, testImport, run);
}

/**
 * The pages, the next one asked for while the current one is written: the mall's latency hides behind
 * the database's. A page that fails to come is an error when its turn comes, after the pages before it.
 */
async function* readingAhead<T>(pages: AsyncIterable<T>): AsyncIterable<T> {
  const it = pages[Symbol.asyncIterator]();
  let next = it.next();
  for (;;) {
    const current = await next;
    if (current.done) return;
    next = it.next();
    // Awaited on the next turn; until then its failure must not count as unhandled.
    next.catch(() => {});
    yield current.value;
  }
}

/** Open imported orders the last polls looked at least recently, within the mall's reach. */
async function dueForRecheck(
  ctx: AppContext,
  shopId: string,
  startedAt: Date,
  recheckDays: number,
): Promise<string[]> {
  if (recheckDays <= 0) return [];
  const rows = await ctx.db
    .select({ number: orders.mallOrderNumber })
    .from(orders)
    .where(
      and(
        eq(orders.shopId, shopId),
        eq(orders.source, "import"),
        isNull(orders.deletedAt),
        isNull(orders.testProcessedAt),
        notInArray(orders.status, ["cancelled", "completed"]),
        gte(orders.orderedAt, new Date(startedAt.getTime() - recheckDays * 86_400_000)),
        lt(orders.mallCheckedAt, startedAt),
      ),
    )
    .orderBy(asc(orders.mallCheckedAt))
    .limit(RECHECK_PER_RUN);
  return rows.map((r) => r.number);
}

/**
 * The scheduler's tick: every shop whose import is on and due gets one import job, and its next
 * run time moves on in the same transaction — two workers ticking together skip each other's rows.
 */
export async function enqueueDueImports(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const polled = ctx.channels.list.filter((c) => c.capabilities.source === "poll").map((c) => c.code);
  if (polled.length === 0) return 0;
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into shop_imports (shop_id, account_id, next_run_at)
      select id, account_id, ${now} from shops
      where channel in ${polled} and (settings->>'importEnabled')::boolean
      on conflict do nothing`);
    const due = await tx
      .select({ shopId: shopImports.shopId, settings: shops.settings })
      .from(shopImports)
      .innerJoin(shops, eq(shops.id, shopImports.shopId))
      .where(
        and(
          lt(shopImports.nextRunAt, new Date(now.getTime() + 1)),
          sql`(${shops.settings}->>'importEnabled')::boolean`,
        ),
      )
      .for("update", { of: shopImports, skipLocked: true });
    for (const d of due) {
      const interval = (d.settings as ShopSettings).importIntervalMinutes ?? 3;
      await ctx.jobs.enqueue(tx, "mall-import", { shopId: d.shopId }, { singletonKey: d.shopId });
      await tx
        .update(shopImports)
        .set({ nextRunAt: new Date(now.getTime() + interval * 60_000) })
        .where(eq(shopImports.shopId, d.shopId));
    }
    return due.length;
  });
}

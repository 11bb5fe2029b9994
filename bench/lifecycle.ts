import { randomBytes, randomUUID } from "node:crypto";
import { startRakutenSandbox } from "#sandbox/rakuten/server.ts";
import { startRslSandbox } from "#sandbox/rsl/server.ts";
import { createContext } from "#server/app/create-context.ts";
import { enqueueGracePeriodEnds } from "#server/app/end-grace-period.ts";
import { runShopImport } from "#server/app/import-shop.ts";
import { pollWarehouseResults } from "#server/app/record-warehouse-results.ts";
import { createShop } from "#server/app/shops.ts";
import { createWarehouse } from "#server/app/warehouses.ts";
import { productMappingComponents, productMappings, products, stock } from "#server/db/schema.ts";
import type { JobName } from "#server/jobs/queue.ts";
import { HANDLERS } from "#server/jobs/workers.ts";
import { perSecond, runPool } from "./lib.ts";
import type { Target } from "./targets.ts";

const ITEM = "bench-mug";

export type LifecycleStage = { stage: string; ms: number; perSecond: number };
export type LifecycleResult = {
  count: number;
  ms: number;
  perSecond: number;
  stages: LifecycleStage[];
  completed: number;
  atMallShipped: number;
  rslRequests: number;
  concurrency: number;
};

/**
 * 受注 → 完了 for `count` orders through both sandboxes over real HTTP: import from RMS, the grace and
 * 注文確認 jobs, the shipment requests to RSL, RSL's results, and updateOrderShipping back to RMS. Each
 * stage drains its pg-boss queue through the real handlers (the workers' own table), so the figure is
 * the pipeline's throughput without the workers' polling pauses.
 */
export async function benchLifecycle(
  t: Target,
  count: number,
  boss: Target["boss"],
  onStage: (done: LifecycleStage) => void = () => {},
): Promise<LifecycleResult> {
  const clock = { now: () => new Date() };
  const rakuten = await startRakutenSandbox({ now: clock.now });
  const rsl = await startRslSandbox({ now: clock.now, pickingAfterMinutes: 0, shipAfterMinutes: 0 });
  const concurrency = t.database.kind === "postgres" ? 8 : 1;
  try {
    const control = async (base: string, path: string, body: unknown) => {
      const res = await fetch(`${base}/_sandbox${path}`, { method: "POST", body: JSON.stringify(body) });
      const text = await res.text();
      if (res.status >= 400) throw new Error(`sandbox POST ${path} → ${res.status}: ${text}`);
      return JSON.parse(text) as Record<string, unknown>;
    };
    const mall = (await control(rakuten.url, "/shops", {})) as {
      shopId: string;
      serviceSecret: string;
      licenseKey: string;
    };
    // Spread over the 20 hours before the run, as a day of trade: the first poll's 24-hour window sees
    // them all, and RMS's 15,000 hits per search are reached by halving the window, not by one instant.
    const spreadMs = 20 * 3_600_000;
    const from = Date.now() - spreadMs;
    for (let placed = 0; placed < count; placed += 5000) {
      await control(rakuten.url, `/shops/${mall.shopId}/orders/bulk`, {
        count: Math.min(5000, count - placed),
        template: {
          orderedAt: new Date(from + (placed * spreadMs) / count).toISOString(),
          packages: [{ items: [{ manageNumber: ITEM, itemName: "ベンチ マグ", price: 1500, units: 1 }] }],
        },
        intervalSeconds: spreadMs / 1000 / count,
      });
    }
    const merchant = (await control(rsl.url, "/merchants", { autoRegisterProducts: true })) as {
      apiKey: string;
    };
    const ctx = {
      ...createContext(t.database.db, t.ctx.jobs, {
        secretKey: randomBytes(32),
        rakutenApiUrl: rakuten.url,
        rslApiUrl: rsl.url,
        clock,
      }),
      importLeaseMs: 60 * 60_000,
    };
    const warehouseId = await createWarehouse(ctx, t.accountId, {
      name: "RSL(ベンチ)",
      kind: "rsl",
      credentials: { apiKey: merchant.apiKey },
    });
    const syncStartAt = new Date(Date.now() + 1000).toISOString();
    const shop = await createShop(ctx, t.accountId, {
      channel: "rakuten",
      name: "楽天ベンチ店(一連)",
      settings: {
        importEnabled: false,
        syncEnabled: true,
        syncStartAt,
        gracePeriodMinutes: 0,
        shipmentRequestDelayMinutes: 0,
        warehouseId,
      },
      credentials: { serviceSecret: mall.serviceSecret, licenseKey: mall.licenseKey },
    });
    await new Promise((r) => setTimeout(r, 1100));
    const productId = randomUUID();
    const mappingId = randomUUID();
    await ctx.db.transaction(async (tx) => {
      await tx
        .insert(products)
        .values({ id: productId, accountId: t.accountId, sku: "MUG-LIFE", name: "マグ" });
      await tx
        .insert(stock)
        .values({ productId, warehouseId, accountId: t.accountId, onHand: 1_000_000_000, allocated: 0 });
      await tx
        .insert(productMappings)
        .values({ id: mappingId, accountId: t.accountId, shopId: shop.id, mallItemCode: ITEM });
      await tx.insert(productMappingComponents).values({ mappingId, productId, quantity: 1 });
    });

    const drain = async (name: JobName) => {
      let ran = 0;
      for (;;) {
        const batch = await boss.fetch<Record<string, unknown>>(name, { batchSize: 100 });
        if (batch.length === 0) return ran;
        await runPool(batch.length, concurrency, async (i) => {
          const job = batch[i];
          if (!job) return;
          const [error] = await HANDLERS[name](ctx, [job.data]);
          if (error) throw error;
          await boss.complete(name, job.id);
        });
        ran += batch.length;
      }
    };
    const stages: LifecycleStage[] = [];
    const stage = async (name: string, work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      const ms = performance.now() - started;
      const done = { stage: name, ms, perSecond: perSecond(count, ms) };
      stages.push(done);
      onStage(done);
    };
    const started = performance.now();
    await stage("受注取込 (searchOrder + getOrder)", () => runShopImport(ctx, shop.id));
    await stage("新規受付 → 出荷待ち (引当) + 注文確認", async () => {
      await enqueueGracePeriodEnds(ctx);
      await drain("grace-period-over");
      await drain("mall-confirm-order");
    });
    await stage("出荷依頼 (RSL)", () => drain("shipment-request"));
    await stage("出荷実績 → 全出荷済", async () => {
      while ((await pollWarehouseResults(ctx, warehouseId)) > 0);
    });
    await stage("出荷報告 (updateOrderShipping) → 完了", () => drain("mall-report-shipping"));
    const ms = performance.now() - started;

    const { rows } = await t.raw.query(
      `select count(*) filter (where status = 'completed')::int as done from orders where shop_id = $1`,
      [shop.id],
    );
    const calls = async (base: string, path: string) => {
      const res = await fetch(`${base}/_sandbox/calls?path=${encodeURIComponent(path)}`);
      const body = (await res.json()) as { count?: number; items?: unknown[] };
      return Number(body.count ?? body.items?.length ?? 0);
    };
    return {
      count,
      ms,
      perSecond: perSecond(count, ms),
      stages,
      completed: Number(rows[0]?.done),
      atMallShipped: await calls(rakuten.url, "/es/2.0/order/updateOrderShipping"),
      rslRequests: await calls(rsl.url, "/api/v1/shipment-requests"),
      concurrency,
    };
  } finally {
    await rakuten.close();
    await rsl.close();
  }
}

import { randomUUID } from "node:crypto";
import { startRakutenSandbox } from "#sandbox/rakuten/server.ts";
import { startRslSandbox } from "#sandbox/rsl/server.ts";
import { createShop } from "#server/app/channels/shops.ts";
import { createWarehouse } from "#server/app/shipping/warehouses.ts";
import { createContext } from "#server/compose.ts";
import { productMappingComponents, productMappings, products, stock } from "#server/db/schema.ts";
import type { Target } from "./targets.ts";

const ITEM = "bench-mug";

/** The two sandboxes a lifecycle run talks to over HTTP, shared by every run of one database. */
export type Sandboxes = { rakutenUrl: string; rslUrl: string; close(): Promise<void> };

export async function startSandboxes(): Promise<Sandboxes> {
  const rakuten = await startRakutenSandbox();
  // Picked and shipped as soon as asked: the warehouse floor is not what is measured.
  const rsl = await startRslSandbox({ pickingAfterMinutes: 0, shipAfterMinutes: 0 });
  return {
    rakutenUrl: rakuten.url,
    rslUrl: rsl.url,
    close: async () => {
      await rakuten.close();
      await rsl.close();
    },
  };
}

export async function control(base: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}/_sandbox${path}`, { method: "POST", body: JSON.stringify(body) });
  const text = await res.text();
  if (res.status >= 400) throw new Error(`sandbox POST ${path} → ${res.status}: ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

export type LifecycleShop = {
  shopId: string;
  warehouseId: string;
  mallShopId: string;
  rslMerchantId: string;
  count: number;
};

/**
 * One run's merchant side: `count` paid orders in a fresh RMS shop (spread over the 20 h before now,
 * so the first poll's 24-hour window sees them all), a fresh RSL warehouse with its stock, and a
 * rakuten shop with import and sync on, grace 0, shipment request at once — what a merchant who
 * ships everything the same day would set. Nothing moves until workers run.
 */
export async function placeLifecycleShop(
  t: Target,
  sandboxes: Sandboxes,
  secretKey: Buffer,
  count: number,
  name: string,
): Promise<LifecycleShop> {
  const mall = (await control(sandboxes.rakutenUrl, "/shops", {})) as {
    shopId: string;
    serviceSecret: string;
    licenseKey: string;
  };
  const spreadMs = 20 * 3_600_000;
  const from = Date.now() - spreadMs;
  for (let placed = 0; placed < count; placed += 5000) {
    await control(sandboxes.rakutenUrl, `/shops/${mall.shopId}/orders/bulk`, {
      count: Math.min(5000, count - placed),
      template: {
        orderedAt: new Date(from + (placed * spreadMs) / count).toISOString(),
        packages: [{ items: [{ manageNumber: ITEM, itemName: "ベンチ マグ", price: 1500, units: 1 }] }],
      },
      intervalSeconds: spreadMs / 1000 / count,
    });
  }
  const merchant = (await control(sandboxes.rslUrl, "/merchants", { autoRegisterProducts: true })) as {
    merchantId: string;
    apiKey: string;
  };
  const ctx = createContext(t.database.db, t.ctx.jobs, {
    secretKey,
    apiUrls: { rakuten: sandboxes.rakutenUrl },
  });
  const warehouseId = await createWarehouse(ctx, t.accountId, {
    name: `RSL(${name})`,
    kind: "rsl",
    credentials: { apiKey: merchant.apiKey },
    // The shortest interval the settings allow: results are read a minute after the request at most.
    settings: { resultPollMinutes: 1 },
  });
  const shop = await createShop(ctx, t.accountId, {
    channel: "rakuten",
    name: `楽天ベンチ店(${name})`,
    settings: {
      importEnabled: false,
      syncEnabled: true,
      // Sync may not start in the past: a second from now, and the run starts after it.
      syncStartAt: new Date(Date.now() + 1000).toISOString(),
      gracePeriodMinutes: 0,
      shipmentRequestDelayMinutes: 0,
      warehouseId,
    },
    credentials: { serviceSecret: mall.serviceSecret, licenseKey: mall.licenseKey },
  });
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const productId = randomUUID();
  const mappingId = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(products)
      .values({ id: productId, accountId: t.accountId, sku: `MUG-${name}`, name: "マグ" });
    await tx
      .insert(stock)
      .values({ productId, warehouseId, accountId: t.accountId, onHand: 1_000_000_000, allocated: 0 });
    await tx
      .insert(productMappings)
      .values({ id: mappingId, accountId: t.accountId, shopId: shop.id, mallItemCode: ITEM });
    await tx.insert(productMappingComponents).values({ mappingId, productId, quantity: 1 });
  });
  return {
    shopId: shop.id,
    warehouseId,
    mallShopId: mall.shopId,
    rslMerchantId: merchant.merchantId,
    count,
  };
}

/** Import on (the workers' scheduler picks the shop up at its next tick) or off once the run is over. */
export async function setImport(t: Target, shopId: string, enabled: boolean): Promise<void> {
  await t.raw.query(
    `update shops set settings = settings || jsonb_build_object('importEnabled', $2::boolean) where id = $1`,
    [shopId, enabled],
  );
}

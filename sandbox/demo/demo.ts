import { and, eq } from "drizzle-orm";
import { type RakutenSandbox, startRakutenSandbox } from "#sandbox/rakuten/server.ts";
import { changeStock } from "#server/app/change-stock.ts";
import type { Actor, AppContext } from "#server/app/context.ts";
import { createAccount } from "#server/app/create-account.ts";
import { createProductMapping } from "#server/app/create-product-mapping.ts";
import { runShopImport } from "#server/app/import-shop.ts";
import { copyStandardTemplate, saveShopMailSettings } from "#server/app/mail-settings.ts";
import { createProduct } from "#server/app/products.ts";
import { logIn, logOut } from "#server/app/sessions.ts";
import { createShop, updateShop } from "#server/app/shops.ts";
import { updateWarehouse } from "#server/app/warehouses.ts";
import { listProducts } from "#server/db/product-queries.ts";
import { shops, warehouses } from "#server/db/schema.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import { HOJICHA, MYSTERY, RETIRED, SENCHA } from "../../web/e2e/seed.ts";
import { type CatalogueItem, startBuyer } from "./buyer.ts";

/**
 * `npm start -- --demo`: Juchu on its own PGlite folder, the Rakuten RMS sandbox in the same process,
 * a demo account and 楽天 shop wired to it, and a buyer placing orders every few seconds.
 */

export const DEMO_EMAIL = "demo@juchu.example";
export const DEMO_PASSWORD = "juchu-demo-pass";
const ACCOUNT_NAME = "デモ商店";
const SHOP_NAME = "楽天市場店";
const ACTOR: Actor = { kind: "system", job: "demo" };

/** The e2e seed's catalogue: three products in stock and mapped; 販売終了の福袋 is left unmapped on purpose. */
const PRODUCTS = [
  { sku: "TEA-100", name: "静岡煎茶 100g", onHand: 500, item: SENCHA },
  { sku: "TEA-200", name: "京ほうじ茶 200g", onHand: 300, item: HOJICHA },
  { sku: "TEA-300", name: "季節の限定茶 50g", onHand: 40, item: MYSTERY },
] as const;
const CATALOGUE: CatalogueItem[] = [
  ...PRODUCTS.map((p) => ({ manageNumber: p.item.mallItemCode, name: p.item.name, price: p.item.unitPrice })),
  { manageNumber: RETIRED.mallItemCode, name: RETIRED.name, price: RETIRED.unitPrice, rare: true },
];

export type DemoArgs = { intervalSeconds: number };

export function parseDemoArgs(args: readonly string[]): DemoArgs {
  const given = args.find((a) => a.startsWith("--demo-interval="))?.slice("--demo-interval=".length);
  const intervalSeconds = given === undefined ? 8 : Number(given);
  if (!Number.isFinite(intervalSeconds) || intervalSeconds <= 0) {
    throw new Error(`--demo-interval must be a positive number of seconds, got "${given}"`);
  }
  return { intervalSeconds };
}

export type Demo = {
  /** Overrides for loadConfig: ./data-demo unless JUCHU_DATA_DIR is set. */
  configOverrides: { dataDir?: string };
  rakutenApiUrl: string;
  /** Sets up the account, shop and catalogue, then starts the buyer. */
  attach(ctx: AppContext): Promise<void>;
  stop(): Promise<void>;
};

/** Starts the sandbox first, so the Rakuten client can be pointed at it when the context is built. */
export async function openDemo(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Demo> {
  const { intervalSeconds } = parseDemoArgs(args);
  const sandbox = await startRakutenSandbox();
  let buyer: { stop(): void } | null = null;
  let stopped = false;
  let cancelFirstImport = () => {};
  return {
    configOverrides: env.JUCHU_DATA_DIR ? {} : { dataDir: "./data-demo" },
    rakutenApiUrl: sandbox.url,
    async attach(ctx) {
      const { shopId, mallShopId, created } = await setUp(ctx, sandbox);
      printWelcome(sandbox, mallShopId, created, intervalSeconds);
      if (stopped) return;
      let firstImport: NodeJS.Timeout | undefined;
      buyer = startBuyer({
        sandboxUrl: sandbox.url,
        mallShopId,
        catalogue: CATALOGUE,
        intervalMs: intervalSeconds * 1000,
        onPlaced: (count) => {
          // The scheduler ticks every 15 s and then imports every minute: the first orders come in
          // now — a moment after the first one, as the mall's search window ends at whole seconds.
          if (count !== 1) return;
          firstImport = setTimeout(() => {
            runShopImport(ctx, shopId)
              .then((run) => {
                if (run) console.log(`[デモ] 受注取込: ${run.counts.created}件を取り込みました`);
              })
              .catch((error) => console.error("[デモ] 受注取込に失敗しました:", error));
          }, 2000);
        },
      });
      cancelFirstImport = () => clearTimeout(firstImport);
    },
    async stop() {
      stopped = true;
      buyer?.stop();
      cancelFirstImport();
      await sandbox.close();
    },
  };
}

async function mallShop(sandbox: RakutenSandbox, shopId: string) {
  const res = await fetch(`${sandbox.url}/_sandbox/shops`, {
    method: "POST",
    body: JSON.stringify({ shopId, name: ACCOUNT_NAME }),
  });
  if (res.status !== 201) throw new Error(`sandbox shop: ${res.status} ${await res.text()}`);
  return (await res.json()) as { shopId: string; serviceSecret: string; licenseKey: string };
}

/**
 * Order numbers are `<shopId>-<date>-<serial>` and the sandbox's serials start again at 1 in every
 * process: a new mall shop id each start keeps them from meeting the orders imported last time.
 */
function freshMallShopId(): string {
  return String(100_000 + (Math.floor(Date.now() / 1000) % 900_000));
}

async function demoAccount(ctx: AppContext): Promise<{ accountId: string; created: boolean }> {
  try {
    const { accountId } = await createAccount(ctx, {
      name: ACCOUNT_NAME,
      email: DEMO_EMAIL,
      password: DEMO_PASSWORD,
    });
    return { accountId, created: true };
  } catch (error) {
    if (!(error instanceof Refusal && error.code === "account.email_taken")) throw error;
  }
  const { token, user } = await logIn(ctx, { email: DEMO_EMAIL, password: DEMO_PASSWORD });
  await logOut(ctx.db, token);
  return { accountId: user.accountId, created: false };
}

async function setUp(ctx: AppContext, sandbox: RakutenSandbox) {
  const { accountId, created } = await demoAccount(ctx);
  const mall = await mallShop(sandbox, freshMallShopId());
  const credentials = { serviceSecret: mall.serviceSecret, licenseKey: mall.licenseKey };
  const [existing] = await ctx.db
    .select({ id: shops.id })
    .from(shops)
    .where(and(eq(shops.accountId, accountId), eq(shops.name, SHOP_NAME)));
  let shopId: string;
  if (existing) {
    shopId = existing.id;
    await updateShop(ctx, accountId, shopId, { credentials });
  } else {
    // A whole second ahead, so the start time is never in the past when the shop is saved.
    const syncStartAt = toTokyoIso(new Date(Math.ceil((ctx.clock.now().getTime() + 5000) / 1000) * 1000));
    const shop = await createShop(ctx, accountId, {
      channel: "rakuten",
      name: SHOP_NAME,
      credentials,
      settings: {
        gracePeriodMinutes: 1,
        shipmentRequestDelayMinutes: 1,
        importEnabled: true,
        importIntervalMinutes: 1,
        syncEnabled: true,
        syncStartAt,
      },
    });
    shopId = shop.id;
    await demoMail(ctx, accountId, shopId);
    for (const p of PRODUCTS) {
      const productId = await ensureProduct(ctx, accountId, p);
      await createProductMapping(ctx, ACTOR, accountId, {
        shopId,
        mallItemCode: p.item.mallItemCode,
        mallSkuCode: "",
        components: [{ productId, quantity: 1 }],
      });
    }
  }
  return { accountId, shopId, mallShopId: mall.shopId, created };
}

/**
 * The standard mails, on for the demo shop, and the stock room's ご依頼主 for its carrier slips. No SMTP
 * is set, so the mails are kept in メールログ as 未送信 — the demo never mails anyone.
 */
async function demoMail(ctx: AppContext, accountId: string, shopId: string): Promise<void> {
  const items = [];
  for (const key of ["thanks", "shipping", "cancelled"]) {
    const { categoryId, templateId } = await copyStandardTemplate(ctx, accountId, key);
    items.push({ categoryId, enabled: true, templateId });
  }
  await saveShopMailSettings(ctx, accountId, shopId, items);
  const [stockRoom] = await ctx.db
    .select({ id: warehouses.id })
    .from(warehouses)
    .where(eq(warehouses.accountId, accountId));
  if (stockRoom) {
    await updateWarehouse(ctx, accountId, stockRoom.id, {
      settings: {
        sender: {
          name: ACCOUNT_NAME,
          postalCode: "150-0001",
          prefecture: "東京都",
          address1: "渋谷区神宮前1-2-3",
          phone: "03-1234-5678",
        },
      },
    });
  }
}

async function ensureProduct(ctx: AppContext, accountId: string, p: (typeof PRODUCTS)[number]) {
  const found = await listProducts(ctx.db, accountId, { q: p.sku, limit: 10 });
  const same = found.items.find((i) => i.sku === p.sku);
  if (same) return same.id;
  const productId = await createProduct(ctx, accountId, { sku: p.sku, name: p.name });
  await changeStock(ctx, ACTOR, accountId, productId, { onHand: p.onHand });
  return productId;
}

function printWelcome(
  sandbox: RakutenSandbox,
  mallShopId: string,
  created: boolean,
  intervalSeconds: number,
) {
  console.log(
    [
      "",
      "──────── Juchu デモ / demo ────────",
      `${created ? "デモアカウントを作成しました" : "デモアカウント"} / demo account${created ? " created" : ""}`,
      `  メールアドレス / email:    ${DEMO_EMAIL}`,
      `  パスワード / password:     ${DEMO_PASSWORD}`,
      `楽天 RMS サンドボックス / Rakuten RMS sandbox: ${sandbox.url} (店舗 / shop ${mallShopId})`,
      `購入者が${intervalSeconds}秒ごとに注文します / a buyer orders every ${intervalSeconds} s`,
      "───────────────────────────────────",
      "",
    ].join("\n"),
  );
}

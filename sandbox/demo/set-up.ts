import { and, eq } from "drizzle-orm";
import type { RakutenSandbox } from "#sandbox/rakuten/server.ts";
import type { RslSandbox } from "#sandbox/rsl/server.ts";
import { createAccount } from "#server/app/account/create-account.ts";
import { logIn, logOut } from "#server/app/account/sessions.ts";
import { createProductMapping } from "#server/app/catalog/create-product-mapping.ts";
import { createProduct } from "#server/app/catalog/products.ts";
import { confirmSetupItem } from "#server/app/channels/setup-checklist.ts";
import { createShop, updateShop } from "#server/app/channels/shops.ts";
import type { Actor, AppContext } from "#server/app/context.ts";
import { copyStandardTemplate, saveShopMailSettings } from "#server/app/mail/mail-settings.ts";
import { createWarehouse, updateWarehouse } from "#server/app/shipping/warehouses.ts";
import { changeStock } from "#server/app/stock/change-stock.ts";
import { listProducts } from "#server/db/catalog/product-queries.ts";
import { shops, warehouses } from "#server/db/schema.ts";
import { inquiryLinkageSchema } from "#server/domain/inquiry-linkage.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { SETUP_ITEM_CODES } from "#server/domain/setup-checklist.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import { demoB2b } from "./b2b.ts";
import { HOJICHA, MYSTERY, SENCHA } from "./catalogue.ts";

/**
 * The demo's data: its account, its two 楽天 shops on this run's sandbox mall (one shipping from the own
 * stock room, one through the RSL warehouse), their catalogue and mails — made the first time, and
 * pointed at this run's sandboxes on every later start.
 */

export const DEMO_EMAIL = "demo@juchu.example";
export const DEMO_PASSWORD = "juchu-demo-pass";
const ACCOUNT_NAME = "デモ商店";
const SHOP_NAME = "楽天市場店";
const RSL_SHOP_NAME = "楽天市場店(RSL出荷)";
const RSL_WAREHOUSE_NAME = "楽天スーパーロジスティクス";
const ACTOR: Actor = { kind: "system", job: "demo" };

/** The demo's catalogue (catalogue.ts): three products in stock and mapped; 販売終了の福袋 is left unmapped on purpose. */
export const PRODUCTS = [
  { sku: "TEA-100", name: "静岡煎茶 100g", onHand: 500, item: SENCHA },
  { sku: "TEA-200", name: "京ほうじ茶 200g", onHand: 300, item: HOJICHA },
  { sku: "TEA-300", name: "季節の限定茶 50g", onHand: 40, item: MYSTERY },
] as const;
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
 * process: new mall shop ids each start (this one and the next) keep them from meeting the orders
 * imported last time.
 */
function freshMallShopId(): number {
  return 100_000 + (Math.floor(Date.now() / 2000) % 449_999) * 2;
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
  const { token, user } = await logIn(ctx, {
    email: DEMO_EMAIL,
    password: DEMO_PASSWORD,
    address: "demo",
    userAgent: null,
  });
  await logOut(ctx.db, token);
  return { accountId: user.accountId, created: false };
}

export type DemoShop = { shopId: string; mallShopId: string; name: string; created: boolean };

export async function setUp(ctx: AppContext, sandbox: RakutenSandbox, rsl: RslSandbox) {
  const { accountId, created } = await demoAccount(ctx);
  const mallShopId = freshMallShopId();
  const stockRoomShop = await demoShop(ctx, sandbox, accountId, SHOP_NAME, mallShopId, null);
  const rslWarehouseId = await demoRslWarehouse(ctx, rsl, accountId);
  const rslShop = await demoShop(ctx, sandbox, accountId, RSL_SHOP_NAME, mallShopId + 1, rslWarehouseId);
  const shopsMade = [stockRoomShop, rslShop].filter((s) => s.created).map((s) => s.shopId);
  if (shopsMade.length > 0) await demoMail(ctx, accountId, shopsMade);
  await demoB2b(ctx, accountId);
  return { accountId, created, shops: [stockRoomShop, rslShop] };
}

/** A 楽天 shop on a new mall shop of this run's sandbox; made with its mappings the first time. */
async function demoShop(
  ctx: AppContext,
  sandbox: RakutenSandbox,
  accountId: string,
  name: string,
  mallShopNumber: number,
  warehouseId: string | null,
): Promise<DemoShop> {
  const mall = await mallShop(sandbox, String(mallShopNumber));
  const credentials = { serviceSecret: mall.serviceSecret, licenseKey: mall.licenseKey };
  const [existing] = await ctx.db
    .select({ id: shops.id })
    .from(shops)
    .where(and(eq(shops.accountId, accountId), eq(shops.name, name)));
  if (existing) {
    await updateShop(ctx, accountId, existing.id, { credentials });
    return { shopId: existing.id, mallShopId: mall.shopId, name, created: false };
  }
  const shop = await createShop(ctx, accountId, {
    channel: "rakuten",
    name,
    credentials,
    settings: {
      gracePeriodMinutes: 1,
      shipmentRequestDelayMinutes: 1,
      importEnabled: true,
      importIntervalMinutes: 1,
      returnStockOnCancel: true,
      inquiryLinkage: inquiryLinkageSchema.parse({ enabled: true }),
      ...(warehouseId ? { warehouseId } : {}),
    },
  });
  // The demo shop is set up already: its checklist is confirmed as a merchant would, then 受注連動 starts.
  for (const item of SETUP_ITEM_CODES) await confirmSetupItem(ctx, ACTOR, accountId, shop.id, item, true);
  // A whole second ahead, so the start time is never in the past when the shop is saved.
  const syncStartAt = toTokyoIso(new Date(Math.ceil((ctx.clock.now().getTime() + 5000) / 1000) * 1000));
  await updateShop(ctx, accountId, shop.id, { settings: { syncEnabled: true, syncStartAt } });
  for (const p of PRODUCTS) {
    const productId = await ensureProduct(ctx, accountId, p);
    await createProductMapping(ctx, ACTOR, accountId, {
      shopId: shop.id,
      mallItemCode: p.item.mallItemCode,
      mallSkuCode: "",
      components: [{ productId, quantity: 1 }],
    });
  }
  return { shopId: shop.id, mallShopId: mall.shopId, name, created: true };
}

/**
 * The RSL warehouse, on this run's RSL sandbox (a new merchant and API key each start, as the sandbox
 * keeps nothing), with Juchu's stock of every product there the first time and results read every minute.
 */
async function demoRslWarehouse(ctx: AppContext, rsl: RslSandbox, accountId: string): Promise<string> {
  const res = await fetch(`${rsl.url}/_sandbox/merchants`, {
    method: "POST",
    body: JSON.stringify({ autoRegisterProducts: true }),
  });
  if (res.status !== 201) throw new Error(`RSL sandbox merchant: ${res.status} ${await res.text()}`);
  const { apiKey } = (await res.json()) as { apiKey: string };
  const [existing] = await ctx.db
    .select({ id: warehouses.id })
    .from(warehouses)
    .where(
      and(
        eq(warehouses.accountId, accountId),
        eq(warehouses.kind, "rsl"),
        eq(warehouses.name, RSL_WAREHOUSE_NAME),
      ),
    );
  if (existing) {
    await updateWarehouse(ctx, accountId, existing.id, { credentials: { apiKey } });
    return existing.id;
  }
  const warehouseId = await createWarehouse(ctx, accountId, {
    name: RSL_WAREHOUSE_NAME,
    kind: "rsl",
    credentials: { apiKey },
    settings: { resultPollMinutes: 1 },
  });
  for (const p of PRODUCTS) {
    const productId = await ensureProduct(ctx, accountId, p);
    await changeStock(ctx, ACTOR, accountId, productId, { onHand: p.onHand, warehouseId });
  }
  return warehouseId;
}

/**
 * The standard mails, on for the demo shops, and the stock room's ご依頼主 and B2 codes for its carrier slips. No SMTP
 * is set, so the mails are kept in メールログ as 未送信 — the demo never mails anyone.
 */
async function demoMail(ctx: AppContext, accountId: string, shopIds: readonly string[]): Promise<void> {
  const items = [];
  for (const key of ["thanks", "shipping", "cancelled"]) {
    const { categoryId, templateId } = await copyStandardTemplate(ctx, accountId, key);
    items.push({ categoryId, enabled: true, templateId });
  }
  for (const shopId of shopIds) await saveShopMailSettings(ctx, accountId, shopId, items);
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
        // A made-up B2クラウド contract, so the stock room's ヤマト送り状CSV downloads out of the box.
        yamatoBillingCustomerCode: "012345678901",
        yamatoFreightNumber: "01",
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

import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { ControlContext, ControlRoute } from "./control-router.ts";
import { controlError, json, parseWith, type Reply } from "./http-reply.ts";
import { presentStock } from "./inventory.ts";
import { DAY_MS } from "./rms-time.ts";
import { type MallState, type Shop, stockKey } from "./state.ts";

/**
 * Shops and their WEB API credentials. A licenseKey lives 90 days at Rakuten; here the expiry is
 * settable so a test can watch a client meet an expired key (ES01-01, like a wrong one).
 */

const LICENSE_DAYS = 90;
const isoDatetime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "ISO 8601 datetime expected");

const shopInput = z.strictObject({
  shopId: z
    .string()
    .regex(/^\d{4,10}$/, "a numeric shop id such as 365811")
    .optional(),
  name: z.string().min(1).max(100).optional(),
  licenseExpiresAt: isoDatetime.optional(),
});

const licenseInput = z.strictObject({ licenseExpiresAt: isoDatetime.optional() });

const stockInput = z.strictObject({
  inventories: z
    .array(
      z.strictObject({
        manageNumber: z.string().regex(/^[a-zA-Z0-9_-]{1,32}$/),
        variantId: z.string().regex(/^[a-zA-Z0-9_-]{1,32}$/),
        quantity: z.number().int().min(0).max(99_999),
      }),
    )
    .max(100_000),
});

const secret = (prefix: string, shopId: string) =>
  `${prefix}${shopId}_${randomBytes(12).toString("base64url")}`;

export const presentShop = (shop: Shop) => ({
  shopId: shop.shopId,
  name: shop.name,
  serviceSecret: shop.serviceSecret,
  licenseKey: shop.licenseKey,
  licenseExpiresAt: shop.licenseExpiresAt.toISOString(),
});

export function withShop(state: MallState, shopId: string | undefined, then: (shop: Shop) => Reply): Reply {
  const shop = shopId === undefined ? undefined : state.shops.get(shopId);
  return shop
    ? then(shop)
    : controlError(404, "shop_not_found", `no shop ${shopId} in the sandbox (POST /_sandbox/shops first)`);
}

function createShop({ state, body }: ControlContext): Reply {
  const input = parseWith(shopInput, body);
  if (!input.ok) return input.reply;
  let shopId = input.value.shopId;
  if (shopId !== undefined && state.shops.has(shopId)) {
    return controlError(409, "shop_exists", `shop ${shopId} exists already`, [
      { field: "shopId", message: "taken" },
    ]);
  }
  while (shopId === undefined || state.shops.has(shopId)) shopId = String(state.next.shopId++);
  const now = state.now();
  const expires = input.value.licenseExpiresAt;
  const shop: Shop = {
    shopId,
    name: input.value.name ?? `サンドボックス店 ${shopId}`,
    serviceSecret: secret("SP", shopId),
    licenseKey: secret("SL", shopId),
    licenseExpiresAt: expires ? new Date(expires) : new Date(now.getTime() + LICENSE_DAYS * DAY_MS),
    orderNumbers: [],
    serial: 0,
    itemIds: new Map(),
    stock: new Map(),
    recentUpserts: [],
  };
  state.shops.set(shopId, shop);
  return json(201, presentShop(shop));
}

/** 新しいライセンスキーを発行: the old key stops working at once. */
function renewLicense({ state, params, body }: ControlContext): Reply {
  return withShop(state, params.shopId, (shop) => {
    const input = parseWith(licenseInput, body);
    if (!input.ok) return input.reply;
    const expires = input.value.licenseExpiresAt;
    shop.licenseKey = secret("SL", shop.shopId);
    shop.licenseExpiresAt = expires
      ? new Date(expires)
      : new Date(state.now().getTime() + LICENSE_DAYS * DAY_MS);
    return json(200, presentShop(shop));
  });
}

function showShop({ state, params }: ControlContext): Reply {
  return withShop(state, params.shopId, (shop) =>
    json(200, { ...presentShop(shop), orders: shop.orderNumbers.length }),
  );
}

function stockOf(shop: Shop): Reply {
  // Code-point order: variantId is case-sensitive at RMS, so "SKU2" and "sku2" are different rows.
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const rows = [...shop.stock.values()].sort(
    (a, b) => byCode(a.manageNumber, b.manageNumber) || byCode(a.variantId, b.variantId),
  );
  return json(200, { shopId: shop.shopId, inventories: rows.map(presentStock) });
}

/** Stock the mall already has before the test starts (absolute quantities). */
function seedStock({ state, params, body }: ControlContext): Reply {
  return withShop(state, params.shopId, (shop) => {
    const input = parseWith(stockInput, body);
    if (!input.ok) return input.reply;
    const now = state.now();
    for (const row of input.value.inventories) {
      const manageNumber = row.manageNumber.toLowerCase();
      const key = stockKey(manageNumber, row.variantId);
      const record = shop.stock.get(key);
      if (record) Object.assign(record, { quantity: row.quantity, updated: now });
      else shop.stock.set(key, { ...row, manageNumber, created: now, updated: now });
    }
    return stockOf(shop);
  });
}

export const shopRoutes: ControlRoute[] = [
  { method: "POST", pattern: "/_sandbox/shops", handle: createShop },
  { method: "GET", pattern: "/_sandbox/shops/:shopId", handle: showShop },
  { method: "POST", pattern: "/_sandbox/shops/:shopId/license", handle: renewLicense },
  {
    method: "GET",
    pattern: "/_sandbox/inventory/:shopId",
    handle: (c) => withShop(c.state, c.params.shopId, stockOf),
  },
  { method: "PUT", pattern: "/_sandbox/inventory/:shopId", handle: seedStock },
];

import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { ControlContext, ControlRoute } from "./control-router.ts";
import { error, json, parseWith, type Reply } from "./http-reply.ts";
import type { Merchant } from "./state.ts";

/** Merchants with their API key and 商品マスタ: RSL ships only SKUs it has registered. */

const merchantInput = z.strictObject({
  merchantId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/)
    .optional(),
  autoRegisterProducts: z.boolean().optional(),
});

const productsInput = z
  .array(z.strictObject({ sku: z.string().min(1).max(64), stock: z.number().int().min(0) }))
  .max(100_000);

function withMerchant(ctx: ControlContext, then: (merchant: Merchant) => Reply): Reply {
  const merchant = ctx.state.merchants.get(ctx.params.merchantId ?? "");
  return merchant
    ? then(merchant)
    : error(
        404,
        "sandbox.merchant_not_found",
        `店舗 ${ctx.params.merchantId} はありません (POST /_sandbox/merchants)`,
      );
}

const productList = (merchant: Merchant) =>
  [...merchant.products]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([sku, stock]) => ({ sku, stock }));

function createMerchant({ state, body }: ControlContext): Reply {
  const input = parseWith(merchantInput, body);
  if (!input.ok) return input.reply;
  let merchantId = input.value.merchantId;
  if (merchantId !== undefined && state.merchants.has(merchantId)) {
    return error(409, "sandbox.merchant_exists", `店舗 ${merchantId} はすでにあります`, "merchantId");
  }
  while (merchantId === undefined || state.merchants.has(merchantId)) {
    merchantId = `M${String(state.next.merchant++).padStart(4, "0")}`;
  }
  const merchant: Merchant = {
    merchantId,
    apiKey: `rsl_${randomBytes(18).toString("base64url")}`,
    autoRegisterProducts: input.value.autoRegisterProducts ?? false,
    products: new Map(),
    bySlip: new Map(),
    answered: new Map(),
    results: [],
    resultIndex: new Map(),
  };
  state.merchants.set(merchantId, merchant);
  state.byApiKey.set(merchant.apiKey, merchant);
  return json(201, { merchantId, apiKey: merchant.apiKey });
}

/** Upsert: the stock given is what is on the shelf now. */
function putProducts(ctx: ControlContext): Reply {
  return withMerchant(ctx, (merchant) => {
    const input = parseWith(productsInput, ctx.body);
    if (!input.ok) return input.reply;
    for (const { sku, stock } of input.value) merchant.products.set(sku, stock);
    return json(200, productList(merchant));
  });
}

export const merchantRoutes: ControlRoute[] = [
  { method: "POST", pattern: "/_sandbox/merchants", handle: createMerchant },
  { method: "PUT", pattern: "/_sandbox/merchants/:merchantId/products", handle: putProducts },
  {
    method: "GET",
    pattern: "/_sandbox/merchants/:merchantId/products",
    handle: (ctx) => withMerchant(ctx, (merchant) => json(200, productList(merchant))),
  },
];

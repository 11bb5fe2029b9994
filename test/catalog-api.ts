import assert from "node:assert/strict";
import type { TestApp } from "./app.ts";

/** Registers a product and, when given, sets its stock at the account's first warehouse. */
export async function newProduct(t: TestApp, sku: string, onHand?: number, token?: string) {
  const res = await t.api("POST", "/api/products", { sku, name: `商品 ${sku}` }, token);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  if (onHand !== undefined) {
    const set = await t.api("POST", `/api/products/${res.body.id}/stock`, { onHand }, token);
    assert.equal(set.status, 200, JSON.stringify(set.body));
  }
  return res.body.id as string;
}

export async function mapItem(
  t: TestApp,
  shopId: string,
  mallItemCode: string,
  components: { productId: string; quantity: number }[],
) {
  const res = await t.api("POST", "/api/product-mappings", { shopId, mallItemCode, components });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id as string;
}

/** The first warehouse's line of a product: what the tests watch. */
export async function stockOf(t: TestApp, productId: string) {
  const res = await t.api("GET", `/api/products/${productId}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const { onHand, allocated, available } = res.body.stock[0];
  return { onHand, allocated, available } as { onHand: number; allocated: number; available: number };
}

/** A valid registration (API.md's POST /api/orders) with the given items; `extra` overrides any field. */
export function orderBody(
  shopId: string,
  mallOrderNumber: string,
  items: {
    mallItemCode: string;
    quantity: number;
    mallSkuCode?: string;
    unitPrice?: number;
    name?: string;
  }[],
  extra: Record<string, unknown> = {},
) {
  return {
    shopId,
    mallOrderNumber,
    buyer: { name: "佐藤 花子", email: "hanako@example.com" },
    shipTo: {
      name: "佐藤 花子",
      postalCode: "530-0001",
      prefecture: "大阪府",
      address1: "大阪市北区梅田1-1",
      phone: "06-1234-5678",
    },
    paymentMethod: "credit_card",
    items: items.map((i) => ({ name: `品 ${i.mallItemCode}`, unitPrice: 1000, ...i })),
    ...extra,
  };
}

export async function newOrder(t: TestApp, body: ReturnType<typeof orderBody>) {
  const res = await t.api("POST", "/api/orders", body);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

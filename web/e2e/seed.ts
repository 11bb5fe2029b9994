import { type CatalogueLine, HOJICHA, MYSTERY, RETIRED, SENCHA } from "../../sandbox/demo/catalogue.ts";
import type { SessionClient } from "./harness.ts";

/** The demo catalogue's items, which the browser tests order by name. */
export { HOJICHA, MYSTERY, RETIRED, SENCHA };

/** What the browser tests look for, by name. */
export type Seeded = { manualShop: string; rakutenShop: string; tagId: string };

type Line = CatalogueLine;

const PEOPLE = [
  ["佐藤 花子", "530-0001", "大阪府", "大阪市北区梅田1-1"],
  ["鈴木 一郎", "100-0005", "東京都", "千代田区丸の内1-1"],
  ["高橋 美咲", "060-0001", "北海道", "札幌市中央区北1条西1"],
  ["田中 健太", "812-0012", "福岡県", "福岡市博多区博多駅前2-1"],
  ["伊藤 さくら", "450-0002", "愛知県", "名古屋市中村区名駅1-1"],
  ["渡辺 翔", "980-0021", "宮城県", "仙台市青葉区中央1-1"],
  ["山本 由美", "600-8216", "京都府", "京都市下京区烏丸通1"],
  ["中村 大輔", "730-0011", "広島県", "広島市中区基町1-1"],
] as const;

export function order(
  shopId: string,
  mallOrderNumber: string,
  items: Line[],
  extra: {
    buyer?: number;
    paymentMethod?: string;
    orderedAt?: string;
    remarks?: string;
    shippingFee?: number;
  } = {},
) {
  const [name, postalCode, prefecture, address1] = PEOPLE[(extra.buyer ?? 0) % PEOPLE.length] ?? PEOPLE[0];
  return {
    shopId,
    mallOrderNumber,
    ...(extra.orderedAt ? { orderedAt: extra.orderedAt } : {}),
    buyer: { name, email: `buyer${extra.buyer ?? 0}@example.com`, phone: "090-1234-5678" },
    shipTo: { name, postalCode, prefecture, address1, phone: "03-1234-5678" },
    paymentMethod: extra.paymentMethod ?? "credit_card",
    items,
    shippingFee: extra.shippingFee ?? 600,
    ...(extra.remarks ? { remarks: extra.remarks } : {}),
  };
}

/**
 * Two shops, three products in stock, one mapped item per shop, a custom tag with a rule — and a
 * handful of orders, one in each situation the tests need.
 */
export async function seedBasics(api: SessionClient): Promise<Seeded> {
  const manual = await api.call("POST", "/api/shops", { channel: "manual", name: "電話注文" });
  // A long delay keeps paid orders at 出荷待ち for the whole run instead of reaching the warehouse.
  await api.call("PATCH", `/api/shops/${manual.id}`, { settings: { shipmentRequestDelayMinutes: 600 } });
  const rakuten = await api.call("POST", "/api/shops", { channel: "rakuten", name: "楽天市場店" });
  await api.call("PATCH", `/api/shops/${rakuten.id}`, { settings: { shipmentRequestDelayMinutes: 600 } });
  const products = [];
  for (const [sku, name, onHand] of [
    ["TEA-100", "静岡煎茶 100g", 120],
    ["TEA-200", "京ほうじ茶 200g", 40],
    ["TEA-300", "季節の限定茶 50g", 25],
  ] as const) {
    const p = await api.call("POST", "/api/products", { sku, name });
    await api.call("POST", `/api/products/${p.id}/stock`, { onHand });
    products.push(p.id as string);
  }
  for (const shop of [manual.id, rakuten.id]) {
    await api.call("POST", "/api/product-mappings", {
      shopId: shop,
      mallItemCode: SENCHA.mallItemCode,
      components: [{ productId: products[0], quantity: 1 }],
    });
    await api.call("POST", "/api/product-mappings", {
      shopId: shop,
      mallItemCode: HOJICHA.mallItemCode,
      components: [{ productId: products[1], quantity: 1 }],
    });
  }
  const tag = await api.call("POST", "/api/tags", {
    name: "大口注文",
    color: "#7c3aed",
    hold: false,
    rule: { match: "all", conditions: [{ field: "total", op: "gte", value: 10000 }] },
  });
  return { manualShop: manual.id, rakutenShop: rakuten.id, tagId: tag.id };
}

/** The orders the browser tests act on, each named for its situation. */
export async function seedTestOrders(api: SessionClient, s: Seeded): Promise<void> {
  await api.call("POST", "/api/orders", order(s.manualShop, "E2E-1001", [SENCHA], { buyer: 0 }));
  await api.call("POST", "/api/orders", order(s.manualShop, "E2E-1002", [HOJICHA], { buyer: 1 }));
  await api.call("POST", "/api/orders", order(s.rakutenShop, "E2E-2001", [SENCHA], { buyer: 2 }));
  await api.call("POST", "/api/orders", order(s.manualShop, "E2E-3001", [RETIRED], { buyer: 3 }));
  await api.call("POST", "/api/orders", order(s.manualShop, "E2E-3002", [MYSTERY], { buyer: 4 }));
}

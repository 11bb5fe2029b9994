import type { SessionClient } from "./harness.ts";

/** The BtoB desk as the browser tests find it: two products with BtoB prices, one 取引先 with its book. */
export type B2bSeeded = { companyId: string; sencha: string; hojicha: string };

export const COMPANY = { name: "株式会社みどり商事", code: "MIDORI" };
/** 煎茶 comes in cases of 6 from 6 up; ほうじ茶 one at a time. */
export const PRICES = {
  sencha: { name: "業務用煎茶 1kg", unitPrice: 3200, minQuantity: 6, lotQuantity: 6 },
  hojicha: { name: "業務用ほうじ茶 500g", unitPrice: 1800, minQuantity: 1, lotQuantity: 1 },
};

export async function seedB2b(api: SessionClient): Promise<B2bSeeded> {
  const ids: string[] = [];
  for (const [sku, p] of [
    ["B2B-SEN", PRICES.sencha],
    ["B2B-HOJ", PRICES.hojicha],
  ] as const) {
    const product = await api.call("POST", "/api/products", { sku, name: p.name });
    await api.call("POST", `/api/products/${product.id}/stock`, { onHand: 100 });
    ids.push(product.id);
  }
  const [sencha = "", hojicha = ""] = ids;
  const company = await api.call("POST", "/api/b2b/companies", {
    ...COMPANY,
    rank: null,
    paymentTerms: "invoice",
    closingDay: 31,
    paymentDueDays: 30,
    notes: "",
  });
  const base = `/api/b2b/companies/${company.id}`;
  await api.call("POST", `${base}/ship-to`, {
    label: "本店",
    name: "みどり商事 仕入部",
    postalCode: "530-0001",
    prefecture: "大阪府",
    address1: "大阪市北区梅田1-1",
    phone: "06-1234-5678",
  });
  await api.call("POST", `${base}/mail-destinations`, { email: "order@midori.example", name: "仕入部" });
  await api.call("PUT", `/api/b2b/prices?companyId=${company.id}`, {
    items: [
      { productId: sencha, companyId: company.id, ...quantities(PRICES.sencha) },
      { productId: hojicha, companyId: company.id, ...quantities(PRICES.hojicha) },
    ],
  });
  return { companyId: company.id, sencha, hojicha };
}

const quantities = (p: { unitPrice: number; minQuantity: number; lotQuantity: number }) => ({
  unitPrice: p.unitPrice,
  minQuantity: p.minQuantity,
  lotQuantity: p.lotQuantity,
});

/** 引当 of one product over every warehouse, as 商品・在庫 counts it. */
export async function allocated(api: SessionClient, productId: string): Promise<number> {
  const product = await api.call("GET", `/api/products/${productId}`);
  return (product.stock as { allocated: number }[]).reduce((n, s) => n + s.allocated, 0);
}

/** Polls until `read` gives `want` (the workers move a new order on within a second or two). */
export async function until<T>(read: () => Promise<T>, want: T, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (last === want) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what}: still ${String(last)}, wanted ${String(want)}`);
}

/**
 * The demo shop's tea catalogue: the items its Rakuten shop sells, as order lines. The browser tests
 * (web/e2e/seed.ts) order the same items, so they import this — never the other way round.
 */
export type CatalogueLine = {
  mallItemCode: string;
  name: string;
  unitPrice: number;
  quantity: number;
  mallSkuCode?: string;
};

export const SENCHA: CatalogueLine = {
  mallItemCode: "sencha-100",
  name: "静岡煎茶 100g",
  unitPrice: 1500,
  quantity: 2,
};
export const HOJICHA: CatalogueLine = {
  mallItemCode: "hojicha-200",
  name: "京ほうじ茶 200g",
  unitPrice: 1200,
  quantity: 1,
};
export const MYSTERY: CatalogueLine = {
  mallItemCode: "mystery-tea",
  name: "季節の限定茶",
  unitPrice: 2400,
  quantity: 1,
};
/** Sold once and retired: left unmapped on purpose, so the demo shows an order held for it. */
export const RETIRED: CatalogueLine = {
  mallItemCode: "retired-item",
  name: "販売終了の福袋",
  unitPrice: 5000,
  quantity: 1,
};

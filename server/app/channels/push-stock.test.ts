import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import type { TestApp } from "#test/app.ts";
import { newProduct } from "#test/catalog-api.ts";
import { connectRakutenShop, type SandboxControl, sku, startRakutenTestApp } from "#test/rakuten.ts";
import { runShopImport } from "./import-shop.ts";
import { enqueueStockPushes } from "./push-stock.ts";

let app: TestApp;
let mall: SandboxControl;
let close: () => Promise<void>;

// The mall runs on the test's clock, its bulk-upsert limit (one a second per shop) included: each
// push below comes a minute after the last, as the scheduler's would.
before(async () => {
  ({ app, mall, close } = await startRakutenTestApp({ mallTimeoutMs: 1500, stockPushIntervalMs: 0 }));
});
after(() => close());

const UPSERT = "/es/2.0/inventories/bulk-upsert";
const minutes = (n: number) => n * 60_000;

/** What the scheduler tick and the worker do: a job per marked shop, then the due jobs run. */
async function push() {
  app.clock.advance(minutes(1));
  await enqueueStockPushes(app.ctx);
  return app.runDueJobs("mall-stock-push");
}

async function upserts(mallShopId: string) {
  const { items } = await mall.call("GET", `/calls?path=${encodeURIComponent(UPSERT)}`);
  return (items as { shopId: string; summary: string; status: number }[])
    .filter((c) => c.shopId === mallShopId)
    .map((c) => [c.status, c.summary]);
}

async function mallStock(mallShopId: string) {
  const { inventories } = await mall.inventory(mallShopId);
  return Object.fromEntries(
    (inventories as { manageNumber: string; variantId: string; quantity: number }[]).map((s) => [
      `${s.manageNumber}/${s.variantId}`,
      s.quantity,
    ]),
  );
}

async function marksOf(shopId: string) {
  const r = await app.database.db.execute(
    sql`select mall_item_code as "code" from stock_pushes where shop_id = ${shopId} order by 1`,
  );
  return (r as unknown as { rows: { code: string }[] }).rows.map((m) => m.code);
}

async function setStock(productId: string, change: { onHand: number } | { delta: number }) {
  const res = await app.api("POST", `/api/products/${productId}/stock`, change);
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

async function mapping(
  shopId: string,
  mallItemCode: string,
  mallSkuCode: string,
  components: { productId: string; quantity: number }[],
) {
  const res = await app.api("POST", "/api/product-mappings", {
    shopId,
    mallItemCode,
    mallSkuCode,
    components,
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
}

test("a burst of changes is one bulk-upsert of the latest sellable quantity; an import's allocation lowers it", async () => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall);
  const shirt = await newProduct(app, "SHIRT-RED-M");
  await mapping(shopId, "tshirt", "tshirt-red-m", [{ productId: shirt, quantity: 1 }]);
  // The order tells Juchu the SKU's variantId (red-m), which is not the merchant's SKU code.
  await mall.placeOrder(mallShopId, { packages: [{ items: [sku("tshirt", "red-m", 2980, 2)] }] });
  assert.equal((await runShopImport(app.ctx, shopId))?.counts.created, 1);

  await setStock(shirt, { onHand: 10 });
  await setStock(shirt, { delta: -3 });
  await setStock(shirt, { onHand: 20 });
  await setStock(shirt, { delta: 5 });
  assert.equal(await push(), 1);
  assert.deepEqual(await upserts(mallShopId), [[204, "inventories[1]"]], "one call, the SKU once");
  assert.deepEqual(await mallStock(mallShopId), { "tshirt/red-m": 25 });
  assert.deepEqual(await marksOf(shopId), []);

  // Grace over → 確認済: two units allocated, and the mall hears of it.
  app.clock.advance(minutes(31));
  await app.runDueJobs("grace-period-over");
  const detail = (await app.api("GET", `/api/products/${shirt}`)).body;
  assert.equal(detail.stock[0].allocated, 2);
  await push();
  assert.deepEqual(await upserts(mallShopId), [
    [204, "inventories[1]"],
    [204, "inventories[1]"],
  ]);
  assert.deepEqual(await mallStock(mallShopId), { "tshirt/red-m": 23 });
  assert.equal(await push(), 0, "nothing marked, nothing sent");
  assert.equal((await upserts(mallShopId)).length, 2);

  // What shipping does to the row (app/ship-stock.ts): 在庫 and 引当 down alike, nothing new to sell.
  await app.database.db.execute(
    sql`update stock set on_hand = on_hand - 2, allocated = allocated - 2 where product_id = ${shirt}`,
  );
  assert.deepEqual(await marksOf(shopId), [], "a parcel shipping is no stock change for the mall");
});

test("a set item sells as many as its scarcest component allows; a SKU the mall cannot address is left out", async () => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall);
  const cup = await newProduct(app, "SET-CUP");
  const saucer = await newProduct(app, "SET-SAUCER");
  const loose = await newProduct(app, "LOOSE-1");
  await mapping(shopId, "teaset", "", [
    { productId: cup, quantity: 1 },
    { productId: saucer, quantity: 2 },
  ]);
  // A variation text as SKU code and no order seen yet: no variantId to send it under.
  await mapping(shopId, "loose", "サイズ:M", [{ productId: loose, quantity: 1 }]);
  await setStock(cup, { onHand: 5 });
  await setStock(saucer, { onHand: 9 });
  await setStock(loose, { onHand: 3 });
  await push();
  assert.deepEqual(await upserts(mallShopId), [[204, "inventories[1]"]]);
  assert.deepEqual(await mallStock(mallShopId), { "teaset/teaset": 4 }, "min(5 / 1, ⌊9 / 2⌋)");
  assert.deepEqual(await marksOf(shopId), []);
});

test("a shop with sync off pushes nothing", async () => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall, { syncEnabled: false });
  const mug = await newProduct(app, "MUG-OFF");
  await mapping(shopId, "mug", "", [{ productId: mug, quantity: 1 }]);
  await setStock(mug, { onHand: 8 });
  assert.deepEqual(await marksOf(shopId), ["mug"]);
  await push();
  assert.deepEqual(await upserts(mallShopId), []);
  assert.deepEqual(await marksOf(shopId), [], "its marks are dropped, not kept for later");
});

test("a 503 at bulk-upsert fails the job and keeps the marks; the next run sends them", async (t) => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall);
  const bag = await newProduct(app, "BAG-503");
  await mapping(shopId, "bag", "", [{ productId: bag, quantity: 1 }]);
  await setStock(bag, { onHand: 6 });
  await mall.fault({ path: UPSERT, kind: "status503" });
  t.after(() => mall.clearFaults());
  await assert.rejects(push(), { name: "MallError", code: "rakuten.unavailable", retryable: true });
  assert.deepEqual(await marksOf(shopId), ["bag"]);
  assert.deepEqual(await mallStock(mallShopId), {});

  const { items } = await mall.calls(UPSERT);
  assert.equal(items.at(-1)?.status, 503, "the mall never saw it");

  await push();
  assert.deepEqual(await upserts(mallShopId), [[204, "inventories[1]"]]);
  assert.deepEqual(await mallStock(mallShopId), { "bag/bag": 6 });
  assert.deepEqual(await marksOf(shopId), []);
});

test("the variantId comes from the shop's own orders: two shops selling the same item code differ", async () => {
  const first = await connectRakutenShop(app, mall);
  const second = await connectRakutenShop(app, mall);
  const cap = await newProduct(app, "CAP-BLACK");
  for (const [shop, variantId] of [
    [first, "black-1"],
    [second, "black-2"],
  ] as const) {
    await mapping(shop.shopId, "cap", "cap-black", [{ productId: cap, quantity: 1 }]);
    await mall.placeOrder(shop.mallShopId, {
      packages: [{ items: [{ ...sku("cap", variantId, 1980), merchantDefinedSkuId: "cap-black" }] }],
    });
    assert.equal((await runShopImport(app.ctx, shop.shopId))?.counts.created, 1);
  }
  await setStock(cap, { onHand: 4 });
  await push();
  assert.deepEqual(await mallStock(first.mallShopId), { "cap/black-1": 4 });
  assert.deepEqual(await mallStock(second.mallShopId), { "cap/black-2": 4 });
});

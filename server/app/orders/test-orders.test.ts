import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { TestApp } from "#test/app.ts";
import { seedMappedProduct } from "#test/catalog.ts";
import { stockOf } from "#test/catalog-api.ts";
import { connectRakutenShop, type SandboxControl, sku, startRakutenTestApp } from "#test/rakuten.ts";
import { runShopImport } from "../channels/import-shop.ts";

let app: TestApp;
let mall: SandboxControl;
let close: () => Promise<void>;

before(async () => {
  ({ app, mall, close } = await startRakutenTestApp());
});
after(() => close());

test("テスト取込 reserves no stock and offers no shipment request; 処理済みにする leaves stock as it was", async () => {
  const accountId = app.owner.accountId;
  const { shopId, mallShopId } = await connectRakutenShop(app, mall, {
    gracePeriodMinutes: 0,
    testImportMode: true,
  });
  const { productId } = await seedMappedProduct(app, {
    accountId,
    shopId,
    sku: "PEN-1",
    mallItemCode: "pen",
    onHand: 5,
  });
  await mall.placeOrder(mallShopId, { packages: [{ items: [sku("pen", "red", 300, 2)] }] });
  assert.equal((await runShopImport(app.ctx, shopId))?.counts.created, 1);
  const [summary] = (await app.api("GET", `/api/orders?shopId=${shopId}`)).body.items;
  const order = (await app.api("GET", `/api/orders/${summary.id}`)).body;

  assert.equal(order.testImport, true);
  assert.equal(order.status, "confirmed", "checked like any order, up to 確認済");
  assert.deepEqual(order.shipments[0].allocations, []);
  assert.ok(!order.allowedActions.includes("requestShipment"));
  assert.ok(!order.shipments[0].allowedActions.includes("request"));
  assert.ok(order.events.some((e: { type: string }) => e.type === "test_import_no_allocation"));
  assert.deepEqual(await stockOf(app, productId), { onHand: 5, allocated: 0, available: 5 });
  const request = await app.api("POST", `/api/orders/${order.id}/shipments/${order.shipments[0].id}/request`);
  assert.equal(request.status, 409, JSON.stringify(request.body));
  assert.deepEqual(await app.queuedJobs("shipment-request"), []);

  assert.deepEqual((await app.api("POST", `/api/shops/${shopId}/test-orders/process`)).body, {
    processed: 1,
  });
  assert.deepEqual(await stockOf(app, productId), { onHand: 5, allocated: 0, available: 5 });
  const processed = (await app.api("GET", `/api/orders/${order.id}`)).body;
  assert.ok(!processed.allowedActions.includes("requestShipment"));
  assert.ok(!processed.tags.some((t: { systemCode: string }) => t.systemCode === "stock_short"));
});

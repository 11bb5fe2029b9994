import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { runShopImport } from "#server/app/channels/import-shop.ts";
import type { TestApp } from "#test/app.ts";
import { mapItem, newProduct } from "#test/catalog-api.ts";
import { connectRakutenShop, type SandboxControl, sku, startRakutenTestApp } from "#test/rakuten.ts";

let app: TestApp;
let mall: SandboxControl;
let close: () => Promise<void>;

before(async () => {
  ({ app, mall, close } = await startRakutenTestApp());
});
after(() => close());

const detail = async (id: string) => (await app.api("GET", `/api/orders/${id}`)).body;

async function importedOrder(code: string, postagePrice: number) {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall, { gracePeriodMinutes: 0 });
  const product = await newProduct(app, code.toUpperCase(), 10);
  await mapItem(app, shopId, code, [{ productId: product, quantity: 1 }]);
  const placed = await mall.placeOrder(mallShopId, {
    packages: [{ items: [sku(code, "v", 3000)], postagePrice }],
  });
  await runShopImport(app.ctx, shopId);
  const list = await app.api("GET", `/api/orders?shopId=${shopId}`);
  return { orderId: list.body.items[0].id as string, mallOrderNumber: placed.orderNumber, product };
}

test("金額未確定 says it waits for the mall; 再取得 reads the fixed postage now and the order moves on", async () => {
  const { orderId, mallOrderNumber } = await importedOrder("sofa", -9999);
  const held = await detail(orderId);
  assert.equal(held.status, "awaiting_confirmation");
  const hold = held.holds.find((h: { name: string }) => h.name === "金額未確定");
  assert.match(hold.why, /モールの金額を待っています/);
  assert.equal(hold.action, "refetch");

  const unchanged = await app.api("POST", `/api/orders/${orderId}/refetch`);
  assert.equal(unchanged.status, 200, JSON.stringify(unchanged.body));
  assert.equal(unchanged.body.refetchOutcome, "unchanged");

  const [basketId] = (await mall.view(mallOrderNumber)).basketIds;
  await mall.change(mallOrderNumber, { packages: [{ basketId, postagePrice: 800 }] });
  const res = await app.api("POST", `/api/orders/${orderId}/refetch`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.refetchOutcome, "updated");
  assert.equal(res.body.shippingFee, 800);
  assert.ok(!res.body.tags.some((t: { systemCode: string }) => t.systemCode === "amount_undetermined"));
  assert.equal(res.body.status, "awaiting_shipment");
  assert.ok(
    res.body.events.some(
      (e: { message: string }) => e.message === "モールから再取得しました(変更を反映しました)",
    ),
  );
});

test("a mall order's edit says the mall is not told, before saving and on the timeline", async () => {
  const { orderId, mallOrderNumber } = await importedOrder("lamp", 500);
  const order = await detail(orderId);
  assert.equal(order.mallEdit, "not_told");
  const res = await app.api("PATCH", `/api/orders/${orderId}`, {
    version: order.version,
    shipTo: { ...order.shipTo, address2: "受付気付" },
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.mallReflection, "not_told");
  const entry = res.body.events.find((e: { type: string }) => e.type === "order_edited");
  assert.match(entry.message, /モールには反映されません/);
  assert.deepEqual(entry.detail.mall, "not_told");

  // The import reads the order again: the mall has not changed it, so the edit stays.
  app.clock.advance(3 * 60_000);
  await runShopImport(app.ctx, order.shopId);
  const kept = await detail(orderId);
  assert.equal(kept.shipTo.address2, "受付気付");
  assert.ok(!kept.events.some((e: { message: string }) => e.message.includes("送付先が変更されました")));
  // The mall changes the postage itself: that is taken, the edited ship-to still stays.
  const [basketId] = (await mall.view(mallOrderNumber)).basketIds;
  await mall.change(mallOrderNumber, { packages: [{ basketId, postagePrice: 900 }] });
  app.clock.advance(3 * 60_000);
  await runShopImport(app.ctx, order.shopId);
  const after = await detail(orderId);
  assert.equal(after.shippingFee, 900);
  assert.equal(after.shipTo.address2, "受付気付");
});

test("a bulk cancel tells each mall the reason chosen for its channel", async () => {
  const { orderId, mallOrderNumber } = await importedOrder("vase", 500);
  const res = await app.api("POST", "/api/orders/bulk", {
    action: "cancel",
    orderIds: [orderId],
    mallCancelReasons: ["rakuten:8"],
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.succeeded, 1);
  assert.equal(await app.runDueJobs("mall-cancel-order"), 1);
  assert.ok([800, 900].includes((await mall.view(mallOrderNumber)).orderProgress));
  assert.ok(
    (await detail(orderId)).events.some((e: { message: string }) => e.message.includes("店舗都合: 欠品")),
  );
  const bad = await app.api("POST", "/api/orders/bulk", {
    action: "cancel",
    orderIds: [orderId],
    mallCancelReasons: ["nowhere:1"],
  });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.errors[0].path, "mallCancelReasons.0");
});

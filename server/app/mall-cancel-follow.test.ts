import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { TestApp } from "#test/app.ts";
import { type SandboxControl, sku } from "#test/rakuten.ts";
import { connectRslShop, type RslControl, startWarehouseTestApp } from "#test/rsl.ts";
import { dispatchMailTriggers } from "./dispatch-mails.ts";
import { runShopImport } from "./import-shop.ts";

let app: TestApp;
let mall: SandboxControl;
let warehouse: RslControl;
let close: () => Promise<void>;

before(async () => {
  ({ app, mall, warehouse, close } = await startWarehouseTestApp());
});
after(() => close());

const minutes = (n: number) => n * 60_000;
const detail = async (id: string) => (await app.api("GET", `/api/orders/${id}`)).body;
const hasTag = (order: { tags: { systemCode: string | null }[] }, code: string) =>
  order.tags.some((t) => t.systemCode === code);

/** A Rakuten shop shipping from RSL with the thanks mail on, and a mapped product in stock there. */
async function shopWithThanksMail() {
  const shop = await connectRslShop(app, mall, warehouse);
  const product = await app.api("POST", "/api/products", { sku: `CUP-${shop.mallShopId}`, name: "カップ" });
  await app.api("POST", `/api/products/${product.body.id}/stock`, {
    warehouseId: shop.warehouseId,
    onHand: 10,
  });
  await app.api("POST", "/api/product-mappings", {
    shopId: shop.shopId,
    mallItemCode: "cup",
    components: [{ productId: product.body.id, quantity: 1 }],
  });
  const thanks = await app.api("POST", "/api/mail-templates/standard/thanks/copy");
  const items = [{ categoryId: thanks.body.categoryId, enabled: true, templateId: thanks.body.templateId }];
  assert.equal((await app.api("PUT", `/api/shops/${shop.shopId}/mail-settings`, { items })).status, 200);
  return shop;
}

async function importedOrder(shop: { shopId: string; mallShopId: string }) {
  const placed = await mall.placeOrder(shop.mallShopId, { packages: [{ items: [sku("cup", "red", 1200)] }] });
  await runShopImport(app.ctx, shop.shopId);
  const list = await app.api("GET", `/api/orders?shopId=${shop.shopId}&limit=500`);
  const order = list.body.items.find(
    (o: { mallOrderNumber: string }) => o.mallOrderNumber === placed.orderNumber,
  );
  return { orderId: order.id as string, mallOrderNumber: placed.orderNumber };
}

test("cancelled at the mall after the last import, before the grace period ended: cancelled, never confirmed, no thanks mail", async () => {
  const shop = await shopWithThanksMail();
  const cancelledLate = await importedOrder(shop);
  const kept = await importedOrder(shop);
  await mall.cancel(cancelledLate.mallOrderNumber);
  app.clock.advance(minutes(31));
  await app.runDueJobs("order-grace-over");
  await app.runDueJobs("mall-confirm-order");
  while ((await dispatchMailTriggers(app.ctx)) > 0);

  const cancelled = await detail(cancelledLate.orderId);
  assert.equal(cancelled.status, "cancelled");
  assert.ok(cancelled.events.some((e: { message: string }) => e.message.includes("モール側でキャンセル")));
  assert.ok(!cancelled.events.some((e: { type: string }) => e.type === "mall_confirmed"));
  assert.ok(!hasTag(cancelled, "mall_reflection_error"), "no stale モール反映エラー");
  const mails = await app.api("GET", `/api/mails?orderId=${cancelledLate.orderId}`);
  assert.deepEqual(mails.body.items, [], "no サンクスメール for a cancelled order");
  const history = (await mall.view(cancelledLate.mallOrderNumber)).history as { event: string }[];
  assert.ok(!history.some((h) => /confirm/i.test(h.event)), "no 注文確認 sent to the mall");

  // The order nobody cancelled moves on as before: confirmed at the mall, thanked once.
  const moved = await detail(kept.orderId);
  assert.equal(moved.status, "awaiting_shipment");
  assert.ok(moved.events.some((e: { type: string }) => e.type === "mall_confirmed"));
  assert.equal((await app.api("GET", `/api/mails?orderId=${kept.orderId}`)).body.items.length, 1);
});

test("the mall down when the grace period ends: the order waits in 新規受付, and moves on once the mall answers again", async () => {
  const shop = await shopWithThanksMail();
  const { orderId, mallOrderNumber } = await importedOrder(shop);
  app.clock.advance(minutes(31));
  await mall.fault({ path: "/es/2.0/order/getOrder/", kind: "status503", times: 5 });
  await assert.rejects(app.runDueJobs("order-grace-over"), "the job fails for a retry");
  await mall.clearFaults();
  assert.equal((await detail(orderId)).status, "new", "not confirmed blind");

  // Whichever reads the mall next — the job's retry or the next import — lets it move on.
  await mall.cancel(mallOrderNumber);
  app.clock.advance(minutes(3));
  await runShopImport(app.ctx, shop.shopId);
  assert.equal((await detail(orderId)).status, "cancelled");
  const other = await importedOrder(shop);
  app.clock.advance(minutes(31));
  await mall.fault({ path: "/es/2.0/order/getOrder/", kind: "status503", times: 5 });
  await assert.rejects(app.runDueJobs("order-grace-over"));
  await mall.clearFaults();
  await runShopImport(app.ctx, shop.shopId);
  assert.equal((await detail(other.orderId)).status, "awaiting_shipment");
});

test("cancelled at the mall between the grace period's end and 注文確認: RMS refuses, Juchu follows the cancel, no モール反映エラー", async () => {
  const shop = await shopWithThanksMail();
  const { orderId, mallOrderNumber } = await importedOrder(shop);
  app.clock.advance(minutes(31));
  await app.runDueJobs("order-grace-over");
  await mall.cancel(mallOrderNumber);
  await app.runDueJobs("mall-confirm-order");
  while ((await dispatchMailTriggers(app.ctx)) > 0);
  await app.runDueJobs("send-mail");

  const order = await detail(orderId);
  assert.equal(order.status, "cancelled");
  assert.equal(order.shipments[0].status, "cancelled");
  assert.ok(!hasTag(order, "mall_reflection_error"), "the refusal meant nothing once the cancel is followed");
  const mails = (await app.api("GET", `/api/mails?orderId=${orderId}`)).body.items as { status: string }[];
  assert.ok(!mails.some((m) => m.status === "sent" || m.status === "queued"), "no サンクスメール goes out");
});

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { TestApp } from "#test/app.ts";
import { type SandboxControl, sku } from "#test/rakuten.ts";
import { connectRslShop, type RslControl, startWarehouseTestApp } from "#test/rsl.ts";
import { dispatchMailTriggers } from "../mail/dispatch-mails.ts";
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
  // 注文キャンセル時在庫戻し is off for a new shop; these cancels give the stock back.
  const shop = await connectRslShop(app, mall, warehouse, { returnStockOnCancel: true });
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
  return { ...shop, productId: product.body.id as string };
}

const allocatedOf = async (productId: string) =>
  ((await app.api("GET", `/api/products/${productId}`)).body.stock as { allocated: number }[]).reduce(
    (sum, line) => sum + line.allocated,
    0,
  );

/** An imported order of the shop taken through 注文確認 and the shipment request: 出荷作業中 at its warehouse. */
async function orderAtWarehouse(shop: { shopId: string; mallShopId: string }) {
  const imported = await importedOrder(shop);
  app.clock.advance(minutes(31));
  await app.runDueJobs("grace-period-over");
  await app.runDueJobs("mall-confirm-order");
  app.clock.advance(minutes(5));
  await app.runDueJobs("shipment-request");
  const order = await detail(imported.orderId);
  assert.equal(order.status, "shipping");
  return {
    ...imported,
    shipment: order.shipments[0] as { id: string; slipNumber: string; warehouseReference: string },
  };
}

/** The same shop shipping from the account's own stock room (自社倉庫) instead of RSL. */
async function ownStockRoomShop() {
  const shop = await shopWithThanksMail();
  const own = (await app.api("GET", "/api/warehouses")).body.items.find(
    (w: { kind: string }) => w.kind === "self",
  );
  const product = await app.api("POST", "/api/products", { sku: `OWN-${shop.mallShopId}`, name: "カップ" });
  await app.api("POST", `/api/products/${product.body.id}/stock`, { warehouseId: own.id, onHand: 10 });
  const settings = (await app.api("GET", `/api/shops/${shop.shopId}`)).body.settings;
  const patched = await app.api("PATCH", `/api/shops/${shop.shopId}`, {
    settings: { ...settings, warehouseId: own.id },
  });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  const mappings = (await app.api("GET", `/api/product-mappings?shopId=${shop.shopId}`)).body.items;
  await app.api("DELETE", `/api/product-mappings/${mappings[0].id}`);
  await app.api("POST", "/api/product-mappings", {
    shopId: shop.shopId,
    mallItemCode: "cup",
    components: [{ productId: product.body.id, quantity: 1 }],
  });
  return { ...shop, warehouseId: own.id as string };
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
  await app.runDueJobs("grace-period-over");
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
  await assert.rejects(app.runDueJobs("grace-period-over"), "the job fails for a retry");
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
  await assert.rejects(app.runDueJobs("grace-period-over"));
  await mall.clearFaults();
  await runShopImport(app.ctx, shop.shopId);
  assert.equal((await detail(other.orderId)).status, "awaiting_shipment");
});

test("cancelled at the mall between the grace period's end and 注文確認: RMS refuses, Juchu follows the cancel, no モール反映エラー", async () => {
  const shop = await shopWithThanksMail();
  const { orderId, mallOrderNumber } = await importedOrder(shop);
  app.clock.advance(minutes(31));
  await app.runDueJobs("grace-period-over");
  assert.equal(await allocatedOf(shop.productId), 1, "reserved at 確認済");
  await mall.cancel(mallOrderNumber);
  await app.runDueJobs("mall-confirm-order");
  while ((await dispatchMailTriggers(app.ctx)) > 0);
  await app.runDueJobs("send-mail");

  const order = await detail(orderId);
  assert.equal(order.status, "cancelled");
  assert.equal(order.shipments[0].status, "cancelled");
  assert.ok(!hasTag(order, "mall_reflection_error"), "the refusal meant nothing once the cancel is followed");
  assert.equal(await allocatedOf(shop.productId), 0, "the reservation is given back");
  const mails = (await app.api("GET", `/api/mails?orderId=${orderId}`)).body.items as { status: string }[];
  assert.ok(!mails.some((m) => m.status === "sent" || m.status === "queued"), "no サンクスメール goes out");
});

test("cancelled at the mall while RSL works on it: a withdrawal goes by itself → 出荷不可 + 出荷取下げ, not cancelled", async () => {
  const shop = await shopWithThanksMail();
  const { orderId, mallOrderNumber } = await orderAtWarehouse(shop);
  await mall.cancel(mallOrderNumber);
  app.clock.advance(minutes(3));
  await runShopImport(app.ctx, shop.shopId);
  assert.ok(hasTag(await detail(orderId), "mall_cancelled"));
  assert.equal(await app.runDueJobs("mall-cancel-withdraw"), 1);

  const order = await detail(orderId);
  assert.equal(order.shipments[0].status, "unshippable");
  assert.ok(hasTag(order, "withdrawn"), "出荷取下げ");
  assert.notEqual(order.status, "cancelled", "the merchant cancels it");
  assert.ok(order.allowedActions.includes("cancel"));
  const [request] = (await warehouse.requests(shop.merchantId)).items;
  assert.equal(request?.status, "withdrawn");

  // The merchant's cancel: the mall has it cancelled already, which is no モール反映エラー.
  assert.equal((await app.api("POST", `/api/orders/${orderId}/cancel`, {})).status, 200);
  assert.equal(await app.runDueJobs("mall-cancel-order"), 1);
  const cancelled = await detail(orderId);
  assert.equal(cancelled.status, "cancelled");
  assert.ok(!hasTag(cancelled, "mall_reflection_error"));
  assert.match(cancelled.mall.statusLabel, /キャンセル/);
});

test("cancelled at the mall after RSL started picking: the refusal leaves 出荷取下げ不可, the parcel stays 出荷中", async () => {
  const shop = await shopWithThanksMail();
  const { orderId, mallOrderNumber, shipment } = await orderAtWarehouse(shop);
  await warehouse.advance(shipment.warehouseReference, "picking");
  await mall.cancel(mallOrderNumber);
  app.clock.advance(minutes(3));
  await runShopImport(app.ctx, shop.shopId);
  assert.equal(await app.runDueJobs("mall-cancel-withdraw"), 1);

  const order = await detail(orderId);
  assert.equal(order.shipments[0].status, "shipping");
  assert.ok(hasTag(order, "withdrawal_refused"), "a tag says the parcel could not be stopped");
  assert.ok(hasTag(order, "mall_cancelled"));
  assert.notEqual(order.status, "cancelled");
  assert.ok(order.events.some((e: { message: string }) => /E400[123]/.test(e.message)));
});

test("cancelled at the mall while the own stock room has it: withdrawn at once; a tracking row for it is refused with why", async () => {
  const shop = await ownStockRoomShop();
  const withdrawn = await orderAtWarehouse(shop);
  const notYet = await orderAtWarehouse(shop);
  await mall.cancel(withdrawn.mallOrderNumber);
  await mall.cancel(notYet.mallOrderNumber);
  app.clock.advance(minutes(3));
  await runShopImport(app.ctx, shop.shopId);

  // The warehouse staff ship from yesterday's list before the withdrawal has run for the second order.
  const csv = [
    "お客様管理番号,伝票番号,出荷予定日",
    `${notYet.shipment.slipNumber},123456789012,2030/01/15`,
  ].join("\r\n");
  const imported = await fetch(
    `${app.url}/api/warehouses/${shop.warehouseId}/tracking-imports?profile=yamato_b2_issued`,
    {
      method: "POST",
      headers: { authorization: `Bearer ${app.owner.apiToken}`, "content-type": "text/csv" },
      body: `${csv}\r\n`,
    },
  );
  const report = await imported.json();
  assert.equal(report.shipped, 0);
  assert.equal(report.rows[0].outcome, "error");
  assert.match(report.rows[0].message, /モール側でキャンセル/);
  const kept = await detail(notYet.orderId);
  assert.equal(kept.shipments[0].status, "shipping", "not shipped");
  await app.runDueJobs("mall-report-shipping");
  assert.ok(!hasTag(await detail(notYet.orderId), "mall_reflection_error"), "nothing reported to the mall");

  assert.equal(await app.runDueJobs("mall-cancel-withdraw"), 2);
  const order = await detail(withdrawn.orderId);
  assert.equal(order.shipments[0].status, "unshippable");
  assert.ok(hasTag(order, "withdrawn"));
  assert.notEqual(order.status, "cancelled");
});

test("a cancel that reached the mall: the order's mall panel shows the mall's new status", async () => {
  const shop = await shopWithThanksMail();
  const { orderId, mallOrderNumber } = await importedOrder(shop);
  app.clock.advance(minutes(31));
  await app.runDueJobs("grace-period-over");
  await app.runDueJobs("mall-confirm-order");
  const before = (await detail(orderId)).mall;
  assert.ok(!/キャンセル/.test(before.statusLabel));
  assert.equal((await app.api("POST", `/api/orders/${orderId}/cancel`, {})).status, 200);
  assert.equal(await app.runDueJobs("mall-cancel-order"), 1);

  const atMall = (await mall.view(mallOrderNumber)).orderProgress as number;
  const panel = (await detail(orderId)).mall;
  assert.equal(panel.status, String(atMall));
  assert.match(panel.statusLabel, /キャンセル/);
  assert.ok(new Date(panel.checkedAt) >= new Date(before.checkedAt));
});

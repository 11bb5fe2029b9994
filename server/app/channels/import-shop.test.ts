import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { TestApp } from "#test/app.ts";
import { seedMappedProduct } from "#test/catalog.ts";
import { connectRakutenShop, type SandboxControl, sku, startRakutenTestApp } from "#test/rakuten.ts";
import { runShopImport } from "./import-shop.ts";

let app: TestApp;
let mall: SandboxControl;
let close: () => Promise<void>;

before(async () => {
  ({ app, mall, close } = await startRakutenTestApp({ mallTimeoutMs: 1500 }));
});
after(() => close());

const minutes = (n: number) => n * 60_000;

async function ordersOf(shopId: string, extra = "") {
  const res = await app.api("GET", `/api/orders?shopId=${shopId}&limit=500${extra}`);
  assert.equal(res.status, 200);
  return res.body.items as { id: string; mallOrderNumber: string; status: string }[];
}

const detail = async (id: string) => (await app.api("GET", `/api/orders/${id}`)).body;

test("new mall orders are imported once, however often the overlapping windows see them", async () => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall);
  const placed = [];
  for (let i = 0; i < 3; i++) {
    placed.push(
      await mall.placeOrder(mallShopId, { packages: [{ items: [sku("tshirt", "red-m", 2980, 2)] }] }),
    );
    app.clock.advance(minutes(1));
  }
  const first = await runShopImport(app.ctx, shopId);
  assert.equal(first?.status, "succeeded");
  assert.equal(first?.found, 3);
  assert.equal(first?.counts.created, 3);

  app.clock.advance(minutes(3));
  const second = await runShopImport(app.ctx, shopId);
  assert.equal(second?.status, "succeeded");
  assert.ok(second && second.window.from < first.window.to, "the next window overlaps the last one");
  assert.equal(second?.counts.created, 0);
  assert.equal(second?.counts.unchanged, 3, "seen again, nothing to change");
  assert.equal(second?.found, 3, "the overlap sees the same orders again");

  const orders = await ordersOf(shopId);
  assert.deepEqual(orders.map((o) => o.mallOrderNumber).sort(), placed.map((p) => p.orderNumber).sort());
  const order = await detail(orders[0]?.id ?? "");
  assert.equal(order.status, "new", "waits out the 30-minute grace period");
  assert.equal(order.source, "import");
  assert.equal(order.items[0].mallItemCode, "tshirt");
  assert.equal(order.items[0].mallSkuCode, "tshirt-red-m");
  assert.equal(order.items[0].quantity, 2);
  assert.equal(order.subtotal, 5960);
  assert.equal(order.mall.status, "100");

  const log = await app.api("GET", `/api/shops/${shopId}/import-runs`);
  assert.equal(log.status, 200);
  assert.equal(log.body.items.length, 2);
  assert.equal(log.body.items[1].created, 3);
  assert.equal(log.body.items[0].unchanged, 3);
});

test("an order with two ship-tos becomes two shipments, each reserving its own lines", async () => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall, { gracePeriodMinutes: 0 });
  const accountId = app.owner.accountId;
  await seedMappedProduct(app, { accountId, shopId, sku: "MUG-1", mallItemCode: "mug", onHand: 10 });
  await seedMappedProduct(app, { accountId, shopId, sku: "CUP-1", mallItemCode: "cup", onHand: 10 });
  await mall.placeOrder(mallShopId, {
    packages: [
      { items: [sku("mug", "white", 1500, 1)] },
      {
        sender: {
          familyName: "楽天",
          firstName: "花子",
          zipCode: "530-0001",
          prefecture: "大阪府",
          city: "大阪市北区",
          subAddress: "梅田1-1",
        },
        items: [sku("cup", "blue", 800, 3)],
      },
    ],
  });
  const run = await runShopImport(app.ctx, shopId);
  assert.equal(run?.counts.created, 1);
  const [summary] = await ordersOf(shopId);
  const order = await detail(summary?.id ?? "");
  assert.equal(order.shipments.length, 2);
  const [a, b] = order.shipments;
  assert.ok(a.mallPackageId && b.mallPackageId && a.mallPackageId !== b.mallPackageId);
  assert.equal(a.shipTo, null, "the first package goes to the order's ship-to");
  assert.equal(b.shipTo.prefecture, "大阪府");
  assert.deepEqual(
    order.items.map((i: { mallItemCode: string; shipmentId: string }) => [i.mallItemCode, i.shipmentId]),
    [
      ["mug", a.id],
      ["cup", b.id],
    ],
  );
  assert.deepEqual(
    a.allocations.map((x: { required: number }) => x.required),
    [1],
  );
  assert.deepEqual(
    b.allocations.map((x: { required: number }) => x.required),
    [3],
  );
});

test("a cancellation at the mall during the grace period is picked up by the next poll", async () => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall);
  const placed = await mall.placeOrder(mallShopId, { packages: [{ items: [sku("cap", "black", 1980)] }] });
  await runShopImport(app.ctx, shopId);
  await mall.cancel(placed.orderNumber);
  app.clock.advance(minutes(3));
  const run = await runShopImport(app.ctx, shopId);
  assert.equal(run?.counts.updated, 1);
  const [order] = await ordersOf(shopId);
  const cancelled = await detail(order?.id ?? "");
  assert.equal(cancelled.status, "cancelled");
  assert.ok(cancelled.events.some((e: { message: string }) => e.message.includes("モール側でキャンセル")));

  // A cancelled number stays taken: a manual registration of it is refused, and import never brings it back.
  app.clock.advance(minutes(3));
  const again = await runShopImport(app.ctx, shopId);
  assert.equal(again?.counts.created, 0);
  assert.equal((await ordersOf(shopId, "&includeDeleted=true")).length, 1);
});

test("注文確認 goes to the mall once the grace period is over, exactly once", async () => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall);
  const placed = await mall.placeOrder(mallShopId, { packages: [{ items: [sku("bag", "navy", 4980)] }] });
  await runShopImport(app.ctx, shopId);
  assert.equal((await mall.view(placed.orderNumber)).orderProgress, 100);
  app.clock.advance(minutes(31));
  assert.ok((await app.runDueJobs("grace-period-over")) >= 1);
  assert.ok((await app.runDueJobs("mall-confirm-order")) >= 1);
  const view = await mall.view(placed.orderNumber);
  assert.ok(view.orderProgress >= 200, `confirmed at the mall (now ${view.orderProgress})`);
  const [order] = await ordersOf(shopId);
  const confirmed = await detail(order?.id ?? "");
  assert.ok(confirmed.mall.confirmedAt);
  assert.ok(confirmed.events.some((e: { type: string }) => e.type === "mall_confirmed"));

  // Later polls see the order again; nothing asks the mall to confirm it a second time.
  app.clock.advance(minutes(3));
  await runShopImport(app.ctx, shopId);
  const queued = await app.queuedJobs("mall-confirm-order");
  assert.ok(!queued.some((j) => j.data.orderId === order?.id), "no second 注文確認 is queued");
  const history = (await mall.view(placed.orderNumber)).history as { event: string }[];
  assert.equal(history.filter((h) => /confirm/i.test(h.event)).length, 1);
});

test("送料未確定 (-9999) holds the order; once the mall fixes the postage the next poll releases it", async () => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall, { gracePeriodMinutes: 0 });
  const accountId = app.owner.accountId;
  await seedMappedProduct(app, { accountId, shopId, sku: "TABLE-1", mallItemCode: "table", onHand: 5 });
  const placed = await mall.placeOrder(mallShopId, {
    packages: [{ items: [sku("table", "oak", 29800)], postagePrice: -9999 }],
  });
  await runShopImport(app.ctx, shopId);
  const [summary] = await ordersOf(shopId);
  const held = await detail(summary?.id ?? "");
  assert.equal(held.status, "awaiting_confirmation");
  assert.equal(held.shippingFee, null, "undetermined, never counted as 0");
  assert.equal(held.total, null);
  assert.ok(held.tags.some((t: { systemCode: string }) => t.systemCode === "amount_undetermined"));
  // RMS would refuse 注文確認 now: none is sent, so no モール反映エラー either.
  await app.runDueJobs("mall-confirm-order");
  assert.equal((await mall.view(placed.orderNumber)).orderProgress, 100);
  assert.ok(
    !(await detail(held.id)).tags.some(
      (t: { systemCode: string }) => t.systemCode === "mall_reflection_error",
    ),
  );

  const [basketId] = (await mall.view(placed.orderNumber)).basketIds;
  await mall.change(placed.orderNumber, { packages: [{ basketId, postagePrice: 1200 }] });
  app.clock.advance(minutes(3));
  const run = await runShopImport(app.ctx, shopId);
  assert.equal(run?.counts.updated, 1);
  const released = await detail(summary?.id ?? "");
  assert.equal(released.shippingFee, 1200);
  assert.equal(released.total, 31000);
  assert.ok(!released.tags.some((t: { systemCode: string }) => t.systemCode === "amount_undetermined"));
  assert.equal(released.status, "awaiting_shipment", "paid by card and allocated: on to 出荷待ち by itself");
  // 注文確認 follows once the amount is fixed.
  assert.ok((await app.runDueJobs("mall-confirm-order")) >= 1);
  assert.ok((await mall.view(placed.orderNumber)).orderProgress >= 200, "confirmed at the mall");
  const confirmed = await detail(held.id);
  assert.ok(confirmed.mall.confirmedAt);
  assert.ok(!confirmed.tags.some((t: { systemCode: string }) => t.systemCode === "mall_reflection_error"));
});

test("test import: orders are checked but nothing is sent; processed test orders leave the lists for good", async () => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall, {
    gracePeriodMinutes: 0,
    testImportMode: true,
  });
  const placed = await mall.placeOrder(mallShopId, { packages: [{ items: [sku("pen", "red", 300)] }] });
  const run = await runShopImport(app.ctx, shopId);
  assert.equal(run?.counts.created, 1);
  const [summary] = await ordersOf(shopId);
  const queued = await app.queuedJobs("mall-confirm-order");
  assert.ok(!queued.some((j) => j.data.orderId === summary?.id), "no 注文確認 in test mode");
  await app.runDueJobs("mall-confirm-order");
  assert.equal((await mall.view(placed.orderNumber)).orderProgress, 100);
  const order = await detail(summary?.id ?? "");
  assert.equal(order.testImport, true);

  const processed = await app.api("POST", `/api/shops/${shopId}/test-orders/process`);
  assert.deepEqual(processed.body, { processed: 1 });
  assert.equal((await ordersOf(shopId)).length, 0);
  assert.equal((await ordersOf(shopId, "&includeDeleted=true")).length, 1);

  await app.api("PATCH", `/api/shops/${shopId}`, { settings: { testImportMode: false } });
  app.clock.advance(minutes(3));
  const later = await runShopImport(app.ctx, shopId);
  assert.equal(later?.counts.created, 0);
  assert.equal(later?.counts.skipped, 1, "a processed test order is never imported again");
});

test("credentials are sealed at rest and never answered; a wrong key is reported, not retried", async () => {
  const { shopId } = await connectRakutenShop(app, mall);
  const [row] = (
    (await app.ctx.db.execute(
      (
        await import("drizzle-orm")
      ).sql`select credentials::text as c from shops where id = ${shopId}`,
    )) as unknown as { rows: { c: string }[] }
  ).rows;
  assert.ok(row && !row.c.includes("licenseKey"), "no secret in the clear");
  const shop = await app.api("GET", `/api/shops/${shopId}`);
  assert.equal(shop.body.credentials, undefined);
  assert.equal(shop.body.hasCredentials, true);
  assert.ok(shop.body.credentialsExpireAt);

  const ok = await app.api("POST", `/api/shops/${shopId}/test-connection`);
  assert.equal(ok.body.ok, true);
  await app.api("PATCH", `/api/shops/${shopId}`, {
    credentials: { serviceSecret: "SP_wrong", licenseKey: "SL_wrong" },
  });
  const bad = await app.api("POST", `/api/shops/${shopId}/test-connection`);
  assert.equal(bad.body.ok, false);
  assert.equal(bad.body.code, "rakuten.auth_failed");
  const run = await runShopImport(app.ctx, shopId);
  assert.equal(run?.status, "failed");
  assert.equal(run?.errors[0]?.code, "rakuten.auth_failed");
});

test("取込ログ counts add up: created + updated + unchanged + skipped + failed = the orders read, re-checks included", async () => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall);
  const placed = [];
  for (let i = 0; i < 3; i++) {
    placed.push(await mall.placeOrder(mallShopId, { packages: [{ items: [sku("pen", `c${i}`, 300)] }] }));
  }
  const refused = placed[2]?.orderNumber ?? "";
  // One order the database will not take (as a bug or a constraint would): the others still go in.
  await app.database.db.execute(
    `alter table orders add constraint test_refuse_one check (mall_order_number <> '${refused}')`,
  );
  const first = await runShopImport(app.ctx, shopId);
  await app.database.db.execute("alter table orders drop constraint test_refuse_one");
  assert.equal(first?.counts.created, 2);
  assert.equal(first?.counts.failed, 1);
  assert.equal(first?.seen, 3);
  const retried = await runShopImport(app.ctx, shopId);
  assert.equal(retried?.counts.created, 1, "the failed one comes in on the next run");

  app.clock.advance(minutes(10));
  await runShopImport(app.ctx, shopId);
  await mall.cancel(placed[0]?.orderNumber ?? "");
  app.clock.advance(minutes(10));
  const later = await runShopImport(app.ctx, shopId);
  assert.ok(
    later && later.found < later.seen,
    `open orders are re-checked beyond the window: ${JSON.stringify(later)}`,
  );

  const log = await app.api("GET", `/api/shops/${shopId}/import-runs`);
  for (const run of log.body.items) {
    assert.equal(
      run.created + run.updated + run.unchanged + run.skipped + run.failed,
      run.seen,
      JSON.stringify(run),
    );
  }
  const [latest] = log.body.items;
  assert.equal(latest.failed, 0);
  assert.ok(latest.updated >= 1, "the cancel was followed");
});

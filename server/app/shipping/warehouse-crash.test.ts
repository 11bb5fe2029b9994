import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import type { TestApp } from "#test/app.ts";
import { type SandboxControl, sku } from "#test/rakuten.ts";
import { connectRslShop, type RslControl, startWarehouseTestApp } from "#test/rsl.ts";
import { runShopImport } from "../channels/import-shop.ts";

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
const count = (o: { events: { type: string; detail?: { to?: string } }[] }, type: string, to?: string) =>
  o.events.filter((e) => e.type === type && (to === undefined || e.detail?.to === to)).length;

/** `n` Rakuten orders of one RSL shop, each requested at RSL: 出荷作業中. */
async function ordersAtRsl(n: number) {
  const shop = await connectRslShop(app, mall, warehouse);
  const product = await app.api("POST", "/api/products", { sku: `MUG-${shop.mallShopId}`, name: "マグ" });
  await app.api("POST", `/api/products/${product.body.id}/stock`, {
    warehouseId: shop.warehouseId,
    onHand: 10,
  });
  await app.api("POST", "/api/product-mappings", {
    shopId: shop.shopId,
    mallItemCode: "mug",
    components: [{ productId: product.body.id, quantity: 1 }],
  });
  const numbers: string[] = [];
  for (let i = 0; i < n; i++) {
    const placed = await mall.placeOrder(shop.mallShopId, {
      packages: [{ items: [sku("mug", "w", 1500, 1)] }],
    });
    numbers.push(placed.orderNumber);
  }
  await runShopImport(app.ctx, shop.shopId);
  app.clock.advance(minutes(31));
  await app.runDueJobs("grace-period-over");
  await app.runDueJobs("mall-confirm-order");
  app.clock.advance(minutes(5));
  await app.runDueJobs("shipment-request");
  const list = (await app.api("GET", `/api/orders?shopId=${shop.shopId}`)).body.items;
  const orders = await Promise.all(
    numbers.map((num) => detail(list.find((o: { mallOrderNumber: string }) => o.mallOrderNumber === num).id)),
  );
  for (const o of orders) assert.equal(o.status, "shipping");
  return { ...shop, orders, numbers };
}

const cursorOf = async (warehouseId: string) => {
  const r = await app.database.db.execute(
    sql`select results_cursor as c from warehouses where id = ${warehouseId}`,
  );
  return (r as unknown as { rows: { c: string | null }[] }).rows[0]?.c ?? null;
};

test("a results page whose recording fails half-way keeps its cursor; the next poll records each result once", async () => {
  const { warehouseId, orders } = await ordersAtRsl(2);
  const [first, second] = orders;
  await warehouse.advance(first.shipments[0].warehouseReference, "shipped");
  app.clock.advance(minutes(1));
  await warehouse.advance(second.shipments[0].warehouseReference, "shipped");

  // The database refuses the second order's write half-way through its transaction (as a full disk or
  // a killed connection would): the first result of the page is in, the second is not.
  const victim = second.shipments[0].id as string;
  await app.database.db.execute(
    sql.raw(`create function fail_second_result() returns trigger language plpgsql as $$
      begin
        if new.id = '${victim}' and new.status = 'shipped' then raise exception 'could not extend file'; end if;
        return new;
      end $$`),
  );
  await app.database.db.execute(
    sql.raw(
      "create trigger fail_second_result before update on shipments for each row execute function fail_second_result()",
    ),
  );
  try {
    const failed = await app.api("POST", `/api/warehouses/${warehouseId}/poll-results`);
    assert.equal(failed.status, 500);
  } finally {
    await app.database.db.execute(sql.raw("drop trigger fail_second_result on shipments"));
    await app.database.db.execute(sql.raw("drop function fail_second_result()"));
  }
  assert.equal(await cursorOf(warehouseId), null, "the cursor was not moved past a result not recorded");
  const half = await Promise.all(orders.map((o) => detail(o.id)));
  assert.equal(half[0].status, "shipped");
  assert.equal(half[1].status, "shipping", "nothing half-written: the failed order is as it was");
  assert.equal(half[1].shipments[0].parcels.length, 0);
  assert.equal(half[1].shipments[0].status, "shipping");

  const again = await app.api("POST", `/api/warehouses/${warehouseId}/poll-results`);
  assert.equal(again.status, 200);
  assert.equal(again.body.results, 2, "the page is read again from the saved cursor");
  assert.notEqual(await cursorOf(warehouseId), null);
  for (const o of await Promise.all(orders.map((x) => detail(x.id)))) {
    assert.equal(o.status, "shipped");
    assert.equal(count(o, "shipment_status_changed", "shipped"), 1, "each result recorded exactly once");
    assert.equal(o.shipments[0].parcels.length, 1);
  }
  assert.equal((await app.queuedJobs("mall-report-shipping")).length, 2, "one mall report per order");
  assert.equal(await app.runDueJobs("mall-report-shipping"), 2);
});

test("the mall's answer to updateOrderShipping is lost: the retry adds no second parcel and completes", async () => {
  const { warehouseId, orders, numbers } = await ordersAtRsl(1);
  const [order] = orders;
  const mallOrderNumber = numbers[0] as string;
  await warehouse.advance(order.shipments[0].warehouseReference, "shipped");
  await app.api("POST", `/api/warehouses/${warehouseId}/poll-results`);
  const tracking = (await detail(order.id)).shipments[0].trackingNumber;

  const reports = async () => (await mall.calls("/es/2.0/order/updateOrderShipping")).items.length;
  const before = await reports();
  await mall.fault({
    path: "/es/2.0/order/updateOrderShipping",
    kind: "status503",
    processed: true,
    times: 1,
  });
  await assert.rejects(app.runDueJobs("mall-report-shipping"), "the lost answer fails the job for a retry");
  const lost = await detail(order.id);
  assert.equal(lost.status, "shipped", "not 完了 without the mall's word");
  assert.equal(lost.shipments[0].parcels[0].mallShippingId, null);
  const atMallBefore = await mall.view(mallOrderNumber);
  assert.equal(atMallBefore.order.PackageModelList[0].ShippingModelList.length, 1, "the mall did the work");

  await app.database.db.execute(
    sql`update pgboss.job set start_after = now() where name = 'mall-report-shipping'`,
  );
  assert.equal(await app.runDueJobs("mall-report-shipping"), 1);
  const done = await detail(order.id);
  assert.equal(done.status, "completed");
  const shippings = (await mall.view(mallOrderNumber)).order.PackageModelList[0].ShippingModelList;
  assert.equal(shippings.length, 1, "no second ShippingModel at the mall");
  assert.equal(shippings[0].shippingNumber, tracking);
  assert.equal(done.shipments[0].parcels[0].mallShippingId, String(shippings[0].shippingDetailId));
  assert.equal((await reports()) - before, 1, "the retry read the mall and did not send again");
  assert.ok(!done.tags.some((t: { systemCode: string }) => t.systemCode === "mall_reflection_error"));
});

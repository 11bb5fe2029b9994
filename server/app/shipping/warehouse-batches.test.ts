import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import type { TestApp } from "#test/app.ts";
import { type SandboxControl, sku } from "#test/rakuten.ts";
import { connectRslShop, type RslControl, startWarehouseTestApp } from "#test/rsl.ts";
import { countStatements } from "#test/statements.ts";
import { runShopImport } from "../channels/import-shop.ts";

let app: TestApp;
let mall: SandboxControl;
let warehouse: RslControl;
let close: () => Promise<void>;
const statements = countStatements();

before(async () => {
  ({ app, mall, warehouse, close } = await startWarehouseTestApp());
});
after(() => close());

const minutes = (n: number) => n * 60_000;
const rows = async (query: ReturnType<typeof sql>) =>
  ((await app.database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
const one = async (query: ReturnType<typeof sql>) => Number(Object.values((await rows(query))[0] ?? {})[0]);

/** `n` Rakuten orders of a new RSL shop, imported, confirmed and due for their shipment request. */
async function ordersDue(n: number) {
  const shop = await connectRslShop(app, mall, warehouse);
  const product = await app.api("POST", "/api/products", { sku: `MUG-${shop.mallShopId}`, name: "マグ" });
  await app.api("POST", `/api/products/${product.body.id}/stock`, {
    warehouseId: shop.warehouseId,
    onHand: 1000,
  });
  await app.api("POST", "/api/product-mappings", {
    shopId: shop.shopId,
    mallItemCode: "mug",
    components: [{ productId: product.body.id, quantity: 1 }],
  });
  for (let i = 0; i < n; i++)
    await mall.placeOrder(shop.mallShopId, { packages: [{ items: [sku("mug", "w", 1500, 1)] }] });
  await runShopImport(app.ctx, shop.shopId);
  app.clock.advance(minutes(31));
  await app.runDueJobs("grace-period-over");
  await app.runDueJobs("mall-confirm-order");
  app.clock.advance(minutes(5));
  return { ...shop, productId: product.body.id as string };
}

/** The due shipment requests, retried at once as pg-boss would later when a loaded machine timed one out. */
async function requestDue() {
  for (let attempt = 0; ; attempt++) {
    try {
      return await app.runDueJobs("shipment-request");
    } catch (error) {
      if (attempt === 3) throw error;
      await app.database.db.execute(sql`update pgboss.job set start_after = now()
        where name = 'shipment-request' and state = 'retry'`);
    }
  }
}

const followUps = (warehouseId: string) =>
  rows(sql`select start_after as "startAfter" from pgboss.job where name = 'warehouse-results'
    and data->>'warehouseId' = ${warehouseId} and state = 'created'`);

test("20 shipment requests of one fetch: prepared in one transaction, recorded in another, RSL asked once each", async (t) => {
  const { shopId, merchantId } = await ordersDue(20);
  statements.reset();
  assert.equal(await requestDue(), 20);
  const sent = statements.texts.filter((s) => !/pgboss/i.test(s));
  t.diagnostic(`shipment requests: ${sent.length} statements (pg-boss's aside) for 20 requests`);
  // Prepare: the shipments, their orders (5 reads), warehouses, SKUs. Record: the orders (5 reads),
  // shipments, orders, events. Begin and commit twice.
  assert.ok(sent.length <= 22, `${sent.length} statements for 20 requests:\n${sent.join("\n")}`);
  assert.equal(sent.filter((s) => /^\s*update "shipments"/i.test(s)).length, 1, "shipments written once");
  assert.equal(
    sent.filter((s) => /^\s*insert into "order_events"/i.test(s)).length,
    1,
    "events written once",
  );
  assert.equal(
    await one(sql`select count(*) from orders where shop_id = ${shopId} and status = 'shipping'`),
    20,
  );
  const requests = (await warehouse.requests(merchantId)).items;
  assert.equal(requests.length, 20, "one RSL request per shipment");
  assert.deepEqual(
    await rows(sql`select count(*)::int as n, count(distinct s.warehouse_reference)::int as refs,
      count(s.planned_ship_date)::int as planned, count(s.unshippable_reason)::int as reasons
      from shipments s join orders o on o.id = s.order_id where o.shop_id = ${shopId}
      and s.status = 'shipping' and s.requested_at is not null`),
    [{ n: 20, refs: 20, planned: 20, reasons: 0 }],
  );
  assert.deepEqual(
    (
      await rows(sql`select s.warehouse_reference as ref from shipments s join orders o on o.id = s.order_id
        where o.shop_id = ${shopId} order by 1`)
    ).map((r) => r.ref),
    requests.map((r) => r.requestId).sort(),
    "each shipment holds the reference RSL gave its request",
  );
  assert.equal(
    await one(sql`select count(*) from order_events e join orders o on o.id = e.order_id
      where o.shop_id = ${shopId} and e.type = 'shipment_status_changed' and e.detail->>'to' = 'shipping'`),
    20,
  );

  // The same jobs again (a crash after the record, before pg-boss heard of it): nothing asked twice.
  statements.reset();
  const again =
    await rows(sql`select count(*)::int as n from order_events e join orders o on o.id = e.order_id
    where o.shop_id = ${shopId}`);
  await app.ctx.jobs.enqueueMany(
    app.database.db,
    "shipment-request",
    (
      await rows(
        sql`select s.id from shipments s join orders o on o.id = s.order_id where o.shop_id = ${shopId}`,
      )
    ).map((r) => ({ data: { shipmentId: r.id } })),
  );
  assert.equal(await requestDue(), 20);
  assert.equal((await warehouse.requests(merchantId)).items.length, 20);
  assert.deepEqual(
    await rows(sql`select count(*)::int as n from order_events e join orders o on o.id = e.order_id
      where o.shop_id = ${shopId}`),
    again,
  );
});

test("a batch where RSL refuses one request and fails another: the refusal is recorded with why, the failure retried alone, the rest go", async () => {
  const { shopId, merchantId } = await ordersDue(4);
  const path = "/api/v1/shipment-requests";
  await warehouse.fault({ path, method: "POST", status: 422, times: 1 });
  await warehouse.fault({ path, method: "POST", status: 503, times: 1 });
  await requestDue();
  assert.deepEqual(
    await rows(sql`select s.status, count(*)::int as n from shipments s join orders o on o.id = s.order_id
      where o.shop_id = ${shopId} group by s.status order by s.status`),
    [
      { status: "shipping", n: 3 },
      { status: "unshippable", n: 1 },
    ],
  );
  assert.equal((await warehouse.requests(merchantId)).items.length, 3, "the failed call asked again, once");
  const [refused] = await rows(sql`select s.unshippable_reason as why, o.id as "orderId",
      exists(select 1 from order_tags ot join tags t on t.id = ot.tag_id
        where ot.order_id = o.id and t.system_code = 'warehouse_rejected') as tagged
    from shipments s join orders o on o.id = s.order_id where o.shop_id = ${shopId} and s.status = 'unshippable'`);
  assert.match(String(refused?.why), /^倉庫が出荷依頼を受け付けませんでした\(E9000: /);
  assert.equal(refused?.tagged, true, "倉庫受付エラー tag attached");
  assert.equal(
    await one(sql`select count(*) from order_events where order_id = ${refused?.orderId}
      and type = 'shipment_status_changed' and detail->>'to' = 'unshippable'`),
    1,
  );
});

test("20 results of one poll: one transaction of a handful of statements, stock written once", async (t) => {
  const { shopId, warehouseId, productId } = await ordersDue(20);
  await requestDue();
  assert.equal(
    await one(sql`select count(*) from orders where shop_id = ${shopId} and status = 'shipping'`),
    20,
  );
  app.clock.advance(minutes(200));
  statements.reset();
  const polled = await app.api("POST", `/api/warehouses/${warehouseId}/poll-results`);
  const sent = statements.texts;
  t.diagnostic(`warehouse results: ${sent.length} statements for 20 results`);
  assert.equal(polled.body.results, 20);
  // Reading the warehouse, its shipments and orders once, the writes, the stock, the cursor.
  assert.ok(sent.length <= 25, `${sent.length} statements for 20 results:\n${sent.join("\n")}`);
  assert.equal(sent.filter((s) => /^\s*update "stock"/i.test(s)).length, 1, "stock written once");
  assert.equal(
    await one(sql`select count(*) from orders where shop_id = ${shopId} and status = 'shipped'`),
    20,
  );
  assert.deepEqual(
    await rows(sql`select on_hand as "onHand", allocated from stock where product_id = ${productId}`),
    [{ onHand: 980, allocated: 0 }],
  );
  assert.equal(
    await one(sql`select count(*) from pgboss.job j join orders o on o.id = (j.data->>'orderId')::uuid
      where j.name = 'mall-report-shipping' and o.shop_id = ${shopId}`),
    20,
    "one shipping report per order",
  );
  assert.equal(
    await one(sql`select count(*) from order_events e join orders o on o.id = e.order_id
      where o.shop_id = ${shopId} and e.type = 'shipment_status_changed' and e.detail->>'to' = 'shipped'`),
    20,
  );

  // 出荷報告 for the 20 orders: one fetch, its reads and writes shared; the mall called per parcel.
  statements.reset();
  assert.equal(await app.runDueJobs("mall-report-shipping"), 20);
  const reported = statements.texts.filter((s) => !/pgboss/i.test(s));
  t.diagnostic(`mall shipping reports: ${reported.length} statements (pg-boss's aside) for 20 orders`);
  assert.ok(reported.length <= 20, `${reported.length} statements for 20 reports:\n${reported.join("\n")}`);
  assert.equal(
    await one(sql`select count(*) from orders where shop_id = ${shopId} and status = 'completed'`),
    20,
  );
  assert.equal(
    await one(sql`select count(*) from shipments s join orders o on o.id = s.order_id
      where o.shop_id = ${shopId} and s.mall_reported_at is not null
      and s.parcels->0->>'mallShippingId' is not null and s.parcels->0->>'reportSentAt' is null`),
    20,
    "every parcel has the mall's id, its mark gone",
  );

  // The same page read again (a crash before the cursor was saved) changes nothing.
  await app.database.db.execute(sql`update warehouses set results_cursor = null where id = ${warehouseId}`);
  const events = await one(sql`select count(*) from order_events e join orders o on o.id = e.order_id
    where o.shop_id = ${shopId}`);
  await app.api("POST", `/api/warehouses/${warehouseId}/poll-results`);
  assert.equal(
    await one(
      sql`select count(*) from order_events e join orders o on o.id = e.order_id where o.shop_id = ${shopId}`,
    ),
    events,
  );
  assert.equal(await one(sql`select on_hand from stock where product_id = ${productId}`), 980);
});

test("a batch of requests RSL took: its results are read 10 s later, not at the merchant's interval; one poll waits however many batches", async () => {
  const { warehouseId, shopId } = await ordersDue(3);
  const requestedAt = app.clock.now().getTime();
  await requestDue();
  const waiting = await followUps(warehouseId);
  assert.equal(waiting.length, 1);
  assert.equal(new Date(String(waiting[0]?.startAfter)).getTime(), requestedAt + 10_000);

  // Another batch meanwhile: still the one poll.
  const [first] = await rows(sql`select s.id, s.order_id as "orderId" from shipments s
    join orders o on o.id = s.order_id where o.shop_id = ${shopId} limit 1`);
  await app.api("POST", `/api/orders/${first?.orderId}/shipments/${first?.id}/withdraw`);
  await app.api("POST", `/api/orders/${first?.orderId}/shipments/${first?.id}/request`);
  await requestDue();
  assert.equal((await followUps(warehouseId)).length, 1, "no second poll piled up");

  // RSL stops one parcel at picking; nobody polls by hand, and the merchant's 15 minutes are far.
  const [stopped] =
    await rows(sql`select s.warehouse_reference as ref, s.order_id as "orderId" from shipments s
    join orders o on o.id = s.order_id where o.shop_id = ${shopId} and s.id <> ${first?.id} limit 1`);
  await warehouse.unshippable(String(stopped?.ref), "欠品(SKU MUG が 1 個不足)");
  await app.runDueJobs("warehouse-results");
  assert.equal((await followUps(warehouseId)).length, 1, "not before its 10 s");
  app.clock.advance(10_000);
  await app.runDueJobs("warehouse-results");
  assert.equal((await followUps(warehouseId)).length, 0);
  const order = (await app.api("GET", `/api/orders/${stopped?.orderId}`)).body;
  assert.equal(order.shipments[0].status, "unshippable");
  assert.match(order.shipments[0].unshippableReason, /欠品/);
});

import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { eq, sql } from "drizzle-orm";
import { shops, tags } from "#server/db/schema.ts";
import type { TestApp } from "#test/app.ts";
import { seedMappedProduct } from "#test/catalog.ts";
import { orderBody } from "#test/catalog-api.ts";
import { connectRakutenShop, type SandboxControl, startRakutenTestApp } from "#test/rakuten.ts";
import { countStatements } from "#test/statements.ts";
import { applyMallOrders } from "../channels/apply-mall-orders.ts";
import { orderSourceOf } from "../channels/channel-clients.ts";
import { runShopImport } from "../channels/import-shop.ts";
import { progressOrderIds } from "./progress-order.ts";
import { registerOrders } from "./register-order.ts";

let app: TestApp;
let mall: SandboxControl;
let close: () => Promise<void>;
const statements = countStatements();

let manualShopId: string;

before(async () => {
  ({ app, mall, close } = await startRakutenTestApp());
  manualShopId = (await app.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
});
after(() => close());

const rows = async (query: ReturnType<typeof sql>) =>
  ((await app.database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
const one = async (query: ReturnType<typeof sql>) => Number(Object.values((await rows(query))[0] ?? {})[0]);

async function shopRow(shopId: string) {
  const [shop] = await app.database.db.select().from(shops).where(eq(shops.id, shopId));
  if (!shop) throw new Error("no shop");
  return shop;
}

async function mallOrders(mallShopId: string, shopId: string, count: number) {
  const placed = await mall.call("POST", `/shops/${mallShopId}/orders/bulk`, { count });
  return orderSourceOf(app.ctx, await shopRow(shopId)).getOrders(placed.orderNumbers as string[]);
}

test("200 imported orders: every row as one by one, with a number of statements per batch, not per order", async (t) => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall);
  assert.equal((await runShopImport(app.ctx, shopId))?.status, "succeeded", "a first poll sets the cursor");
  app.clock.advance(3 * 60_000);
  await mall.call("POST", `/shops/${mallShopId}/orders/bulk`, { count: 200 });
  statements.reset();
  const run = await runShopImport(app.ctx, shopId);
  const sent = statements.texts.length;
  t.diagnostic(`import: ${sent} statements for 200 orders`);
  assert.equal(run?.status, "succeeded", JSON.stringify(run?.errors));
  assert.equal(run?.counts.created, 200);
  // Two transactions of 100 orders; the poll's own bookkeeping (lease, run log, cursor) is a few more.
  assert.ok(sent <= 60, `${sent} statements for 200 orders`);
  const perOrder = (q: string) =>
    one(sql.raw(`${q} ${q.includes(" where ") ? "and" : "where"} o.shop_id = '${shopId}'`));
  assert.equal(await perOrder("select count(*) from orders o"), 200);
  assert.equal(await perOrder("select count(*) from orders o where status = 'new'"), 200);
  assert.equal(
    await perOrder("select count(*) from order_events e join orders o on o.id = e.order_id"),
    200,
    "one registered event each",
  );
  assert.equal(
    await perOrder("select count(*) from shipments s join orders o on o.id = s.order_id"),
    await perOrder("select count(distinct s.order_id) from shipments s join orders o on o.id = s.order_id"),
  );
  assert.equal(
    await perOrder(
      "select count(*) from orders o where not exists (select 1 from order_items i where i.order_id = o.id)",
    ),
    0,
  );
  assert.equal(
    await one(sql`select count(*) from pgboss.job j join orders o on o.id = (j.data->>'orderId')::uuid
      where o.shop_id = ${shopId}`),
    0,
    "no job per order: the grace sweep over orders_grace_idx takes them when it is over",
  );
});

test("one bad order in a batch: the others land, the bad one is recorded with why", async () => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall);
  const orders = await mallOrders(mallShopId, shopId, 20);
  const bad = orders[7];
  if (!bad) throw new Error("too few orders");
  const broken = orders.map((o) => (o === bad ? { ...o, packages: [] } : o));
  const { outcomes, failures } = await applyMallOrders(app.ctx, await shopRow(shopId), broken, false);
  assert.equal(outcomes.filter((o) => o === "created").length, 19);
  assert.deepEqual(
    failures.map((f) => [f.mallOrderNumber, f.code]),
    [[bad.mallOrderNumber, "import.order_failed"]],
  );
  assert.match(failures[0]?.message ?? "", /no package/);
  assert.equal(await one(sql`select count(*) from orders where shop_id = ${shopId}`), 19);
});

test("the same mall orders twice in one batch and in two imports at once: each order once", async () => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall);
  const orders = await mallOrders(mallShopId, shopId, 50);
  const shop = await shopRow(shopId);
  const [a, b] = await Promise.all([
    applyMallOrders(app.ctx, shop, [...orders, ...orders.slice(0, 5)], false),
    applyMallOrders(app.ctx, shop, [...orders].reverse(), false),
  ]);
  assert.deepEqual([...a.failures, ...b.failures], []);
  const created = [...a.outcomes, ...b.outcomes].filter((o) => o === "created").length;
  assert.equal(created, 50, "each created by one of the two");
  assert.equal(await one(sql`select count(*) from orders where shop_id = ${shopId}`), 50);
  assert.equal(
    await one(sql`select count(*) from order_events e join orders o on o.id = e.order_id
      where o.shop_id = ${shopId} and e.type = 'registered'`),
    50,
  );
});

test("registration in a batch: refusals per order, all the way to 出荷待ち, stock updated once per product", async (t) => {
  const shopId = manualShopId;
  const { productId } = await seedMappedProduct(app, {
    accountId: app.owner.accountId,
    shopId,
    mallItemCode: "tea-200",
    sku: "TEA-200",
    onHand: 150,
  });
  const body = (n: number) =>
    orderBody(shopId, `B-${n}`, [{ mallItemCode: "tea-200", quantity: 1 }], {
      paid: true,
      buyer: { name: "佐藤 花子", email: `buyer${n % 7}@example.com` },
    });
  const [first] = await registerOrders(app.ctx, { kind: "system" }, app.owner.accountId, [body(0)]);
  assert.ok(first && "orderId" in first);
  const inputs = [...Array.from({ length: 200 }, (_, i) => body(i + 1)), body(0), body(5)];
  statements.reset();
  const outcomes = await registerOrders(app.ctx, { kind: "system" }, app.owner.accountId, inputs);
  const sent = statements.texts;
  t.diagnostic(`registration: ${sent.length} statements for 202 inputs`);
  assert.equal(outcomes.filter((o) => "orderId" in o).length, 200);
  assert.deepEqual(
    outcomes.flatMap((o) => ("refusal" in o ? [o.refusal.rule] : [])),
    ["number_unique_per_shop", "number_unique_per_shop"],
  );
  assert.ok(sent.length <= 40, `${sent.length} statements for 200 registrations`);
  assert.equal(sent.filter((s) => /^\s*update "stock"/i.test(s)).length, 1, "stock written once");
  assert.equal(await one(sql`select allocated from stock where product_id = ${productId}`), 150);
  assert.equal(
    await one(sql`select count(*) from orders where shop_id = ${shopId} and status = 'awaiting_shipment'`),
    150,
  );
  assert.equal(
    await one(sql`select count(*) from orders where shop_id = ${shopId} and status = 'confirmed'`),
    51,
    "the 51 the stock could not cover wait",
  );
  assert.equal(
    await one(sql`select count(*) from order_tags ot join tags t on t.id = ot.tag_id join orders o on o.id = ot.order_id
      where o.shop_id = ${shopId} and t.system_code = 'stock_short'`),
    51,
  );
  assert.equal(
    await one(
      sql`select coalesce(sum(allocated_delta), 0) from stock_movements where product_id = ${productId}`,
    ),
    150,
  );
  assert.equal(
    await one(sql`select count(*) from pgboss.job j join shipments s on s.id = (j.data->>'shipmentId')::uuid
      join orders o on o.id = s.order_id where j.name = 'shipment-request' and o.shop_id = ${shopId}`),
    150,
  );
  const steps =
    await rows(sql`select e.type, e.to_status from order_events e join orders o on o.id = e.order_id
    where o.shop_id = ${shopId} and o.mall_order_number = 'B-1' order by e.id`);
  assert.deepEqual(
    steps.map((e) => `${e.type}:${e.to_status ?? ""}`),
    [
      "registered:new",
      "status_changed:awaiting_confirmation",
      "status_changed:confirmed",
      "shipment_status_changed:",
      "status_changed:awaiting_shipment",
    ],
    "every step on the timeline, in order, as one by one",
  );
});

test("the same numbers registered by two batches at once: each order once, its stock taken once", async () => {
  const shopId = manualShopId;
  const { productId } = await seedMappedProduct(app, {
    accountId: app.owner.accountId,
    shopId,
    mallItemCode: "tea-race",
    sku: "TEA-RACE",
    onHand: 100,
  });
  const batch = Array.from({ length: 20 }, (_, n) =>
    orderBody(shopId, `RACE-${n}`, [{ mallItemCode: "tea-race", quantity: 2 }], { paid: true }),
  );
  // On PostgreSQL both pass the number check, allocate in memory, and the second finds the numbers
  // taken at its insert: what it allocated goes back to the shelf.
  const [a, b] = await Promise.all([
    registerOrders(app.ctx, { kind: "system" }, app.owner.accountId, batch),
    registerOrders(app.ctx, { kind: "system" }, app.owner.accountId, [...batch].reverse()),
  ]);
  const registered = [...a, ...b].filter((o) => "orderId" in o).length;
  assert.equal(registered, 20, "each number registered by one of the two");
  assert.equal(
    await one(sql`select count(*) from orders where shop_id = ${shopId} and mall_order_number like 'RACE-%'`),
    20,
  );
  assert.equal(await one(sql`select allocated from stock where product_id = ${productId}`), 40);
  assert.equal(
    await one(sql`select sum(allocated_delta) from stock_movements where product_id = ${productId}`),
    40,
  );
  assert.equal(
    await one(sql`select sum(a.allocated) from allocations a where a.product_id = ${productId}`),
    40,
  );
});

test("the grace period over for many orders: loaded and moved on together, with a handful of statements", async (t) => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall);
  const orders = await mallOrders(mallShopId, shopId, 30);
  await applyMallOrders(app.ctx, await shopRow(shopId), orders, false);
  const ids = (await rows(sql`select id from orders where shop_id = ${shopId}`)).map((r) => String(r.id));
  assert.equal(ids.length, 30);
  const later = new Date(app.clock.now().getTime() + 8 * 24 * 60 * 60_000);
  statements.reset();
  const moved = await app.ctx.db.transaction((tx) =>
    progressOrderIds(tx, app.ctx, ids, { actor: "system:test", now: later }),
  );
  const sent = statements.texts.length;
  t.diagnostic(`grace over: ${sent} statements for 30 orders`);
  assert.equal(moved.length, 30);
  assert.ok(sent <= 25, `${sent} statements for 30 orders`);
  assert.equal(await one(sql`select count(*) from orders where shop_id = ${shopId} and status = 'new'`), 0);
  assert.equal(
    await one(sql`select count(*) from order_events e join orders o on o.id = e.order_id
      where o.shop_id = ${shopId} and e.type = 'status_changed'`),
    moved.reduce((n, o) => n + (o.snapshot.status === "awaiting_confirmation" ? 1 : 2), 0),
    "each step on the timeline",
  );
});

test("a tag rule on the buyer's order count sees the batch's earlier orders, not its later ones", async () => {
  const tagId = randomUUID();
  await app.database.db.insert(tags).values({
    id: tagId,
    accountId: app.owner.accountId,
    kind: "custom",
    name: "リピーター",
    color: "#888888",
    hold: false,
    rule: { match: "all", conditions: [{ field: "buyerOrderCount", op: "gte", value: 2 }] },
  });
  const body = (n: number, email: string) =>
    orderBody(manualShopId, `REPEAT-${n}`, [{ mallItemCode: "tea-300", quantity: 1 }], {
      buyer: { name: "山田 太郎", email },
    });
  const outcomes = await registerOrders(app.ctx, { kind: "system" }, app.owner.accountId, [
    body(1, "first-time@example.com"),
    body(2, "again@example.com"),
    body(3, "again@example.com"),
    body(4, "again@example.com"),
  ]);
  const tagged =
    await rows(sql`select o.mall_order_number from order_tags ot join orders o on o.id = ot.order_id
    where ot.tag_id = ${tagId} order by o.mall_order_number`);
  assert.equal(outcomes.filter((o) => "orderId" in o).length, 4);
  assert.deepEqual(
    tagged.map((r) => r.mall_order_number),
    ["REPEAT-3", "REPEAT-4"],
  );
});

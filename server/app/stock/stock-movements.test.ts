import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import iconv from "iconv-lite";
import { startTestApp, type TestApp } from "#test/app.ts";
import { mapItem, newOrder, newProduct, orderBody, stockOf } from "#test/catalog-api.ts";

let t: TestApp;
let shopId: string;
let warehouseId: string;
let seq = 0;

before(async () => {
  t = await startTestApp();
  shopId = (
    await t.api("POST", "/api/shops", {
      channel: "manual",
      name: "電話注文",
      // 注文キャンセル時在庫戻し is off for a new shop; this one gives the stock back.
      settings: { returnStockOnCancel: true },
    })
  ).body.id;
  warehouseId = (await t.api("GET", "/api/warehouses")).body.items[0].id;
});
after(() => t.close());

const get = async (orderId: string) => (await t.api("GET", `/api/orders/${orderId}`)).body;

/** A paid order of `quantity` × item, requested at the own stock room: its shipment 出荷中. */
async function requested(item: string, quantity: number) {
  const order = await newOrder(
    t,
    orderBody(shopId, `SM-${++seq}`, [{ mallItemCode: item, quantity }], { paid: true }),
  );
  const shipment = order.shipments[0];
  const req = await t.api("POST", `/api/orders/${order.id}/shipments/${shipment.id}/request`);
  assert.equal(req.status, 202, JSON.stringify(req.body));
  await t.runDueJobs("shipment-request");
  assert.equal((await get(order.id)).shipments[0].status, "shipping");
  return { orderId: order.id as string, slipNumber: shipment.slipNumber as string };
}

/** 伝票番号取込 of these slips (the carrier's B2 export). */
async function importTracking(slips: string[]) {
  const rows = [
    ["お客様管理番号", "伝票番号", "出荷予定日"],
    ...slips.map((slip, i) => [slip, `4000-0000-${String(1000 + i)}`, "2030/01/15"]),
  ];
  const body = iconv.encode(`${rows.map((r) => r.join(",")).join("\r\n")}\r\n`, "Shift_JIS");
  const res = await fetch(
    `${t.url}/api/warehouses/${warehouseId}/tracking-imports?profile=yamato_b2_issued`,
    {
      method: "POST",
      headers: { authorization: `Bearer ${t.owner.apiToken}`, "content-type": "text/csv" },
      body: new Uint8Array(body),
    },
  );
  assert.equal(res.status, 200, await res.text());
}

/** Every stock row against the sum of its movements: the two must never differ. */
async function unbalanced() {
  const r = await t.database.db.execute(sql`
    select s.product_id, s.on_hand, s.allocated,
      coalesce(sum(m.on_hand_delta), 0)::int as moved_on_hand,
      coalesce(sum(m.allocated_delta), 0)::int as moved_allocated
    from stock s left join stock_movements m
      on m.product_id = s.product_id and m.warehouse_id = s.warehouse_id
    group by s.product_id, s.warehouse_id, s.on_hand, s.allocated
    having s.on_hand <> coalesce(sum(m.on_hand_delta), 0) or s.allocated <> coalesce(sum(m.allocated_delta), 0)`);
  return (r as unknown as { rows: unknown[] }).rows;
}

test("出荷済 takes the shipped units out of 在庫 and 引当, once, whatever happens to the order after", async () => {
  const p = await newProduct(t, "SHIP-1", 10);
  await mapItem(t, shopId, "ship-1", [{ productId: p, quantity: 1 }]);
  const a = await requested("ship-1", 3);
  const b = await requested("ship-1", 2);
  assert.deepEqual(await stockOf(t, p), { onHand: 10, allocated: 5, available: 5 });

  await importTracking([a.slipNumber, b.slipNumber]);
  assert.equal((await get(a.orderId)).status, "shipped");
  assert.deepEqual(await stockOf(t, p), { onHand: 5, allocated: 0, available: 5 });

  await importTracking([a.slipNumber]);
  await t.runDueJobs("mall-report-shipping");
  assert.equal((await get(a.orderId)).status, "completed");
  const cancel = await t.api("POST", `/api/orders/${a.orderId}/cancel`, {});
  assert.equal(cancel.status, 200, JSON.stringify(cancel.body));
  await t.runDueJobs("allocate-waiting-orders");
  assert.deepEqual(await stockOf(t, p), { onHand: 5, allocated: 0, available: 5 });
});

test("在庫 = the sum of its movements after receive, allocate, cancel and ship; the history says who and why", async () => {
  const p = await newProduct(t, "LEDGER-1", 4);
  await mapItem(t, shopId, "ledger-1", [{ productId: p, quantity: 2 }]);
  assert.equal((await t.api("POST", `/api/products/${p}/stock`, { delta: 4 })).status, 200);
  const shipped = await requested("ledger-1", 1);
  const two = [{ mallItemCode: "ledger-1", quantity: 2 }];
  const cancelled = await newOrder(t, orderBody(shopId, `SM-${++seq}`, two));
  const short = await newOrder(t, orderBody(shopId, `SM-${++seq}`, two));
  assert.equal(short.shippingStatus, "allocating");
  assert.equal((await t.api("POST", `/api/orders/${cancelled.id}/cancel`, {})).status, 200);
  await t.runDueJobs("allocate-waiting-orders");
  assert.equal((await get(short.id)).shipments[0].allocations[0].allocated, 4);
  await importTracking([shipped.slipNumber]);
  assert.equal((await t.api("POST", `/api/products/${p}/stock`, { onHand: 7 })).status, 200);

  assert.deepEqual(await stockOf(t, p), { onHand: 7, allocated: 4, available: 3 });
  assert.deepEqual(await unbalanced(), []);

  const history = await t.api("GET", `/api/products/${p}/stock-movements?warehouseId=${warehouseId}`);
  assert.equal(history.status, 200, JSON.stringify(history.body));
  const lines = history.body.items.map(
    (m: { kindLabel: string; onHandDelta: number; allocatedDelta: number; order: { id: string } | null }) => [
      m.kindLabel,
      m.onHandDelta,
      m.allocatedDelta,
      m.order?.id ?? null,
    ],
  );
  assert.deepEqual(lines.reverse(), [
    ["棚卸・調整", 4, 0, null],
    ["入庫", 4, 0, null],
    ["引当", 0, 2, shipped.orderId],
    ["引当", 0, 4, cancelled.id],
    ["引当", 0, 2, short.id],
    ["引当解除", 0, -4, cancelled.id],
    ["引当", 0, 2, short.id],
    ["出荷", -2, -2, shipped.orderId],
    ["棚卸・調整", 1, 0, null],
  ]);
  assert.match(history.body.items[0].at, /\+09:00$/);
  assert.match(history.body.items[0].actor, /^token:/);
  assert.equal(
    history.body.items[0].actedBy.label,
    "APIトークン「初期APIトークン」",
    "named, not just a kind",
  );

  const page = await t.api("GET", `/api/products/${p}/stock-movements?limit=4`);
  assert.equal(page.body.items.length, 4);
  const rest = await t.api("GET", `/api/products/${p}/stock-movements?cursor=${page.body.nextCursor}`);
  assert.equal(rest.body.items.length, 5);
  assert.equal(rest.body.nextCursor, null);
  const other = await t.newAccount();
  const stranger = await t.api("GET", `/api/products/${p}/stock-movements`, undefined, other.apiToken);
  assert.equal(stranger.status, 404);
});

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import iconv from "iconv-lite";
import { ORDER_STATUS_LABELS } from "#server/domain/order-status.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { mapItem, newOrder, newProduct, orderBody } from "#test/catalog-api.ts";
import { runWebhookJobs, startWebhookReceiver } from "#test/webhook-receiver.ts";

let t: TestApp;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let shopId: string;
let warehouseId: string;
const secrets: string[] = [];
let seq = 0;

before(async () => {
  t = await startTestApp();
  receiver = await startWebhookReceiver({ now: () => t.clock.now(), secrets: () => secrets });
  shopId = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
  warehouseId = (await t.api("GET", "/api/warehouses")).body.items[0].id;
  await mapItem(t, shopId, "mug", [{ productId: await newProduct(t, "MUG-1", 100), quantity: 1 }]);
});
after(async () => {
  await receiver.close();
  await t.close();
});

const deliver = () => runWebhookJobs(t);

async function newEndpoint(events: string[], url = receiver.url) {
  const res = await t.api("POST", "/api/webhooks", { url, description: "基幹システム", events });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.match(res.body.secret, /^whsec_[A-Za-z0-9+/]{32}$/);
  secrets.push(res.body.secret);
  return { id: res.body.endpoint.id as string, secret: res.body.secret as string };
}

const off = async (id: string) =>
  assert.equal((await t.api("PATCH", `/api/webhooks/${id}`, { enabled: false })).status, 200);

/** A paid order of one mug, requested at the own stock room and shipped by a tracking-number file. */
async function shippedOrder() {
  const order = await newOrder(
    t,
    orderBody(shopId, `W-${++seq}`, [{ mallItemCode: "mug", quantity: 1 }], { paid: true }),
  );
  const shipment = order.shipments[0];
  assert.equal((await t.api("POST", `/api/orders/${order.id}/shipments/${shipment.id}/request`)).status, 202);
  await t.runDueJobs("shipment-request");
  const csv = iconv.encode(
    `お客様管理番号,伝票番号,出荷予定日\r\n${shipment.slipNumber},1234-5678-9012,2030/01/15\r\n`,
    "Shift_JIS",
  );
  const res = await fetch(
    `${t.url}/api/warehouses/${warehouseId}/tracking-imports?profile=yamato_b2_issued`,
    {
      method: "POST",
      headers: { authorization: `Bearer ${t.owner.apiToken}`, "content-type": "text/csv" },
      body: new Uint8Array(csv),
    },
  );
  assert.equal(res.status, 200, await res.text());
  return (await t.api("GET", `/api/orders/${order.id}`)).body;
}

test("an order moved through its statuses: each subscribed event reaches the receiver once, signed; others are not sent", async () => {
  const endpoint = await newEndpoint(["order.status_changed", "order.cancelled", "shipment.shipped"]);
  const from = receiver.received.length;
  const order = await shippedOrder();
  assert.equal(order.status, "shipped");
  const cancelled = await newOrder(
    t,
    orderBody(shopId, `W-${++seq}`, [{ mallItemCode: "mug", quantity: 1 }]),
  );
  assert.equal((await t.api("POST", `/api/orders/${cancelled.id}/cancel`, {})).status, 200);
  assert.ok((await deliver()) > 0);

  const got = receiver.received.slice(from);
  for (const r of got) {
    assert.deepEqual(
      r.verifiedWith,
      [endpoint.secret],
      `${r.payload.type} signed with the endpoint's secret`,
    );
    assert.ok(r.fresh, "the timestamp is the try's own");
    assert.equal(r.payload.timestamp.endsWith("+09:00"), true);
  }
  assert.equal(new Set(got.map((r) => r.id)).size, got.length, "each event once");
  assert.deepEqual(
    got.filter((r) => r.payload.type.startsWith("shipment.")).map((r) => r.payload.type),
    ["shipment.shipped"],
    "shipment.status_changed is not subscribed: not sent",
  );
  const changes = (orderId: string) =>
    got
      .filter((r) => r.payload.type === "order.status_changed" && r.payload.data.orderId === orderId)
      .map((r) => r.payload.data.status);
  const timeline = (await t.api("GET", `/api/orders/${order.id}`)).body.events
    .filter((e: { type: string }) => e.type === "status_changed")
    .map((e: { toStatus: string }) => e.toStatus);
  assert.ok(timeline.length >= 3, JSON.stringify(timeline));
  assert.deepEqual(changes(order.id), timeline, "every status change of the order, in order");
  const last = got
    .filter((r) => r.payload.type === "order.status_changed" && r.payload.data.orderId === order.id)
    .at(-1);
  assert.deepEqual(
    { ...last?.payload.data },
    {
      orderId: order.id,
      mallOrderNumber: order.mallOrderNumber,
      shopId,
      status: "shipped",
      statusLabel: ORDER_STATUS_LABELS.shipped,
      previousStatus: "shipping",
      previousStatusLabel: ORDER_STATUS_LABELS.shipping,
    },
  );
  const shipped = got.find((r) => r.payload.type === "shipment.shipped")?.payload.data;
  assert.equal(shipped.shipmentId, order.shipments[0].id);
  assert.equal(shipped.statusLabel, "出荷済");
  assert.equal(shipped.parcels[0].trackingNumber, "123456789012");
  assert.equal(shipped.parcels[0].carrierLabel, "ヤマト運輸");
  const cancels = got.filter((r) => r.payload.type === "order.cancelled");
  assert.equal(cancels.length, 1);
  assert.equal(cancels[0]?.payload.data.orderId, cancelled.id);
  assert.equal(cancels[0]?.payload.data.statusLabel, "キャンセル");
  assert.deepEqual(changes(cancelled.id).at(-1), "cancelled");

  const log = (await t.api("GET", `/api/webhooks/${endpoint.id}/deliveries?status=succeeded&limit=200`)).body;
  assert.equal(log.items.length, got.length);
  assert.equal(await deliver(), 0, "nothing is sent twice");
  await off(endpoint.id);
});

test("most changes write nothing: no enabled endpoint subscribed, no outbox row", async () => {
  const endpoint = await newEndpoint(["mail.failed"]);
  const rows = async () =>
    Number(
      (
        (await t.database.db.execute("select count(*) as n from webhook_events")) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]?.n,
    );
  const before = await rows();
  await shippedOrder();
  assert.equal(await rows(), before);
  await off(endpoint.id);
});

test("shipment.status_changed: every move of the shipment, with its labels and 出荷番号", async () => {
  const endpoint = await newEndpoint(["shipment.status_changed"]);
  const from = receiver.received.length;
  const order = await shippedOrder();
  await deliver();
  const got = receiver.received.slice(from).map((r) => r.payload);
  const timeline = order.events
    .filter((e: { type: string }) => e.type === "shipment_status_changed")
    .map((e: { message: string }) => e.message);
  assert.ok(got.length >= 3, JSON.stringify(got.map((p) => p.data.status)));
  assert.equal(got.length, timeline.length, "one event per move on the timeline");
  assert.ok(got.every((p) => p.type === "shipment.status_changed" && p.data.orderId === order.id));
  assert.deepEqual(
    got.at(-1)?.data && [got.at(-1)?.data.status, got.at(-1)?.data.statusLabel, got.at(-1)?.data.slipNumber],
    ["shipped", "出荷済", order.shipments[0].slipNumber],
  );
  await off(endpoint.id);
});

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import iconv from "iconv-lite";
import { inspectPdf } from "#server/adapters/documents/test-pdf.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { mapItem, newOrder, newProduct, orderBody } from "#test/catalog-api.ts";

let t: TestApp;
let shopId: string;
let warehouseId: string;

before(async () => {
  t = await startTestApp();
  shopId = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
  warehouseId = (await t.api("GET", "/api/warehouses")).body.items[0].id;
  await t.api("PATCH", `/api/warehouses/${warehouseId}`, {
    settings: {
      sender: {
        name: "自社倉庫",
        postalCode: "150-0001",
        prefecture: "東京都",
        address1: "渋谷区神宮前1-2-3",
        phone: "03-1234-5678",
      },
      yamatoBillingCustomerCode: "0312345678",
    },
  });
  const productId = await newProduct(t, "MUG-1", 100);
  await mapItem(t, shopId, "mug", [{ productId, quantity: 1 }]);
});
after(() => t.close());

async function file(path: string, body?: Uint8Array) {
  const res = await fetch(t.url + path, {
    method: body ? "POST" : "GET",
    headers: { authorization: `Bearer ${t.owner.apiToken}`, ...(body ? { "content-type": "text/csv" } : {}) },
    ...(body ? { body: new Uint8Array(body) } : {}),
  });
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
}

test("同梱 at the own stock room: one parcel on the picking list, one label, one tracking row ships both", async () => {
  const orders = [];
  for (const [n, quantity] of [
    ["MERGE-1", 1],
    ["MERGE-2", 2],
  ] as const) {
    orders.push(await newOrder(t, orderBody(shopId, n, [{ mallItemCode: "mug", quantity }], { paid: true })));
  }
  const shipmentIds = orders.map((o) => o.shipments[0].id as string);
  const merged = await t.api("POST", "/api/shipments/merge", { shipmentIds });
  assert.equal(merged.status, 200, JSON.stringify(merged.body));
  t.clock.advance(5 * 60_000);
  await t.runDueJobs("shipment-request");
  const shipments = await Promise.all(
    orders.map(async (o) => (await t.api("GET", `/api/orders/${o.id}`)).body.shipments[0]),
  );
  const lead = shipments.find((s) => s.id === merged.body.leadShipmentId);
  const member = shipments.find((s) => s.id !== merged.body.leadShipmentId);
  for (const o of orders) assert.equal((await t.api("GET", `/api/orders/${o.id}`)).body.status, "shipping");

  // Picking the member's shipment picks the whole parcel, under the lead's slip number.
  const pdf = await inspectPdf(
    (await file(`/api/warehouses/${warehouseId}/picking-list.pdf?shipmentIds=${member.id}`)).bytes,
  );
  const text = pdf.pages.join("\n");
  assert.ok(text.includes(lead.slipNumber) && text.includes("MERGE-1") && text.includes("MERGE-2"), text);

  const csv = await t.api("POST", `/api/warehouses/${warehouseId}/carrier-csv`, {
    format: "yamato_b2",
    shipmentIds,
  });
  assert.equal(csv.status, 200, JSON.stringify(csv.body));
  const lines = iconv
    .decode(Buffer.from(csv.body.csvBase64, "base64"), "Shift_JIS")
    .split("\r\n")
    .filter(Boolean);
  assert.equal(lines.length, 2, "the header and ONE label for the merged parcel");
  assert.ok(lines[1]?.startsWith(lead.slipNumber));

  const upload = iconv.encode(
    `お客様管理番号,伝票番号,出荷予定日\r\n${lead.slipNumber},123456789012,2030/01/15\r\n`,
    "Shift_JIS",
  );
  const report = JSON.parse(
    new TextDecoder().decode(
      (await file(`/api/warehouses/${warehouseId}/tracking-imports?profile=yamato_b2_issued`, upload)).bytes,
    ),
  );
  assert.equal(report.shipped, 1, JSON.stringify(report));
  for (const o of orders) {
    const after = (await t.api("GET", `/api/orders/${o.id}`)).body;
    assert.equal(after.status, "shipped", "both orders of the parcel are 全出荷済");
    assert.equal(after.shipments[0].trackingNumber, "123456789012");
  }
});

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import iconv from "iconv-lite";
import { inspectPdf } from "#server/adapters/documents/test-pdf.ts";
import { B2_COLUMNS } from "#server/carriers/yamato/b2-layout.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { mapItem, newOrder, newProduct, orderBody } from "#test/catalog-api.ts";

// 送付元住所 per shop (seed E5, E21): one stock room ships for two shops; one prints the stock room's
// ご依頼主 under its own name, the other its own 送付元.

let t: TestApp;
let warehouseId: string;
const shops: Record<"phone" | "outlet", string> = { phone: "", outlet: "" };

const ROOM = {
  name: "自社倉庫",
  postalCode: "150-0001",
  prefecture: "東京都",
  address1: "渋谷区神宮前1-2-3",
  phone: "03-1234-5678",
};
const OWN = {
  mode: "shop",
  name: "浜松アウトレット",
  postalCode: "430-0933",
  prefecture: "静岡県",
  address1: "浜松市中区鍛冶町100",
  address2: "2階",
  phone: "053-111-2222",
};

before(async () => {
  t = await startTestApp();
  warehouseId = (await t.api("GET", "/api/warehouses")).body.items[0].id;
  const patched = await t.api("PATCH", `/api/warehouses/${warehouseId}`, {
    settings: { sender: ROOM, yamatoBillingCustomerCode: "0312345678" },
  });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  const product = await newProduct(t, "MUG-1", 100);
  for (const [key, name] of [
    ["phone", "電話注文"],
    ["outlet", "アウトレット店"],
  ] as const) {
    shops[key] = (await t.api("POST", "/api/shops", { channel: "manual", name })).body.id;
    await mapItem(t, shops[key], "mug", [{ productId: product, quantity: 1 }]);
  }
});
after(() => t.close());

async function requested(shopId: string, number: string) {
  const order = await newOrder(
    t,
    orderBody(shopId, number, [{ mallItemCode: "mug", quantity: 1 }], { paid: true }),
  );
  const req = await t.api("POST", `/api/orders/${order.id}/shipments/${order.shipments[0].id}/request`);
  assert.equal(req.status, 202, JSON.stringify(req.body));
  await t.runDueJobs("shipment-request");
  return (await t.api("GET", `/api/orders/${order.id}`)).body;
}

test("送付元住所: a shop's own 送付元 is refused with the field and rule when its postal code is another prefecture's", async () => {
  const res = await t.api("PATCH", `/api/shops/${shops.outlet}`, {
    settings: { shipFrom: { ...OWN, prefecture: "東京都" } },
  });
  assert.equal(res.status, 422, JSON.stringify(res.body));
  assert.deepEqual(
    res.body.errors.map((e: { path: string }) => e.path),
    ["settings.shipFrom.prefecture"],
  );
  assert.match(res.body.errors[0].message, /静岡県の番号です/);
  const shop = await t.api("GET", `/api/shops/${shops.outlet}`);
  assert.deepEqual(shop.body.settings.shipFrom, { mode: "warehouse" }, "nothing saved, the default shown");
});

test("送付元住所: one B2 file with parcels of two shops prints each shop's sender; the 納品書 says the same", async () => {
  const saved = await t.api("PATCH", `/api/shops/${shops.outlet}`, { settings: { shipFrom: OWN } });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.deepEqual(saved.body.settings.shipFrom, OWN);
  const phone = await requested(shops.phone, "SF-1");
  const outlet = await requested(shops.outlet, "SF-2");

  const res = await t.api("POST", `/api/warehouses/${warehouseId}/carrier-csv`, {
    format: "yamato_b2",
    shipmentIds: [phone.shipments[0].id, outlet.shipments[0].id],
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const rows = iconv
    .decode(Buffer.from(res.body.csvBase64, "base64"), "Shift_JIS")
    .split("\r\n")
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(",").map((c) => c.replace(/^"|"$/g, "")));
  const col = (row: string[] | undefined, key: keyof typeof B2_COLUMNS) => row?.[B2_COLUMNS[key] - 1];
  const bySlip = new Map(rows.map((r) => [r[0], r]));
  const roomSlip = bySlip.get(phone.shipments[0].slipNumber);
  const ownSlip = bySlip.get(outlet.shipments[0].slipNumber);
  assert.deepEqual(
    (["senderName", "senderPostalCode", "senderAddress", "senderPhone"] as const).map((k) =>
      col(roomSlip, k),
    ),
    ["電話注文", "150-0001", "東京都渋谷区神宮前1-2-3", "03-1234-5678"],
    "the stock room's ご依頼主 under the shop's name",
  );
  assert.deepEqual(
    (["senderName", "senderPostalCode", "senderAddress", "senderBuilding", "senderPhone"] as const).map((k) =>
      col(ownSlip, k),
    ),
    ["浜松アウトレット", "430-0933", "静岡県浜松市中区鍛冶町100", "2階", "053-111-2222"],
    "the shop's own 送付元",
  );

  const pdf = await fetch(`${t.url}/api/orders/${outlet.id}/delivery-note.pdf`, {
    headers: { authorization: `Bearer ${t.owner.apiToken}` },
  });
  assert.equal(pdf.status, 200);
  const text = (await inspectPdf(new Uint8Array(await pdf.arrayBuffer()))).pages.join("\n");
  assert.match(text, /浜松アウトレット/);
  assert.match(text, /053-111-2222/);
  assert.doesNotMatch(text, /03-1234-5678/, "not the stock room's phone");
});

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eq } from "drizzle-orm";
import { inspectPdf } from "#server/adapters/documents/test-pdf.ts";
import { shipments } from "#server/db/schema.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { mapItem, newOrder, newProduct, orderBody } from "#test/catalog-api.ts";

let t: TestApp;
let shopId: string;

before(async () => {
  t = await startTestApp();
  shopId = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
  await mapItem(t, shopId, "mug", [{ productId: await newProduct(t, "MUG-1", 10), quantity: 1 }]);
  await mapItem(t, shopId, "cup", [{ productId: await newProduct(t, "CUP-1", 10), quantity: 1 }]);
});
after(() => t.close());

async function noteText(path: string, token = t.owner.apiToken) {
  const res = await fetch(t.url + path, { headers: { authorization: `Bearer ${token}` } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (res.status !== 200) return { status: res.status, text: new TextDecoder().decode(bytes) };
  assert.equal(res.headers.get("content-type"), "application/pdf");
  return { status: 200, text: (await inspectPdf(bytes)).pages.join("\n") };
}

const KYOTO = {
  name: "山田 太郎",
  postalCode: "600-8001",
  prefecture: "京都府",
  address1: "京都市下京区四条通1-1",
  phone: "075-123-4567",
};

test("two ship-tos: each parcel's 納品書 has only its lines and its ship-to, and the order's total", async () => {
  const order = await newOrder(
    t,
    orderBody(shopId, "P-2", [
      { mallItemCode: "mug", quantity: 1, name: "白いマグ", unitPrice: 1500 },
      { mallItemCode: "cup", quantity: 3, name: "青いカップ", unitPrice: 800 },
    ]),
  );
  const cup = order.items.find((i: { mallItemCode: string }) => i.mallItemCode === "cup");
  const split = await t.api("POST", `/api/orders/${order.id}/shipments/${order.shipments[0].id}/split`, {
    itemIds: [cup.id],
  });
  assert.equal(split.status, 200, JSON.stringify(split.body));
  const parcels = [...split.body.shipments].sort((a, b) => a.slipNumber.localeCompare(b.slipNumber));
  const [mugParcel, cupParcel] = parcels.map((p) => ({
    ...p,
    lines: split.body.items.filter((i: { shipmentId: string }) => i.shipmentId === p.id),
  }));
  assert.equal(mugParcel?.lines[0].mallItemCode, "mug");
  assert.equal(cupParcel?.lines[0].mallItemCode, "cup");
  // A second ship-to comes only from a mall's import (import-shop.test.ts); here the split parcel gets one.
  await t.database.db.update(shipments).set({ shipTo: KYOTO }).where(eq(shipments.id, cupParcel?.id));

  const mug = await noteText(`/api/shipments/${mugParcel?.id}/delivery-note.pdf`);
  const cups = await noteText(`/api/shipments/${cupParcel?.id}/delivery-note.pdf`);
  assert.equal(mug.status, 200, mug.text);
  assert.equal(cups.status, 200, cups.text);
  const total = split.body.total.toLocaleString("ja-JP");

  assert.match(mug.text, /白いマグ/);
  assert.doesNotMatch(mug.text, /青いカップ/);
  assert.match(mug.text, /大阪府/);
  assert.doesNotMatch(mug.text, /京都府/);
  assert.match(mug.text, /2個口でお届けします（1\/2）/);
  assert.ok(mug.text.includes(`出荷番号 ${mugParcel?.slipNumber}`), mug.text);
  assert.match(mug.text, /小計\s*¥?1,500/);

  assert.match(cups.text, /青いカップ/);
  assert.doesNotMatch(cups.text, /白いマグ/);
  assert.match(cups.text, /京都府京都市下京区四条通1-1/);
  assert.match(cups.text, /山田 太郎 様/);
  assert.doesNotMatch(cups.text, /大阪府/);
  assert.match(cups.text, /2個口でお届けします（2\/2）/);
  assert.ok(cups.text.includes(`出荷番号 ${cupParcel?.slipNumber}`), cups.text);
  assert.match(cups.text, /小計\s*¥?2,400/);

  for (const note of [mug, cups]) {
    assert.ok(new RegExp(`ご注文合計\\s*¥?${total}`).test(note.text), note.text);
    assert.doesNotMatch(note.text, /税率別内訳|送料/);
  }
});

test("one parcel: the shipment's 納品書 is the order's; another account's shipment → 404", async () => {
  const order = await newOrder(t, orderBody(shopId, "P-1", [{ mallItemCode: "mug", quantity: 2 }]));
  const shipmentId = order.shipments[0].id;
  const own = await noteText(`/api/shipments/${shipmentId}/delivery-note.pdf`);
  const whole = await noteText(`/api/orders/${order.id}/delivery-note.pdf`);
  assert.equal(own.status, 200, own.text);
  assert.equal(own.text, whole.text);
  assert.match(own.text, /P-1/);
  assert.doesNotMatch(own.text, /個口|出荷番号/);

  const other = await t.newAccount();
  const foreign = await noteText(`/api/shipments/${shipmentId}/delivery-note.pdf`, other.apiToken);
  assert.equal(foreign.status, 404, foreign.text);
  assert.match(foreign.text, /出荷/);
});

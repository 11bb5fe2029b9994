import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { inspectPdf } from "#server/adapters/documents/test-pdf.ts";
import type { TestApp } from "#test/app.ts";
import { mapItem, newProduct } from "#test/catalog-api.ts";
import { connectRakutenShop, type SandboxControl, startRakutenTestApp } from "#test/rakuten.ts";
import { runShopImport } from "./import-shop.ts";

/**
 * What RMS shows the merchant reaches Juchu: placed at the RMS sandbox, imported over HTTP, then read
 * from the order API, the picking list and the 納品書.
 */

let app: TestApp;
let mall: SandboxControl;
let close: () => Promise<void>;
let warehouseId: string;

before(async () => {
  ({ app, mall, close } = await startRakutenTestApp());
  warehouseId = (await app.api("GET", "/api/warehouses")).body.items[0].id;
  const sender = {
    name: "自社倉庫",
    postalCode: "420-0852",
    prefecture: "静岡県",
    address1: "静岡市葵区紺屋町1-2-3",
    phone: "054-000-0000",
  };
  assert.equal(
    (await app.api("PATCH", `/api/warehouses/${warehouseId}`, { settings: { sender } })).status,
    200,
  );
});
after(() => close());

const item = (manageNumber: string, price: number, extra: Record<string, unknown> = {}) => ({
  manageNumber,
  itemName: `商品 ${manageNumber}`,
  price,
  units: 1,
  ...extra,
});

async function mapped(shopId: string, code: string) {
  await mapItem(app, shopId, code, [
    { productId: await newProduct(app, code.toUpperCase(), 10), quantity: 1 },
  ]);
}

async function importedOrder(shopId: string, orderNumber: string) {
  const list = await app.api("GET", `/api/orders?shopId=${shopId}&q=${orderNumber}`);
  const id = list.body.items[0]?.id;
  assert.ok(id, `${orderNumber} was not imported`);
  return (await app.api("GET", `/api/orders/${id}`)).body;
}

async function pdfText(path: string, method = "GET", body?: unknown) {
  const res = await fetch(app.url + path, {
    method,
    headers: { authorization: `Bearer ${app.owner.apiToken}`, "content-type": "application/json" },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  assert.equal(res.status, 200, path);
  return (await inspectPdf(new Uint8Array(await res.arrayBuffer()))).pages.join("\n");
}

async function shipNow(orderId: string) {
  await app.runDueJobs("shipment-request");
  const order = (await app.api("GET", `/api/orders/${orderId}`)).body;
  assert.equal(order.status, "shipping", JSON.stringify(order.events.at(-1)));
  return order;
}

test("a social gift waits for its address under a hold, then reaches the picking list and the 納品書 with all it asked for", async () => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall, {
    gracePeriodMinutes: 0,
    shipmentRequestDelayMinutes: 0,
  });
  await mapped(shopId, "hamburg");
  await mapped(shopId, "bag");
  const placed = await mall.placeOrder(mallShopId, {
    socialGift: true,
    deliveryClass: 3,
    wrappings: [
      { title: 1, name: "和紙", price: 220 },
      { title: 2, name: "金のリボン", price: 110 },
    ],
    additionalFee: 250,
    coupons: [
      { couponName: "ショップ100円", couponPrice: 100, couponCapitalCode: 1 },
      { couponName: "楽天400円", couponPrice: 400, couponCapitalCode: 3 },
    ],
    packages: [
      {
        noshi: "御歳暮",
        items: [
          item("hamburg", 3240, { itemNumber: "hb-10", taxRate: 0.08, skuInfo: "ソース:デミグラス" }),
          item("bag", 2070, { itemNumber: "bag-01" }),
        ],
      },
    ],
    warning: "受注情報の一部が取得できませんでした。",
  });
  await runShopImport(app.ctx, shopId);
  const held = await importedOrder(shopId, placed.orderNumber);
  assert.equal(held.status, "awaiting_confirmation");
  assert.deepEqual(
    held.tags.map((t: { systemCode: string; hold: boolean }) => [t.systemCode, t.hold]),
    [["gift_address_pending", true]],
  );
  assert.deepEqual(
    {
      gift: held.gift,
      wrappings: held.wrappings,
      feeBreakdown: held.feeBreakdown,
      couponDiscounts: held.couponDiscounts,
      taxSummary: held.taxSummary.map((t: { ratePercent: number }) => t.ratePercent),
      emailMasked: held.buyer.emailMasked,
      items: held.items.map((i: { mallItemCode: string; mallItemNumber: string; selectedChoice: string }) => [
        i.mallItemCode,
        i.mallItemNumber,
        i.selectedChoice,
      ]),
      shipment: {
        temperature: held.shipments[0].temperature,
        temperatureLabel: held.shipments[0].temperatureLabel,
        noshi: held.shipments[0].noshi,
        addressPending: held.shipments[0].addressPending,
      },
    },
    {
      gift: true,
      wrappings: [
        { name: "和紙", fee: 220 },
        { name: "金のリボン", fee: 110 },
      ],
      feeBreakdown: { cashOnDelivery: 0, payment: 0, deferredPayment: 250, wrapping: 330 },
      couponDiscounts: { shop: 100, mall: 400 },
      taxSummary: [10, 8],
      emailMasked: true,
      items: [
        ["hamburg", "hb-10", "ソース:デミグラス"],
        ["bag", "bag-01", ""],
      ],
      shipment: { temperature: "frozen", temperatureLabel: "冷凍", noshi: "御歳暮", addressPending: true },
    },
  );
  assert.ok(
    held.events.some((e: { message: string }) =>
      e.message.includes("モールからの警告: ORDER_EXT_API_GET_ORDER_WARNING_101"),
    ),
    "the mall's WARNING is kept on the timeline",
  );
  const removal = await app.api("DELETE", `/api/orders/${held.id}/tags/${held.tags[0].id}`);
  assert.equal(removal.status, 409, "the hold stays while the address is missing");

  await mall.change(placed.orderNumber, {
    sender: {
      familyName: "受取",
      firstName: "花子",
      familyNameKana: "ウケトリ",
      firstNameKana: "ハナコ",
      zipCode: "530-0001",
      prefecture: "大阪府",
      city: "大阪市北区",
      subAddress: "梅田1-1",
      phoneNumber: "06-1234-5678",
    },
  });
  app.clock.advance(3 * 60_000);
  await runShopImport(app.ctx, shopId);
  const arrived = await importedOrder(shopId, placed.orderNumber);
  assert.deepEqual(arrived.tags, [], "the address arrived: the hold is gone");
  assert.equal(arrived.shipTo.address1, "大阪市北区梅田1-1");
  assert.equal(arrived.shipments[0].addressPending, false);
  const shipping = await shipNow(arrived.id);

  const picking = await pdfText(
    `/api/warehouses/${warehouseId}/picking-list.pdf?shipmentIds=${shipping.shipments[0].id}`,
  );
  assert.ok(
    picking.includes("※ ギフト ラッピング: 和紙・金のリボン のし: 御歳暮 クール便(冷凍)"),
    `picking list:\n${picking}`,
  );
  const note = await pdfText(`/api/orders/${arrived.id}/delivery-note.pdf`);
  for (const expected of [
    "hb-10",
    "ソース:デミグラス",
    "後払い手数料 ¥250",
    "ラッピング料 ¥330",
    "ショップクーポン -¥100",
    "楽天市場クーポン -¥400",
    "8%対象（軽減税率）",
    "10%対象",
    "ギフト ラッピング: 和紙・金のリボン のし: 御歳暮 クール便(冷凍)",
    "大阪市北区梅田1-1",
  ]) {
    assert.ok(note.includes(expected), `missing ${expected} in the 納品書:\n${note}`);
  }
});

test("コンビニ受取 ships to the store, never the buyer's home; 置き配, 離島 and the chosen carriers per package", async () => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall, {
    gracePeriodMinutes: 0,
    shipmentRequestDelayMinutes: 0,
  });
  await mapped(shopId, "tshirt");
  await mapped(shopId, "mug");
  const placed = await mall.placeOrder(mallShopId, {
    deliveryName: "コンビニ受取",
    buyer: { prefecture: "鹿児島県", city: "大島郡瀬戸内町", subAddress: "古仁屋1", isolatedIsland: true },
    packages: [
      {
        items: [item("tshirt", 1100)],
        defaultDeliveryCompanyCode: "1003",
        sender: { isolatedIsland: true },
        pickup: {
          cvsCode: 1,
          storeCode: "012345",
          storeName: "名瀬港町店",
          storeZip: "894-0036",
          storePrefecture: "鹿児島県",
          storeAddress: "奄美市名瀬長浜町1-1",
        },
      },
      {
        items: [item("mug", 1320)],
        defaultDeliveryCompanyCode: "1030",
        dropOffLocation: "宅配ボックス",
        sender: { prefecture: "東京都", city: "世田谷区", subAddress: "玉川1-1" },
      },
    ],
  });
  await runShopImport(app.ctx, shopId);
  const order = await importedOrder(shopId, placed.orderNumber);
  const [store, home] = order.shipments;
  assert.deepEqual(
    [order.shipTo.prefecture, order.shipTo.address1, order.shipTo.address2],
    ["鹿児島県", "奄美市名瀬長浜町1-1", "ファミリーマート 名瀬港町店"],
    "the order's ship-to is the store",
  );
  assert.equal(store.pickupPoint.name, "名瀬港町店");
  assert.equal(store.remoteIsland, true);
  assert.deepEqual(store.chosenCarrier, { mallCode: "1003", label: "日本郵便", carrier: "japanpost" });
  assert.equal(home.dropOffLocation, "宅配ボックス");
  assert.deepEqual(home.chosenCarrier, {
    mallCode: "1030",
    label: "ヤマト運輸 クロネコゆうパケット",
    carrier: "yamato",
  });
  assert.equal(home.shipTo.address1, "世田谷区玉川1-1");

  const shipping = await shipNow(order.id);
  const ids = shipping.shipments.map((s: { id: string }) => s.id).join(",");
  const picking = await pdfText(`/api/warehouses/${warehouseId}/picking-list.pdf?shipmentIds=${ids}`);
  assert.ok(picking.includes("※ 受取場所: ファミリーマート 名瀬港町店 離島・一部地域"), picking);
  assert.ok(picking.includes("※ 置き配: 宅配ボックス"), picking);
  const note = await pdfText(`/api/orders/${order.id}/delivery-note.pdf`);
  assert.ok(note.includes("奄美市名瀬長浜町1-1"), note);
  assert.ok(!note.includes("古仁屋1"), "the 納品書 does not send it to the buyer's home");
});

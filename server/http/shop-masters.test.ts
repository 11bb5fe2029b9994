import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { TestApp } from "#test/app.ts";
import { mapItem, newProduct } from "#test/catalog-api.ts";
import { connectRakutenShop, type SandboxControl, sku, startRakutenTestApp } from "#test/rakuten.ts";

// マスタ管理 and 未登録の値 (seed E7, E8), against the RMS sandbox over HTTP.

let app: TestApp;
let mall: SandboxControl;
let close: () => Promise<void>;

before(async () => {
  ({ app, mall, close } = await startRakutenTestApp());
});
after(() => close());

type Tag = { systemCode: string | null; hold: boolean };

async function shop() {
  const connected = await connectRakutenShop(app, mall, {
    gracePeriodMinutes: 0,
    shipmentRequestDelayMinutes: 0,
  });
  await mapItem(app, connected.shopId, "cup", [
    { productId: await newProduct(app, `CUP-${connected.mallShopId}`, 10), quantity: 1 },
  ]);
  return connected;
}

async function imported(shopId: string, orderNumber: string) {
  const run = await app.api("POST", `/api/shops/${shopId}/import`);
  assert.equal(run.status, 200, JSON.stringify(run.body));
  const list = await app.api("GET", `/api/orders?shopId=${shopId}&q=${orderNumber}`);
  const id = list.body.items[0]?.id;
  assert.ok(id, `${orderNumber} was not imported`);
  return (await app.api("GET", `/api/orders/${id}`)).body;
}

const DELIVERY_ROWS = [
  { code: "yamato", mallCode: "1028" },
  { code: "sagawa", mallCode: "1002" },
  { code: "japanpost", mallCode: "1003" },
  { code: "other", mallCode: "1000" },
];

test("マスタ管理: the channel's masters with its defaults; a bad table is refused row by row, an unknown kind is 404", async () => {
  const { shopId } = await shop();
  const masters = await app.api("GET", `/api/shops/${shopId}/masters`);
  assert.equal(masters.status, 200);
  assert.deepEqual(
    masters.body.items.map((m: { kind: string; edited: boolean }) => [m.kind, m.edited]),
    [
      ["delivery_company", false],
      ["payment_method", false],
    ],
  );
  const delivery = masters.body.items[0];
  assert.deepEqual(delivery.rows[1], {
    code: "yamato",
    label: "ヤマト運輸",
    mallCode: "1001",
    mallLabel: "ヤマト運輸",
  });

  const bad = await app.api("PUT", `/api/shops/${shopId}/masters/delivery_company`, {
    rows: [
      { code: "yamato", mallCode: "1001" },
      { code: "kuroneko", mallCode: "1002" },
      { code: "other", mallCode: "ヤマト" },
      { code: "japanpost", mallCode: "1001" },
    ],
  });
  assert.equal(bad.status, 422, JSON.stringify(bad.body));
  assert.deepEqual(
    bad.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]),
    [
      ["rows.1.code", "「kuroneko」はJuchuの配送会社のコードではありません"],
      ["rows.2.mallCode", "「ヤマト」は楽天の配送会社コード(4桁の数字)ではありません"],
      ["rows.3.mallCode", "モールのコード「1001」が2行にあります"],
      ["rows", "佐川急便(sagawa)の行がありません(モールへの報告に使います)"],
    ],
  );
  const unknownKind = await app.api("PUT", `/api/shops/${shopId}/masters/prefecture`, { rows: [] });
  assert.equal(unknownKind.status, 404, JSON.stringify(unknownKind.body));
  assert.equal(
    (await app.api("GET", `/api/shops/${shopId}/masters`)).body.items[0].edited,
    false,
    "nothing saved by a refusal",
  );

  const manual = await app.api("POST", "/api/shops", { channel: "manual", name: "電話注文" });
  assert.deepEqual((await app.api("GET", `/api/shops/${manual.body.id}/masters`)).body.items, []);
});

test("楽天配送設定: a shop whose table says ヤマト is 1028 reports 1028 to RMS", async () => {
  const { shopId, mallShopId } = await shop();
  const saved = await app.api("PUT", `/api/shops/${shopId}/masters/delivery_company`, {
    rows: DELIVERY_ROWS,
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.equal(saved.body.edited, true);
  const placed = await mall.placeOrder(mallShopId, { packages: [{ items: [sku("cup", "red", 1200)] }] });
  const order = await imported(shopId, placed.orderNumber);
  await app.runDueJobs("mall-confirm-order");
  await app.runDueJobs("shipment-request");
  const shipping = (await app.api("GET", `/api/orders/${order.id}`)).body;
  assert.equal(shipping.status, "shipping", JSON.stringify(shipping.events.at(-1)));
  const [shipment] = shipping.shipments;

  const warehouseId = shipment.warehouseId as string;
  const csv = ["お客様管理番号,伝票番号,出荷予定日", `${shipment.slipNumber},123456789012,2030/01/15`].join(
    "\r\n",
  );
  const tracking = await fetch(
    `${app.url}/api/warehouses/${warehouseId}/tracking-imports?profile=yamato_b2_issued`,
    {
      method: "POST",
      headers: { authorization: `Bearer ${app.owner.apiToken}`, "content-type": "text/csv" },
      body: `${csv}\r\n`,
    },
  );
  assert.equal(tracking.status, 200, await tracking.clone().text());
  assert.equal((await tracking.json()).shipped, 1);
  await app.runDueJobs("mall-report-shipping");

  const atMall = (await mall.view(placed.orderNumber)) as {
    order: {
      PackageModelList: { ShippingModelList: { deliveryCompany: string; shippingNumber: string }[] }[];
    };
  };
  assert.deepEqual(
    atMall.order.PackageModelList[0]?.ShippingModelList.map((s) => [s.deliveryCompany, s.shippingNumber]),
    [["1028", "123456789012"]],
  );
  assert.equal((await app.api("GET", `/api/orders/${order.id}`)).body.status, "completed");
});

test("未登録の値: an unknown 決済方法 holds the order, says which on its timeline and lists it; mapped in the master, a re-read clears it", async () => {
  const { shopId, mallShopId } = await shop();
  const placed = await mall.placeOrder(mallShopId, {
    settlement: "unlisted",
    packages: [{ items: [sku("cup", "red", 1200)] }],
  });
  const held = await imported(shopId, placed.orderNumber);
  assert.equal(held.status, "awaiting_confirmation", "not confirmed on a guess");
  assert.deepEqual(
    held.tags.filter((t: Tag) => t.systemCode?.startsWith("unknown")).map((t: Tag) => [t.systemCode, t.hold]),
    [["unknown_mall_value", true]],
  );
  assert.equal(held.paymentMethod, "other");
  assert.ok(
    held.events.some((e: { message: string }) =>
      e.message.includes("未登録のモール値: 決済方法「新しい決済方法」(コード 99)"),
    ),
    JSON.stringify(held.events.map((e: { message: string }) => e.message)),
  );
  const listed = await app.api("GET", `/api/shops/${shopId}/unknown-values`);
  assert.equal(listed.status, 200);
  assert.deepEqual(
    listed.body.items.map((v: Record<string, unknown>) => [
      v.kind,
      v.kindLabel,
      v.mallCode,
      v.label,
      v.orderCount,
      v.hasMaster,
    ]),
    [["payment_method", "決済方法", "99", "新しい決済方法", 1, true]],
  );
  assert.match(listed.body.items[0].firstSeenAt, /\+09:00$/);

  const masters = (await app.api("GET", `/api/shops/${shopId}/masters`)).body.items;
  const payment = masters.find((m: { kind: string }) => m.kind === "payment_method");
  const rows = [
    ...payment.rows.map((r: { code: string; mallCode: string }) => ({ code: r.code, mallCode: r.mallCode })),
    { code: "credit_card", mallCode: "99" },
  ];
  assert.equal((await app.api("PUT", `/api/shops/${shopId}/masters/payment_method`, { rows })).status, 200);
  const refetched = await app.api("POST", `/api/orders/${held.id}/refetch`);
  assert.equal(refetched.status, 200, JSON.stringify(refetched.body));
  assert.ok(!refetched.body.tags.some((t: Tag) => t.systemCode === "unknown_mall_value"), "the hold is off");
  assert.equal(refetched.body.paymentMethod, "credit_card", "read as the master now says");
  assert.notEqual(refetched.body.status, "awaiting_confirmation", "the order moves on");
  assert.deepEqual((await app.api("GET", `/api/shops/${shopId}/unknown-values`)).body.items, []);
});

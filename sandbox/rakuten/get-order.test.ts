import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { item, startTestSandbox, type TestSandbox } from "./test-support.ts";

let t: TestSandbox;
before(async () => {
  t = await startTestSandbox({ start: "2025-06-10T10:00:00+09:00" });
});
after(() => t.close());

const GET = "/es/2.0/order/getOrder/";
const get = async (orderNumber: string, version = 10) =>
  (await t.rms(GET, { orderNumberList: [orderNumber], version })).body.OrderModelList[0];

test("an order comes back with the doc's field names, +0900 datetimes and consistent money", async () => {
  const placed = await t.placeOrder({
    orderedAt: "2025-06-10T09:30:15+09:00",
    settlement: "card",
    packages: [
      {
        items: [
          item("c3ps390", 1200, 2, {
            variantId: "11",
            merchantDefinedSkuId: "c3ps390M090",
            skuInfo: "サイズ:M\nカラー:黒",
          }),
          item("tea-leaf", 1080, 1, { taxRate: 0.08 }),
        ],
        postagePrice: 550,
      },
    ],
    coupons: [{ couponName: "10%OFF", couponPrice: 300, couponCapitalCode: 1 }],
    usedPoint: 100,
    deliveryDate: "2025-06-14",
    shippingTerm: 1416,
  });
  assert.match(placed.orderNumber, /^365811-20250610-\d{10}$/);
  const res = await t.rms(GET, { orderNumberList: [placed.orderNumber], version: 10 });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "application/json;charset=utf-8");
  assert.equal(res.body.version, 10);
  assert.deepEqual(res.body.MessageModelList, [
    {
      messageType: "INFO",
      messageCode: "ORDER_EXT_API_GET_ORDER_INFO_101",
      message: "受注情報取得に成功しました。(取得件数1件)",
    },
  ]);
  const o = res.body.OrderModelList[0];
  assert.equal(o.orderDatetime, "2025-06-10T09:30:15+0900");
  assert.equal(o.orderProgress, 100);
  assert.equal(o.remarks, "[配送日時指定:]\n2025-06-14(土) 14:00～16:00\n");
  assert.deepEqual(o.SettlementModel.settlementMethodCode, 1);
  assert.equal(o.SettlementModel.rpaySettlementFlag, 1);
  assert.equal(o.goodsPrice, 3480);
  assert.equal(o.totalPrice, 4030);
  assert.equal(o.requestPrice, 4030 - 300 - 100);
  assert.equal(o.couponAllTotalPrice, 300);
  assert.equal(o.PointModel.usedPoint, 100);
  const pkg = o.PackageModelList[0];
  assert.equal(pkg.basketId, pkg.ItemModelList[0].itemDetailId);
  assert.equal(pkg.totalPrice, 4030);
  assert.deepEqual(pkg.ItemModelList[0].SkuModelList, [
    { variantId: "11", merchantDefinedSkuId: "c3ps390M090", skuInfo: "サイズ:M\nカラー:黒" },
  ]);
  assert.deepEqual(
    o.TaxSummaryModelList.map((s: { taxRate: number; reqPrice: number; reqPriceTax: number }) => [
      s.taxRate,
      s.reqPrice,
      s.reqPriceTax,
    ]),
    [
      [0.1, 2400 + 550 - 300, 241],
      [0.08, 1080, 80],
    ],
  );
});

test("version gates: SkuModelList from 7, goodsTax up to 7, flags from 8, drop-off from 9, gift from 10", async () => {
  const placed = await t.placeOrder();
  const v6 = await get(placed.orderNumber, 6);
  const v7 = await get(placed.orderNumber, 7);
  const v8 = await get(placed.orderNumber, 8);
  const v9 = await get(placed.orderNumber, 9);
  const v10 = await get(placed.orderNumber, 10);
  assert.equal("SkuModelList" in v6.PackageModelList[0].ItemModelList[0], false);
  assert.equal(v7.PackageModelList[0].ItemModelList[0].SkuModelList.length, 1);
  assert.equal(v7.goodsTax, 0);
  assert.equal("goodsTax" in v8, false);
  assert.equal("goodsTax" in v8.PackageModelList[0], false);
  assert.equal(v8.deliveryCertPrgFlag, 0);
  assert.equal("deliveryCertPrgFlag" in v7, false);
  assert.equal("dropOffFlag" in v8.PackageModelList[0], false);
  assert.equal(v9.PackageModelList[0].dropOffFlag, 0);
  assert.equal("socialGiftFlag" in v9, false);
  assert.equal(v10.socialGiftFlag, 0);
  assert.equal(
    (await t.rms(GET, { orderNumberList: [placed.orderNumber], version: 5 })).body.version,
    undefined,
  );
  assert.equal((await t.rms(GET, { orderNumberList: [placed.orderNumber], version: "7" })).body.version, 7);
});

test("an item bought before the SKU migration: empty SkuModelList, the option in selectedChoice", async () => {
  const placed = await t.placeOrder({
    serialDigits: 8,
    packages: [
      {
        items: [
          item("pa-pc3-", 2598, 1, {
            skuEra: false,
            itemNumber: "PA-PC3-XXSBR",
            selectedChoice: "機種:iphone X/XS\nカラー:Black+Red",
          }),
        ],
      },
    ],
  });
  assert.match(placed.orderNumber, /^365811-20250610-\d{8}$/);
  const line = (await get(placed.orderNumber, 10)).PackageModelList[0].ItemModelList[0];
  assert.deepEqual(line.SkuModelList, []);
  assert.equal(line.itemNumber, "PA-PC3-XXSBR");
  assert.equal(line.manageNumber, "pa-pc3-");
  assert.equal(line.selectedChoice, "機種:iphone X/XS\nカラー:Black+Red");
  assert.equal(line.inventoryType, 2);
});

test("unknown numbers come back as INFO_102 each, on HTTP 200", async () => {
  const placed = await t.placeOrder();
  const res = await t.rms(GET, {
    orderNumberList: ["365811-20250101-0000000999", placed.orderNumber],
    version: 10,
  });
  assert.equal(res.status, 200);
  assert.deepEqual(
    res.body.MessageModelList.map((m: { messageCode: string; orderNumber?: string }) => [
      m.messageCode,
      m.orderNumber,
    ]),
    [
      ["ORDER_EXT_API_GET_ORDER_INFO_101", undefined],
      ["ORDER_EXT_API_GET_ORDER_INFO_102", "365811-20250101-0000000999"],
    ],
  );
  const none = await t.rms(GET, { orderNumberList: ["365811-20250101-0000000999"], version: 10 });
  assert.deepEqual(none.body.OrderModelList, []);
  assert.deepEqual(none.body.MessageModelList, [
    {
      messageType: "INFO",
      messageCode: "ORDER_EXT_API_GET_ORDER_INFO_102",
      message: "受注情報が取得できませんでした。",
      orderNumber: "365811-20250101-0000000999",
    },
  ]);
  const otherShop = await t.control("POST", "/_sandbox/shops", { shopId: "222222" });
  const theirs = await t.rms(
    GET,
    { orderNumberList: [placed.orderNumber], version: 10 },
    { shop: otherShop.body },
  );
  assert.equal(theirs.body.MessageModelList[0].messageCode, "ORDER_EXT_API_GET_ORDER_INFO_102");
});

test("more than 100 numbers, no version or an unknown version are refused with HTTP 400", async () => {
  const numbers = Array.from({ length: 101 }, (_, i) => `365811-20250610-${String(i).padStart(10, "0")}`);
  const many = await t.rms(GET, { orderNumberList: numbers, version: 10 });
  assert.equal(many.status, 400);
  assert.equal(many.body.MessageModelList[0].messageCode, "ORDER_EXT_API_GET_ORDER_ERROR_012");
  assert.equal((await t.rms(GET, { orderNumberList: numbers.slice(0, 100), version: 10 })).status, 200);
  const noVersion = await t.rms(GET, { orderNumberList: ["x"] });
  assert.deepEqual(
    [noVersion.status, noVersion.body.MessageModelList],
    [
      400,
      [
        {
          messageType: "ERROR",
          messageCode: "ORDER_EXT_API_GET_ORDER_ERROR_009",
          message: "versionの項目を指定してください。",
        },
      ],
    ],
  );
  const old = await t.rms(GET, { orderNumberList: ["x"], version: 2 });
  assert.equal(old.body.MessageModelList[0].messageCode, "ORDER_EXT_API_GET_ORDER_ERROR_011");
  const noList = await t.rms(GET, { version: 10 });
  assert.equal(noList.body.MessageModelList[0].message, "orderNumberListの項目を指定してください。");
});

test("送料未確定 (-9999) runs through every total that includes postage", async () => {
  const placed = await t.placeOrder({
    packages: [{ items: [item("big-sofa", 50_000)], postagePrice: -9999 }],
  });
  const o = await get(placed.orderNumber);
  assert.deepEqual([o.postagePrice, o.totalPrice, o.requestPrice], [-9999, -9999, -9999]);
  assert.equal(o.goodsPrice, 50_000);
  assert.equal(o.PackageModelList[0].totalPrice, -9999);
  assert.equal(o.TaxSummaryModelList[0].reqPrice, -9999);
  const fixed = await t.control("PATCH", `/_sandbox/orders/${placed.orderNumber}`, {
    packages: [{ postagePrice: 3300 }],
  });
  assert.equal(fixed.status, 200);
  const after = await get(placed.orderNumber);
  assert.deepEqual([after.postagePrice, after.totalPrice, after.requestPrice], [3300, 53_300, 53_300]);
});

test("代金引換 adds the 代引料 to requestPrice but not to totalPrice", async () => {
  const placed = await t.placeOrder({
    settlement: "cod",
    packages: [{ items: [item("mug", 20)], postagePrice: 100 }],
  });
  const o = await get(placed.orderNumber);
  assert.equal(o.SettlementModel.settlementMethod, "代金引換");
  assert.equal(o.SettlementModel.rpaySettlementFlag, 0);
  assert.deepEqual([o.totalPrice, o.deliveryPrice, o.requestPrice], [120, 330, 450]);
  assert.equal(o.PackageModelList[0].totalPrice, 450);
});

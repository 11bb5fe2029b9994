import assert from "node:assert/strict";
import { test } from "node:test";
import type { MallOrder } from "#server/ports/mall.ts";
import { rmsChosenCarrier, rmsDeliveryCompany } from "./delivery-companies.ts";
import giftPickupCool from "./fixtures/getOrder-v10-gift-pickup-cool.json" with { type: "json" };
import twoPackages from "./fixtures/getOrder-v10-two-packages.json" with { type: "json" };
import { parseGetOrderResponse } from "./get-order-response.ts";

const [gift, pickup] = parseGetOrderResponse(giftPickupCool).orders as [MallOrder, MallOrder];

test("a social gift: placeholder recipient pending, frozen, のし, wrapping and fees apart, tax per rate", () => {
  const pkg = gift.packages[0];
  assert.deepEqual(
    {
      gift: gift.gift,
      wrappings: gift.wrappings,
      feeBreakdown: gift.feeBreakdown,
      fees: gift.fees,
      couponDiscount: gift.couponDiscount,
      couponDiscounts: gift.couponDiscounts,
      taxSummary: gift.taxSummary,
      buyerEmailMasked: gift.buyerEmailMasked,
      addressPending: pkg?.addressPending,
      temperature: pkg?.temperature,
      noshi: pkg?.noshi,
      items: pkg?.items.map((i) => [i.mallItemCode, i.mallItemNumber]),
    },
    {
      gift: true,
      wrappings: [
        { name: "和紙", fee: 220 },
        { name: "金のリボン", fee: 110 },
      ],
      feeBreakdown: { cashOnDelivery: 0, payment: 0, deferredPayment: 250, wrapping: 330 },
      fees: 580,
      couponDiscount: 500,
      couponDiscounts: { shop: 100, mall: 400 },
      taxSummary: [
        { ratePercent: 10, amount: 2650, tax: 241 },
        { ratePercent: 8, amount: 2740, tax: 202 },
      ],
      buyerEmailMasked: true,
      addressPending: true,
      temperature: "frozen",
      noshi: "御歳暮",
      items: [
        ["hamburg", "hb-10"],
        ["bag", "bag-01"],
      ],
    },
  );
});

test("コンビニ受取: the parcel goes to the store, addressed to the recipient; 離島 and an unknown carrier code kept", () => {
  const pkg = pickup.packages[0];
  assert.deepEqual(pkg?.pickupPoint, {
    kind: "ファミリーマート",
    storeCode: "012345",
    name: "名瀬港町店",
    postalCode: "894-0036",
    prefecture: "鹿児島県",
    address: "奄美市名瀬長浜町1-1",
  });
  assert.deepEqual(pkg?.shipTo, {
    name: "受取 花子",
    postalCode: "894-0036",
    prefecture: "鹿児島県",
    address1: "奄美市名瀬長浜町1-1",
    address2: "ファミリーマート 名瀬港町店",
    phone: "090-0000-0000",
  });
  assert.equal(pkg?.remoteIsland, true);
  assert.equal(pkg?.addressPending, false);
  assert.equal(pkg?.temperature, null);
  assert.deepEqual(pkg?.chosenCarrier, {
    mallCode: "1099",
    label: "不明な配送会社(楽天コード 1099)",
    carrier: null,
  });
  assert.equal(pickup.buyerEmailMasked, false);
  assert.equal(pickup.gift, false);
  assert.deepEqual(pickup.wrappings, []);
});

test("coupons without couponShopPrice are split by who funds each one (couponCapitalCode)", () => {
  const model = structuredClone(twoPackages.OrderModelList[0]) as Record<string, unknown>;
  delete model.couponShopPrice;
  delete model.couponOtherPrice;
  const [order] = parseGetOrderResponse({ ...twoPackages, OrderModelList: [model] }).orders;
  assert.deepEqual(order?.couponDiscounts, { shop: 300, mall: 200 });
});

test("the variation is shown once: an option line repeating the SKU text is left out", () => {
  const item = pickup.packages[0]?.items[0];
  assert.equal(item?.name, "Tシャツ");
  assert.equal(item?.selectedChoice, "サイズ:M\nラッピング:不要");
});

test("RMS deliveryCompany codes both ways: 1000–1031, 1029 for Japan Post from Rakuten's warehouse", () => {
  const table: [string, string, string | null][] = [
    ["1000", "その他", "other"],
    ["1001", "ヤマト運輸", "yamato"],
    ["1002", "佐川急便", "sagawa"],
    ["1003", "日本郵便", "japanpost"],
    ["1004", "西濃運輸", "other"],
    ["1015", "NXトランスポート", "other"],
    ["1028", "Rakuten EXPRESS", "other"],
    ["1029", "日本郵便 楽天倉庫出荷", "japanpost"],
    ["1030", "ヤマト運輸 クロネコゆうパケット", "yamato"],
    ["1031", "名鉄NX運輸", "other"],
  ];
  for (const [code, label, carrier] of table) {
    assert.deepEqual(
      rmsChosenCarrier(code),
      { chosen: { mallCode: code, label, carrier }, unknown: null },
      code,
    );
  }
  for (let n = 1000; n <= 1031; n++)
    assert.notEqual(rmsChosenCarrier(String(n)).chosen?.carrier, null, String(n));
  assert.deepEqual(rmsChosenCarrier(""), { chosen: null, unknown: null });
  assert.deepEqual(
    [
      rmsDeliveryCompany("yamato"),
      rmsDeliveryCompany("sagawa"),
      rmsDeliveryCompany("japanpost"),
      rmsDeliveryCompany("japanpost", { fromRakutenWarehouse: true }),
      rmsDeliveryCompany("yamato", { fromRakutenWarehouse: true }),
      rmsDeliveryCompany("other"),
      rmsDeliveryCompany("yamato", { service: "mailbox" }),
      rmsDeliveryCompany("yamato", { service: "compact" }),
      rmsDeliveryCompany("japanpost", { service: "mailbox" }),
    ],
    ["1001", "1002", "1003", "1029", "1001", "1000", "1030", "1001", "1003"],
  );
});

// biome-ignore format: a table, one row per line
const SHOP_TABLES: [string, () => unknown, unknown][] = [
  ["a shop whose table says ヤマト is 1028 reports 1028", () => rmsDeliveryCompany("yamato", {}, [{ code: "yamato", mallCode: "1028" }]), "1028"],
  ["1030 for the post-box service only while the table maps it to ヤマト", () => rmsDeliveryCompany("yamato", { service: "mailbox" }, [{ code: "yamato", mallCode: "1001" }]), "1001"],
  ["1029 for RSL's parcels only while the table maps it to 日本郵便", () => rmsDeliveryCompany("japanpost", { fromRakutenWarehouse: true }, [{ code: "japanpost", mallCode: "1003" }]), "1003"],
  ["a code RMS adds later is kept, with no carrier, and reported", () => rmsChosenCarrier("1099"), { chosen: { mallCode: "1099", label: "不明な配送会社(楽天コード 1099)", carrier: null }, unknown: { kind: "delivery_company", mallCode: "1099", label: "不明な配送会社(楽天コード 1099)" } }],
  ["a code the merchant mapped is read by the shop's table", () => rmsChosenCarrier("1099", [{ code: "sagawa", mallCode: "1099" }]), { chosen: { mallCode: "1099", label: "不明な配送会社(楽天コード 1099)", carrier: "sagawa" }, unknown: null }],
  ["a listed code the shop's table dropped is reported with RMS's name", () => rmsChosenCarrier("1004", [{ code: "yamato", mallCode: "1001" }]), { chosen: { mallCode: "1004", label: "西濃運輸", carrier: null }, unknown: { kind: "delivery_company", mallCode: "1004", label: "西濃運輸" } }],
];

for (const [name, run, expected] of SHOP_TABLES) {
  test(`the shop's 楽天配送設定: ${name}`, () => {
    assert.deepEqual(run(), expected);
  });
}

test("an orderProgress and a settlementMethodCode RMS adds later come with the order as unknown values, each once", () => {
  const model = structuredClone(twoPackages.OrderModelList[0]) as Record<string, unknown>;
  model.orderProgress = 950;
  model.SettlementModel = { settlementMethodCode: 99, settlementMethod: "新しい決済方法" };
  const [order] = parseGetOrderResponse({ ...twoPackages, OrderModelList: [model] }).orders;
  assert.deepEqual(order?.unknownValues, [
    { kind: "order_status", mallCode: "950", label: "不明なステータス (950)" },
    { kind: "payment_method", mallCode: "99", label: "新しい決済方法" },
  ]);
  assert.equal(order?.paid, false, "not read as paid on a guess");
  const [known] = parseGetOrderResponse(twoPackages).orders;
  assert.equal(known?.unknownValues, undefined);
});

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { MallOrder } from "#server/ports/mall.ts";
import { startContractMall } from "#test/channels/rakuten-contract.ts";

/** What RMS shows the merchant beyond items and amounts, placed at the sandbox and read by the real client. */

let contract: Awaited<ReturnType<typeof startContractMall>>;
before(async () => {
  contract = await startContractMall();
});
after(() => contract.close());

const item = (manageNumber: string, price: number, extra: Record<string, unknown> = {}) => ({
  manageNumber,
  itemName: `商品 ${manageNumber}`,
  price,
  units: 1,
  ...extra,
});

test("a social gift in クール冷凍 with ラッピング, のし, 後払い手数料, two tax rates and a WARNING", async () => {
  const warnings: string[] = [];
  const shop = await contract.newShop({ warn: (line) => warnings.push(line) });
  const placed = await contract.place(shop.shopId, {
    socialGift: true,
    deliveryName: "クール便",
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
          item("hamburg", 3240, { itemNumber: "hb-10", taxRate: 0.08 }),
          item("bag", 2070, { itemNumber: "bag-01" }),
        ],
      },
    ],
    warning: "受注情報の一部が取得できませんでした。",
  });
  const [order] = (await shop.client.getOrders([placed.orderNumber])) as [MallOrder];
  const pkg = order.packages[0];
  assert.deepEqual(
    {
      gift: order.gift,
      wrappings: order.wrappings,
      feeBreakdown: order.feeBreakdown,
      couponDiscounts: order.couponDiscounts,
      taxRates: order.taxSummary.map((t) => t.ratePercent),
      billed: order.billedTotal,
      masked: order.buyerEmailMasked,
      pending: pkg?.addressPending,
      temperature: pkg?.temperature,
      noshi: pkg?.noshi,
      itemNumbers: pkg?.items.map((i) => i.mallItemNumber),
      mallWarnings: order.mallWarnings,
    },
    {
      gift: true,
      wrappings: [
        { name: "和紙", fee: 220 },
        { name: "金のリボン", fee: 110 },
      ],
      feeBreakdown: { cashOnDelivery: 0, payment: 0, deferredPayment: 250, wrapping: 330 },
      couponDiscounts: { shop: 100, mall: 400 },
      taxRates: [10, 8],
      billed: 3240 + 2070 + 330 + 250 - 500,
      masked: true,
      pending: true,
      temperature: "frozen",
      noshi: "御歳暮",
      itemNumbers: ["hb-10", "bag-01"],
      mallWarnings: ["ORDER_EXT_API_GET_ORDER_WARNING_101: 受注情報の一部が取得できませんでした。"],
    },
  );
  assert.deepEqual(warnings, [
    `楽天RMS getOrder WARNING ORDER_EXT_API_GET_ORDER_WARNING_101 (${placed.orderNumber}): 受注情報の一部が取得できませんでした。`,
  ]);

  await contract.mall.change(placed.orderNumber, {
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
  const [entered] = (await shop.client.getOrders([placed.orderNumber])) as [MallOrder];
  assert.equal(entered.packages[0]?.addressPending, false);
  assert.equal(entered.packages[0]?.shipTo.address1, "大阪市北区梅田1-1");
});

test("コンビニ受取 on a 離島 with 置き配 elsewhere: the store is the ship-to; each package's chosen carrier", async () => {
  const shop = await contract.newShop();
  const placed = await contract.place(shop.shopId, {
    deliveryName: "コンビニ受取",
    packages: [
      {
        items: [item("tshirt", 1100)],
        sender: {
          prefecture: "鹿児島県",
          city: "大島郡瀬戸内町",
          subAddress: "古仁屋1",
          isolatedIsland: true,
        },
        defaultDeliveryCompanyCode: "1003",
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
      },
    ],
  });
  const [order] = (await shop.client.getOrders([placed.orderNumber])) as [MallOrder];
  const [store, home] = order.packages;
  assert.deepEqual(
    [store?.shipTo.postalCode, store?.shipTo.prefecture, store?.shipTo.address1, store?.shipTo.address2],
    ["894-0036", "鹿児島県", "奄美市名瀬長浜町1-1", "ファミリーマート 名瀬港町店"],
  );
  assert.equal(store?.pickupPoint?.storeCode, "012345");
  assert.equal(store?.remoteIsland, true);
  assert.deepEqual(store?.chosenCarrier, { mallCode: "1003", label: "日本郵便", carrier: "japanpost" });
  assert.equal(home?.pickupPoint, null);
  assert.equal(home?.dropOffLocation, "宅配ボックス");
  assert.deepEqual(home?.chosenCarrier, {
    mallCode: "1030",
    label: "ヤマト運輸 クロネコゆうパケット",
    carrier: "yamato",
  });
});

import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import type { MallOrder } from "#server/ports/mall.ts";
import { type ParsedGetOrder, parseGetOrderResponse } from "./get-order-response.ts";

/**
 * Third-party RMS payloads (../shared/samples/rakuten beside the repository, never copied into it):
 * every getOrder / getOrderItem response there must map, with the values below.
 */
const folder = fileURLToPath(new URL("../../../../../shared/samples/rakuten", import.meta.url));
const present = existsSync(folder);
const skip = present ? false : `no third-party samples at ${folder}`;
const files = present ? readdirSync(folder).filter((f) => /_get(Order|OrderItem)_response/.test(f)) : [];

const read = (file: string): ParsedGetOrder =>
  parseGetOrderResponse(JSON.parse(readFileSync(`${folder}/${file}`, "utf8")));

function onlyOrder(result: ParsedGetOrder): MallOrder {
  assert.deepEqual([result.errors, result.notFound, result.orders.length], [[], [], 1]);
  return result.orders[0] as MallOrder;
}

const amounts = (o: MallOrder) => ({
  subtotal: o.subtotal,
  shippingFee: o.shippingFee,
  fees: o.fees,
  couponDiscount: o.couponDiscount,
  pointsUsed: o.pointsUsed,
  billedTotal: o.billedTotal,
});

const expectations: Record<string, (result: ParsedGetOrder) => void> = {
  // 2019, live, pre-version: card, shipped, one ShippingModel.
  "php-comment_getOrder_response_2019_live_REDACTED.json": (result) => {
    const o = onlyOrder(result);
    assert.equal(o.mallOrderNumber, "365811-20190406-00003803");
    assert.equal(o.orderedAt.toISOString(), "2019-04-06T13:20:28.000Z");
    assert.deepEqual(o.mallStatus, { code: "500", label: "発送済", cancelled: false });
    assert.deepEqual(
      [o.paymentMethod, o.paymentMethodLabel, o.paid],
      ["credit_card", "クレジットカード", true],
    );
    assert.deepEqual(amounts(o), {
      subtotal: 2598,
      shippingFee: 0,
      fees: 0,
      couponDiscount: 0,
      pointsUsed: 0,
      billedTotal: 2598,
    });
    const pkg = o.packages[0];
    assert.equal(o.packages.length, 1);
    assert.equal(pkg?.mallPackageId, "383746225");
    assert.equal(pkg?.items.length, 1);
    assert.deepEqual(
      [
        pkg?.items[0]?.mallItemCode,
        pkg?.items[0]?.mallSkuCode,
        pkg?.items[0]?.unitPrice,
        pkg?.items[0]?.quantity,
      ],
      ["pa-pc3-", "機種:iphone X/XS\nカラー:Black+Red", 2598, 1],
    );
    assert.deepEqual(pkg?.shippings, [
      {
        mallShippingId: "139033338",
        carrierCode: "1003",
        trackingNumber: "000000000000",
        shippedOn: "2019-04-08",
      },
    ]);
    assert.deepEqual(
      [o.buyer.prefecture, o.buyer.postalCode, o.buyer.phone],
      ["愛知県", "000-0000", "000-00-0000"],
    );
    // Its remarks carry a shop notice block, not a delivery wish.
    assert.deepEqual([o.desiredDeliveryDate, o.desiredTimeSlot], [null, null]);
    assert.equal(o.sourceVersion, undefined);
  },
  // 2018, a test shop, pre-version: 代金引換 with its fee, an empty [配送日時指定:] block.
  "scala-test_getOrder_response_2018_testshop.json": (result) => {
    const o = onlyOrder(result);
    assert.equal(o.mallOrderNumber, "360238-20180724-00000810");
    assert.equal(o.orderedAt.toISOString(), "2018-07-24T07:01:22.000Z");
    assert.deepEqual(o.mallStatus, { code: "300", label: "発送待ち", cancelled: false });
    assert.deepEqual([o.paymentMethod, o.paid], ["cash_on_delivery", false]);
    assert.deepEqual(amounts(o), {
      subtotal: 20,
      shippingFee: 100,
      fees: 100,
      couponDiscount: 0,
      pointsUsed: 0,
      billedTotal: 220,
    });
    assert.equal(o.packages.length, 1);
    assert.deepEqual(
      o.packages[0]?.items.map((i) => [i.mallItemCode, i.mallSkuCode, i.selectedChoice, i.mallLineId]),
      [["mugtestc01", "", "", "2965858"]],
    );
    assert.deepEqual(o.packages[0]?.shippings, []);
    assert.deepEqual(
      [o.buyer.name, o.buyer.nameKana, o.buyer.postalCode, o.buyer.phone],
      ["Nguyen Hoang", "ヤマダ タロウ", "100-0000", "0165-626-1471"],
    );
    assert.equal(o.remarks, "[配送日時指定:]\n\n");
    assert.deepEqual([o.desiredDeliveryDate, o.desiredTimeSlot], [null, null]);
  },
  // 2023, RMS documentation, SKU era (getOrderItem: the OrderModel without personal data).
  "rms-doc_purchaseItem_getOrderItem_response_200_sku.json": (result) => {
    const o = onlyOrder(result);
    assert.equal(o.mallOrderNumber, "123456-20230417-0207814266");
    assert.equal(o.orderedAt.toISOString(), "2023-04-17T04:01:20.000Z");
    assert.deepEqual(o.mallStatus, { code: "100", label: "注文確認待ち", cancelled: false });
    assert.deepEqual([o.paymentMethod, o.paid], ["credit_card", true]);
    assert.deepEqual(amounts(o), {
      subtotal: 9150,
      shippingFee: 0,
      fees: 0,
      couponDiscount: 915,
      pointsUsed: 10,
      billedTotal: 8225,
    });
    assert.deepEqual(
      o.packages.flatMap((p) =>
        p.items.map((i) => [i.mallItemCode, i.mallSkuCode, i.unitPrice, i.mallLineId]),
      ),
      [
        ["c3ps390", "c3ps390M090", 1200, "9501048"],
        ["s1gr050", "s1gr050sz8H", 6600, "9501049"],
        ["tst1234", "", 1350, "9501050"],
      ],
    );
    assert.equal(
      o.packages[0]?.items[0]?.selectedChoice,
      "サイズ:M\nカラー:(090)ブラック\n領収書は同封されません:了承しました\n代金引換不可商品です:確認しました",
    );
    assert.equal(o.packages[0]?.mallPackageId, "9501048");
    assert.deepEqual([o.desiredDeliveryDate, o.desiredTimeSlot], [null, "14:00-16:00"]);
    assert.deepEqual([o.buyer.prefecture, o.buyer.name, o.buyer.email], ["東京都", "", ""]);
    assert.deepEqual(
      {
        wrappings: o.wrappings,
        couponDiscounts: o.couponDiscounts,
        taxSummary: o.taxSummary,
        chosenCarrier: o.packages[0]?.chosenCarrier,
        itemNumbers: o.packages[0]?.items.map((i) => i.mallItemNumber),
      },
      {
        wrappings: [
          { name: "シンプル", fee: 0 },
          { name: "赤", fee: 0 },
        ],
        couponDiscounts: { shop: 915, mall: 0 },
        taxSummary: [{ ratePercent: 10, amount: 8235, tax: 749 }],
        chosenCarrier: { mallCode: "1001", label: "ヤマト運輸", carrier: "yamato" },
        itemNumbers: ["c3ps390", "s1gr050", "tst1234"],
      },
    );
  },
  "rms-doc_purchaseItem_getOrderItem_response_200_notfound.json": (result) => {
    assert.deepEqual(result, {
      orders: [],
      errors: [],
      notFound: ["123456-20210101-10740985", "123456-20210101-10737896", "123456-20210101-10740988"],
      warnings: [],
    });
  },
};

test("every getOrder / getOrderItem sample has expectations here", { skip }, () => {
  assert.deepEqual([...files].sort(), Object.keys(expectations).sort());
});

for (const [file, expect] of Object.entries(expectations)) {
  test(`sample ${file}`, {
    skip: skip || (files.includes(file) ? false : `${file} is not in ${folder}`),
  }, () => {
    expect(read(file));
  });
}

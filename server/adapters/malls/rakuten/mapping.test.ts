import assert from "node:assert/strict";
import { test } from "node:test";
import { MallError, type MallOrder } from "#server/ports/mall.ts";
import errorOn200 from "./fixtures/getOrder-error-200.json" with { type: "json" };
import partlyNotFound from "./fixtures/getOrder-partly-not-found.json" with { type: "json" };
import preVersion from "./fixtures/getOrder-pre-version.json" with { type: "json" };
import undeterminedAndCancelled from "./fixtures/getOrder-undetermined-and-cancelled.json" with {
  type: "json",
};
import twoPackages from "./fixtures/getOrder-v10-two-packages.json" with { type: "json" };
import invalid from "./fixtures/invalid-getOrder.json" with { type: "json" };
import { parseGetOrderResponse, RakutenResponseError } from "./mapping.ts";

function only<T>(list: readonly T[]): T {
  assert.equal(list.length, 1);
  return list[0] as T;
}

const ordersOf = (json: unknown) => {
  const result = parseGetOrderResponse(json);
  assert.deepEqual(result.errors, []);
  return result.orders;
};

test("an SKU-era (v10) order with two packages, coupons, points and wrapping", () => {
  const order = only(ordersOf(twoPackages));
  const taro = {
    name: "楽天 太郎",
    nameKana: "ラクテン タロウ",
    postalCode: "158-0094",
    prefecture: "東京都",
    address1: "世田谷区玉川9-99-9 サンプルハイツ101",
    phone: "03-1234-5678",
  };
  const expected: MallOrder = {
    mallOrderNumber: "999999-20250301-0000012345",
    mallStatus: { code: "300", label: "発送待ち", cancelled: false },
    orderedAt: new Date("2025-03-01T09:15:00+09:00"),
    buyer: { ...taro, email: "0123456789abcdef0123456789abcdefs1@pc.fw.rakuten.ne.jp" },
    paymentMethod: "credit_card",
    paymentMethodLabel: "クレジットカード",
    paid: true,
    packages: [
      {
        mallPackageId: "10000001",
        shipTo: taro,
        items: [
          {
            mallItemCode: "tshirt-01",
            mallSkuCode: "TSHIRT-M-BLK",
            name: "サンプルTシャツ",
            selectedChoice: "サイズ:M\nカラー:ブラック\nラッピング:希望する",
            unitPrice: 2200,
            quantity: 2,
            mallLineId: "20000001",
            mallVariantId: "m-black",
          },
          {
            // No システム連携用SKU番号: the variation text is the SKU part; the tax-included price is used.
            mallItemCode: "bottle-02",
            mallSkuCode: "容量:500ml",
            name: "サンプル水筒",
            selectedChoice: "容量:500ml",
            unitPrice: 1650,
            quantity: 1,
            mallLineId: "20000002",
            mallVariantId: "v500",
          },
          // socks-03 has deleteItemFlag 1 and is left out.
        ],
        shippingFee: 0,
        shippings: [
          {
            mallShippingId: "30000001",
            carrierCode: "1001",
            trackingNumber: "1234-5678-9012",
            shippedOn: "2025-03-03",
          },
        ],
      },
      {
        mallPackageId: "10000002",
        shipTo: {
          name: "楽天 花子",
          nameKana: "ラクテン ハナコ",
          postalCode: "530-0001",
          prefecture: "大阪府",
          address1: "大阪市北区梅田9-9-9",
          phone: "090-11112222",
        },
        items: [
          {
            // A single-SKU item: its options (のし) are shown but are not part of the match.
            mallItemCode: "mug-04",
            mallSkuCode: "",
            name: "サンプルマグカップ",
            selectedChoice: "のし:なし",
            unitPrice: 1320,
            quantity: 3,
            mallLineId: "20000004",
            mallVariantId: "mug-04",
          },
        ],
        shippingFee: 880,
        shippings: [],
      },
    ],
    subtotal: 2200 * 2 + 1650 + 1320 * 3,
    shippingFee: 880,
    fees: 330,
    couponDiscount: 500,
    pointsUsed: 100,
    billedTotal: 10620,
    remarks: "[配送日時指定:]\n2025-03-05(水)\n14:00〜16:00\n\n[備考欄:]\n玄関前に置いてください",
    desiredDeliveryDate: "2025-03-05",
    desiredTimeSlot: "14:00-16:00",
    sourceVersion: 10,
  };
  assert.deepEqual(order, expected);
});

test("a pre-version order: the settlement name, no SKU data, +09:00 datetimes, an 8-digit serial", () => {
  const order = only(ordersOf(preVersion));
  assert.equal(order.mallOrderNumber, "999999-20190408-00001234");
  assert.equal(order.orderedAt.toISOString(), "2019-04-08T01:00:00.000Z");
  assert.equal(order.sourceVersion, undefined);
  assert.deepEqual(
    { method: order.paymentMethod, label: order.paymentMethodLabel, paid: order.paid },
    { method: "bank_transfer", label: "銀行振込", paid: true },
  );
  const item = only(only(order.packages).items);
  assert.deepEqual(item, {
    mallItemCode: "shirt-05",
    mallSkuCode: "サイズ:L\nカラー:赤",
    name: "サンプルシャツ",
    selectedChoice: "サイズ:L\nカラー:赤",
    unitPrice: 3300,
    quantity: 1,
    mallLineId: "4000001",
  });
  assert.deepEqual(
    [
      order.subtotal,
      order.shippingFee,
      order.fees,
      order.couponDiscount,
      order.pointsUsed,
      order.billedTotal,
    ],
    [3300, 600, 0, 0, 0, 3900],
  );
  assert.deepEqual([order.desiredDeliveryDate, order.desiredTimeSlot], ["2019-04-10", "午前中"]);
});

test("postage -9999 is undetermined: that package's fee and the order's are null, never summed", () => {
  const [cod, cancelled] = ordersOf(undeterminedAndCancelled);
  assert.ok(cod && cancelled);
  assert.deepEqual(
    cod.packages.map((p) => p.shippingFee),
    [550, null],
  );
  assert.equal(cod.shippingFee, null);
  assert.equal(cod.billedTotal, null);
  assert.equal(cod.fees, 330);
  assert.equal(cod.subtotal, 7700);
  assert.deepEqual(
    { method: cod.paymentMethod, paid: cod.paid, status: cod.mallStatus },
    {
      method: "cash_on_delivery",
      paid: false,
      status: { code: "100", label: "注文確認待ち", cancelled: false },
    },
  );
  assert.deepEqual([cod.desiredDeliveryDate, cod.desiredTimeSlot], ["2025-03-08", "14:00-16:00"]);
  assert.equal(cod.buyer.phone, "098-0000");
  assert.equal(cod.buyer.nameKana, undefined);
  assert.equal(cod.remarks, "");
  assert.deepEqual(
    cod.packages.flatMap((p) => p.items.map((i) => [i.mallItemCode, i.mallSkuCode])),
    [
      ["cushion-11", "CUSHION"],
      ["cloth-12", "CLOTH"],
    ],
  );
  assert.equal(cod.sourceVersion, 8);
});

test("900 キャンセル確定 is cancelled and a cancelled prepaid order is not paid", () => {
  const cancelled = ordersOf(undeterminedAndCancelled)[1];
  assert.ok(cancelled);
  assert.deepEqual(cancelled.mallStatus, { code: "900", label: "キャンセル確定", cancelled: true });
  assert.deepEqual([cancelled.paymentMethod, cancelled.paid], ["convenience_store", false]);
  assert.equal(cancelled.orderedAt.toISOString(), "2025-02-28T14:59:59.000Z");
  // shippingTerm 9 (その他) leaves the slot to the remarks, written with full-width colons.
  assert.deepEqual([cancelled.desiredDeliveryDate, cancelled.desiredTimeSlot], ["2025-03-04", "18:00-20:00"]);
  assert.equal(cancelled.pointsUsed, 0);
});

test("billedTotal = subtotal + shippingFee + fees − couponDiscount − pointsUsed whenever all are known", () => {
  const orders = [twoPackages, preVersion, undeterminedAndCancelled, partlyNotFound].flatMap(ordersOf);
  assert.equal(orders.length, 5);
  for (const o of orders) {
    if (o.billedTotal === null || o.shippingFee === null || o.fees === null) continue;
    assert.equal(
      o.subtotal + o.shippingFee + o.fees - o.couponDiscount - o.pointsUsed,
      o.billedTotal,
      o.mallOrderNumber,
    );
  }
});

test("an ERROR message fails the whole response even on HTTP 200", () => {
  assert.deepEqual(parseGetOrderResponse(errorOn200), {
    orders: [],
    notFound: [],
    errors: [
      {
        code: "ORDER_EXT_API_GET_ORDER_ERROR_011",
        message: "orderNumberListの書式が不正です。",
        orderNumber: "999999-2025-bad",
      },
    ],
  });
});

test("INFO_102 names an order number RMS could not find; the others are read", () => {
  const result = parseGetOrderResponse(partlyNotFound);
  assert.deepEqual(result.notFound, ["999999-20230101-00000001"]);
  const order = only(result.orders);
  const pkg = only(order.packages);
  // No manageNumber: the itemNumber is the code; an empty SkuModelList is a pre-SKU line.
  assert.deepEqual([only(pkg.items).mallItemCode, only(pkg.items).mallSkuCode], ["chopsticks-31", ""]);
  assert.deepEqual(pkg.shippings, [
    { mallShippingId: "30000031", carrierCode: "1028", trackingNumber: "", shippedOn: null },
  ]);
  assert.deepEqual(
    [order.paymentMethod, order.paymentMethodLabel, order.paid, order.desiredTimeSlot],
    ["credit_card", "Apple Pay", true, "07:00-08:00"],
  );
});

test("a payload that is no getOrder response is refused with the paths of what is wrong", () => {
  assert.throws(
    () => parseGetOrderResponse(invalid),
    (error: unknown) => {
      assert.ok(error instanceof RakutenResponseError);
      assert.ok(error instanceof MallError);
      assert.equal(error.code, "rakuten.invalid_response");
      assert.equal(error.retryable, false);
      assert.deepEqual(
        error.issues.map((i) => i.path),
        ["OrderModelList[0].orderDatetime", "OrderModelList[0].PackageModelList[0].ItemModelList[0].units"],
      );
      assert.match(error.message, /楽天 getOrder の応答として読めません \(not a Rakuten getOrder response\)/);
      assert.match(
        error.message,
        /ItemModelList\[0\]\.units: 無効な入力.* \/ Invalid input: expected number/,
      );
      return true;
    },
  );
});

const base = () => structuredClone(twoPackages);
const firstOrder = (json: ReturnType<typeof base>) => {
  const model = json.OrderModelList[0];
  assert.ok(model);
  return model as Record<string, unknown> & typeof model;
};

test("shapes the schema tolerates or refuses", () => {
  const cases: [string, (json: ReturnType<typeof base>) => unknown, (o: MallOrder) => void][] = [
    [
      "unknown fields pass",
      (json) => Object.assign(firstOrder(json), { someFutureFlag: 1, SocialGiftModel: { sgMngNumber: "x" } }),
      (o) => assert.equal(o.mallOrderNumber, "999999-20250301-0000012345"),
    ],
    [
      "nullable models may be null (no OrdererModel, SettlementModel, PointModel, SenderModel)",
      (json) => {
        const model = firstOrder(json);
        Object.assign(model, { OrdererModel: null, SettlementModel: null, PointModel: null, remarks: null });
        Object.assign(model.PackageModelList[0] ?? {}, { SenderModel: null, ShippingModelList: null });
      },
      (o) => {
        assert.deepEqual(o.buyer, {
          name: "",
          postalCode: "",
          prefecture: "",
          address1: "",
          phone: "",
          email: "",
        });
        assert.deepEqual([o.paymentMethod, o.paid, o.pointsUsed, o.remarks], ["other", false, 0, ""]);
        assert.deepEqual(o.packages[0]?.shippings, []);
      },
    ],
    [
      "an undetermined wrapping charge makes the fees undetermined",
      (json) => Object.assign(firstOrder(json).WrappingModel1 ?? {}, { price: -9999 }),
      (o) => assert.equal(o.fees, null),
    ],
    [
      "a deleted wrapping is no charge",
      (json) => Object.assign(firstOrder(json).WrappingModel1 ?? {}, { deleteWrappingFlag: 1 }),
      (o) => assert.equal(o.fees, 0),
    ],
    [
      "an undetermined coupon total falls back to the determined coupons",
      (json) => {
        const model = firstOrder(json);
        model.couponAllTotalPrice = -9999;
        Object.assign(model.CouponModelList[1] ?? {}, { couponTotalPrice: -9999 });
      },
      (o) => assert.equal(o.couponDiscount, 300),
    ],
    [
      "a -9999 requestPrice is an undetermined billed total",
      (json) => {
        firstOrder(json).requestPrice = -9999;
      },
      (o) => assert.equal(o.billedTotal, null),
    ],
    [
      "a deliveryDate field wins over the remarks",
      (json) => Object.assign(firstOrder(json), { deliveryDate: "2025-03-07", shippingTerm: 2 }),
      (o) => assert.deepEqual([o.desiredDeliveryDate, o.desiredTimeSlot], ["2025-03-07", "午後"]),
    ],
    [
      "an 8-digit serial passes as it is",
      (json) => {
        firstOrder(json).orderNumber = "999999-20180724-00000810";
      },
      (o) => assert.equal(o.mallOrderNumber, "999999-20180724-00000810"),
    ],
    [
      "numeric codes become strings",
      (json) =>
        Object.assign(firstOrder(json).PackageModelList[0]?.ShippingModelList[0] ?? {}, {
          deliveryCompany: 1002,
        }),
      (o) => assert.equal(o.packages[0]?.shippings[0]?.carrierCode, "1002"),
    ],
  ];
  for (const [name, change, check] of cases) {
    const json = base();
    change(json);
    const result = parseGetOrderResponse(json);
    assert.deepEqual(result.errors, [], name);
    check(only(result.orders));
  }
});

test("responses of other operations, or an order without what the mapping needs, are refused", () => {
  const cases: [string, unknown, string[]][] = [
    [
      "a searchOrder response",
      {
        MessageModelList: [{ messageType: "INFO", messageCode: "X", message: "" }],
        orderNumberList: ["1-2-3"],
      },
      ["OrderModelList"],
    ],
    ["not an object", [1, 2], [""]],
    [
      "an order without packages",
      (() => {
        const json = base();
        Object.assign(firstOrder(json), { PackageModelList: [] });
        return json;
      })(),
      ["OrderModelList[0].PackageModelList"],
    ],
    [
      "an item with neither manageNumber nor itemNumber",
      (() => {
        const json = base();
        Object.assign(firstOrder(json).PackageModelList[0]?.ItemModelList[0] ?? {}, {
          manageNumber: null,
          itemNumber: " ",
        });
        return json;
      })(),
      ["OrderModelList[0].PackageModelList[0].ItemModelList[0].manageNumber"],
    ],
  ];
  for (const [name, json, paths] of cases) {
    assert.throws(
      () => parseGetOrderResponse(json),
      (error: unknown) => {
        assert.ok(error instanceof RakutenResponseError, name);
        assert.deepEqual(
          error.issues.map((i) => i.path),
          paths,
          name,
        );
        return true;
      },
    );
  }
});

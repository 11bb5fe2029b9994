import assert from "node:assert/strict";
import { test } from "node:test";
import { MallError, type MallOrder } from "#server/ports/mall.ts";
import errorOn200 from "./fixtures/getOrder-error-200.json" with { type: "json" };
import partlyNotFound from "./fixtures/getOrder-partly-not-found.json" with { type: "json" };
import twoPackages from "./fixtures/getOrder-v10-two-packages.json" with { type: "json" };
import invalid from "./fixtures/invalid-getOrder.json" with { type: "json" };
import { parseGetOrderResponse, RakutenResponseError } from "./get-order-response.ts";

/** What parseGetOrderResponse makes of a whole response: its messages, and payloads it refuses. */

function only<T>(list: readonly T[]): T {
  assert.equal(list.length, 1);
  return list[0] as T;
}

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
    warnings: [],
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

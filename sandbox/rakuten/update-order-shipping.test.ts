import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { item, startTestSandbox, type TestSandbox } from "./test-support.ts";

let t: TestSandbox;
before(async () => {
  t = await startTestSandbox({ start: "2025-06-10T10:00:00+09:00" });
});
after(() => t.close());

const SHIP = "/es/2.0/order/updateOrderShipping/";
const get = async (orderNumber: string) =>
  (await t.rms("/es/2.0/order/getOrder/", { orderNumberList: [orderNumber], version: 10 })).body
    .OrderModelList[0];

/** A confirmed (300 発送待ち) order with two ship-tos. */
async function twoPackageOrder() {
  const placed = await t.placeOrder({
    packages: [
      { items: [item("gift-a", 3000)] },
      {
        items: [item("gift-b", 2000)],
        sender: { familyName: "鈴木", firstName: "次郎", zipCode: "530-0001" },
      },
    ],
  });
  await t.rms("/es/2.0/order/confirmOrder/", { orderNumberList: [placed.orderNumber] });
  return { orderNumber: placed.orderNumber as string, basketIds: placed.basketIds as number[] };
}

test("add a shipping, then update it by the shippingDetailId the answer gave", async () => {
  const { orderNumber, basketIds } = await twoPackageOrder();
  const [first = 0] = basketIds;
  const added = await t.rms(SHIP, {
    orderNumber,
    BasketidModelList: [
      { basketId: first, ShippingModelList: [{ deliveryCompany: "1001", shippingNumber: "1234-5678-9012" }] },
    ],
  });
  assert.equal(added.status, 200);
  const [message] = added.body.MessageModelList;
  assert.deepEqual(message, {
    messageType: "INFO",
    messageCode: "ORDER_EXT_API_UPDATE_ORDERSHIPPING_INFO_101",
    message: "発送情報の追加設定が完了しました。",
    dataNumber: 1,
    shippingDetailId: message.shippingDetailId,
  });
  assert.equal(typeof message.shippingDetailId, "number");

  const updated = await t.rms(SHIP, {
    orderNumber,
    BasketidModelList: [
      {
        basketId: first,
        ShippingModelList: [{ shippingDetailId: message.shippingDetailId, shippingDate: "2025-06-11" }],
      },
    ],
  });
  assert.deepEqual(updated.body.MessageModelList, [
    {
      messageType: "INFO",
      messageCode: "ORDER_EXT_API_UPDATE_ORDERSHIPPING_INFO_102",
      message: "発送情報の更新設定が完了しました。",
      dataNumber: 1,
      shippingDetailId: message.shippingDetailId,
    },
  ]);
  const o = await get(orderNumber);
  assert.deepEqual(o.PackageModelList[0].ShippingModelList, [
    {
      shippingDetailId: message.shippingDetailId,
      shippingNumber: "1234-5678-9012",
      deliveryCompany: "1001",
      deliveryCompanyName: "ヤマト運輸",
      shippingDate: "2025-06-11",
    },
  ]);
  assert.equal(o.orderProgress, 300, "the second package has not shipped yet");
});

test("the order is 500 発送済 once every package has a dated shipping, and back at 300 if one is deleted", async () => {
  const { orderNumber, basketIds } = await twoPackageOrder();
  const [first = 0, second = 0] = basketIds;
  const res = await t.rms(SHIP, {
    orderNumber,
    BasketidModelList: [
      {
        basketId: first,
        ShippingModelList: [{ deliveryCompany: "1002", shippingNumber: "A1", shippingDate: "2025-06-10" }],
      },
      {
        basketId: second,
        ShippingModelList: [
          { deliveryCompany: "1003", shippingNumber: "B1", shippingDate: "2025-06-10" },
          { deliveryCompany: "1003", shippingNumber: "B2", shippingDate: "2025-06-10" },
        ],
      },
    ],
  });
  assert.deepEqual(
    res.body.MessageModelList.map((m: { dataNumber: number }) => m.dataNumber),
    [1, 2, 3],
  );
  const shipped = await get(orderNumber);
  assert.equal(shipped.orderProgress, 500);
  assert.equal(shipped.shippingCmplRptDatetime, "2025-06-10T10:00:00+0900");
  const byReport = await t.rms("/es/2.0/order/searchOrder/", {
    dateType: 5,
    startDatetime: "2025-06-10T00:00:00+0900",
    endDatetime: "2025-06-10T23:59:59+0900",
  });
  assert.ok(byReport.body.orderNumberList.includes(orderNumber));

  const firstId = res.body.MessageModelList[0].shippingDetailId;
  const removed = await t.rms(SHIP, {
    orderNumber,
    BasketidModelList: [
      { basketId: first, ShippingModelList: [{ shippingDetailId: firstId, shippingDeleteFlag: 1 }] },
    ],
  });
  assert.equal(removed.body.MessageModelList[0].messageCode, "ORDER_EXT_API_UPDATE_ORDERSHIPPING_INFO_103");
  assert.equal((await get(orderNumber)).orderProgress, 300);
});

test("a carrier's name instead of its code, or a slashed date, is a format error naming the entry", async () => {
  const { orderNumber, basketIds } = await twoPackageOrder();
  const res = await t.rms(SHIP, {
    orderNumber,
    BasketidModelList: [
      {
        basketId: basketIds[0],
        ShippingModelList: [
          { shippingDetailId: 15419, deliveryCompany: "1001", shippingDate: "2018/01/25" },
          { deliveryCompany: "佐川急便" },
          { deliveryCompany: "1001", shippingNumber: "x".repeat(121) },
        ],
      },
    ],
  });
  assert.equal(res.status, 400);
  assert.deepEqual(res.body.MessageModelList, [
    {
      messageType: "ERROR",
      messageCode: "ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_011",
      message: "shippingDateの書式が不正です。",
      dataNumber: 1,
      shippingDetailId: 15419,
    },
    {
      messageType: "ERROR",
      messageCode: "ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_011",
      message: "deliveryCompanyの書式が不正です。",
      dataNumber: 2,
      shippingDetailId: null,
    },
    {
      messageType: "ERROR",
      messageCode: "ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_011",
      message: "shippingNumberの書式が不正です。",
      dataNumber: 3,
      shippingDetailId: null,
    },
  ]);
  assert.deepEqual((await get(orderNumber)).PackageModelList[0].ShippingModelList, [], "nothing applied");
});

test("unknown basketId or shippingDetailId, and more than 20 shippings a basket, are refused", async () => {
  const { orderNumber, basketIds } = await twoPackageOrder();
  const unknownBasket = await t.rms(SHIP, {
    orderNumber,
    BasketidModelList: [{ basketId: 1, ShippingModelList: [{ deliveryCompany: "1001" }] }],
  });
  assert.equal(
    unknownBasket.body.MessageModelList[0].messageCode,
    "ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_103",
  );
  const unknownId = await t.rms(SHIP, {
    orderNumber,
    BasketidModelList: [
      { basketId: basketIds[0], ShippingModelList: [{ shippingDetailId: 42, shippingNumber: "X" }] },
    ],
  });
  assert.deepEqual(
    [
      unknownId.status,
      unknownId.body.MessageModelList[0].messageCode,
      unknownId.body.MessageModelList[0].shippingDetailId,
    ],
    [400, "ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_104", 42],
  );
  const many = Array.from({ length: 21 }, (_, i) => ({ deliveryCompany: "1001", shippingNumber: `N${i}` }));
  const tooMany = await t.rms(SHIP, {
    orderNumber,
    BasketidModelList: [{ basketId: basketIds[0], ShippingModelList: many }],
  });
  assert.deepEqual(
    [tooMany.status, tooMany.body.MessageModelList[0].messageCode],
    [400, "ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_012"],
  );
  const missing = await t.rms(SHIP, { orderNumber });
  assert.equal(missing.body.MessageModelList[0].message, "BasketidModelListの項目を指定してください。");
});

test("a cancelled order cannot be reported (ERROR_102), and a dated shipping blocks cancelOrder", async () => {
  const { orderNumber, basketIds } = await twoPackageOrder();
  await t.rms(SHIP, {
    orderNumber,
    BasketidModelList: [
      {
        basketId: basketIds[0],
        ShippingModelList: [{ deliveryCompany: "1001", shippingDate: "2025-06-10" }],
      },
    ],
  });
  const cancel = await t.rms("/es/2.0/order/cancelOrder/", {
    orderNumber,
    inventoryRestoreType: 0,
    changeReasonDetailApply: 1,
  });
  assert.deepEqual(
    [cancel.status, cancel.body.MessageModelList[0].messageCode],
    [400, "ORDER_EXT_API_CANCEL_ORDER_ERROR_103"],
  );
  assert.match(cancel.body.MessageModelList[0].message, /発送日を削除してから/);

  await t.control("POST", `/_sandbox/orders/${orderNumber}/cancel`, { reason: 1 });
  const report = await t.rms(SHIP, {
    orderNumber,
    BasketidModelList: [{ basketId: basketIds[1], ShippingModelList: [{ deliveryCompany: "1001" }] }],
  });
  assert.deepEqual(
    [report.status, report.body.MessageModelList],
    [
      400,
      [
        {
          messageType: "ERROR",
          messageCode: "ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_102",
          message:
            "指定された注文番号は既にキャンセルされているため、発送完了報告が出来る状態ではありませんでした。",
          dataNumber: null,
          shippingDetailId: null,
        },
      ],
    ],
  );
});

test("an order not yet at 300 cannot be reported", async () => {
  const placed = await t.placeOrder();
  const res = await t.rms(SHIP, {
    orderNumber: placed.orderNumber,
    BasketidModelList: [{ basketId: placed.basketIds[0], ShippingModelList: [{ deliveryCompany: "1001" }] }],
  });
  assert.deepEqual(
    [res.status, res.body.MessageModelList[0].messageCode],
    [400, "ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_106"],
  );
});

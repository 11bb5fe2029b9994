import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { item, startTestSandbox, type TestSandbox } from "./test-support.ts";

let t: TestSandbox;
before(async () => {
  t = await startTestSandbox({ start: "2025-06-10T10:00:00+09:00" });
});
after(() => t.close());

const CONFIRM = "/es/2.0/order/confirmOrder/";
const CANCEL = "/es/2.0/order/cancelOrder/";
const get = async (orderNumber: string, sandbox = t) =>
  (await sandbox.rms("/es/2.0/order/getOrder/", { orderNumberList: [orderNumber], version: 10 })).body
    .OrderModelList[0];
const messages = (body: { MessageModelList: { messageCode: string; orderNumber?: string }[] }) =>
  body.MessageModelList.map((m) => [m.messageCode, m.orderNumber]);

test("注文確認 moves a card order 100 → 200 → 300 at once, with a changeType 8 record", async () => {
  const placed = await t.placeOrder();
  const res = await t.rms(CONFIRM, { orderNumberList: [placed.orderNumber] });
  assert.equal(res.status, 200);
  assert.deepEqual(res.body.MessageModelList, [
    {
      messageType: "INFO",
      messageCode: "ORDER_EXT_API_CONFIRM_ORDER_INFO_101",
      message: "注文確認に成功しました。",
      orderNumber: placed.orderNumber,
    },
  ]);
  const o = await get(placed.orderNumber);
  assert.equal(o.orderProgress, 300);
  assert.equal(o.shopOrderCfmDatetime, "2025-06-10T10:00:00+0900");
  assert.equal(o.orderFixDatetime, "2025-06-10T10:00:00+0900");
  assert.equal(o.shippingInstDatetime, o.orderFixDatetime);
  assert.deepEqual(
    o.ChangeReasonModelList.map((c: { changeType: number; changeApplyDatetime: string }) => [
      c.changeType,
      c.changeApplyDatetime,
    ]),
    [[8, "2025-06-10T10:00:00+0900"]],
  );
});

test("confirming per order: unknown, already moved and cancelled orders get their own ERROR on HTTP 200", async () => {
  const fresh = await t.placeOrder();
  const moved = await t.placeOrder();
  const cancelled = await t.placeOrder();
  await t.rms(CONFIRM, { orderNumberList: [moved.orderNumber] });
  await t.control("POST", `/_sandbox/orders/${cancelled.orderNumber}/cancel`, {});
  const res = await t.rms(CONFIRM, {
    orderNumberList: [
      fresh.orderNumber,
      moved.orderNumber,
      cancelled.orderNumber,
      "365811-20250610-0000999999",
    ],
  });
  assert.equal(res.status, 200);
  assert.deepEqual(messages(res.body), [
    ["ORDER_EXT_API_CONFIRM_ORDER_INFO_101", fresh.orderNumber],
    ["ORDER_EXT_API_CONFIRM_ORDER_ERROR_103", moved.orderNumber],
    ["ORDER_EXT_API_CONFIRM_ORDER_ERROR_102", cancelled.orderNumber],
    ["ORDER_EXT_API_CONFIRM_ORDER_ERROR_101", "365811-20250610-0000999999"],
  ]);
  const tooMany = await t.rms(CONFIRM, { orderNumberList: Array.from({ length: 101 }, (_, i) => `n${i}`) });
  assert.deepEqual(
    [tooMany.status, messages(tooMany.body)],
    [400, [["ORDER_EXT_API_CONFIRM_ORDER_ERROR_012", undefined]]],
  );
  const empty = await t.rms(CONFIRM, {});
  assert.deepEqual(
    [empty.status, messages(empty.body)],
    [400, [["ORDER_EXT_API_CONFIRM_ORDER_ERROR_009", undefined]]],
  );
});

test("送料未確定 cannot be confirmed (ERROR_105) until the shop fixes the postage", async () => {
  const placed = await t.placeOrder({ packages: [{ items: [item("sofa", 80_000)], postagePrice: -9999 }] });
  const refused = await t.rms(CONFIRM, { orderNumberList: [placed.orderNumber] });
  assert.deepEqual(messages(refused.body), [["ORDER_EXT_API_CONFIRM_ORDER_ERROR_105", placed.orderNumber]]);
  assert.equal((await get(placed.orderNumber)).orderProgress, 100);
  await t.control("PATCH", `/_sandbox/orders/${placed.orderNumber}`, { postagePrice: 5500 });
  const ok = await t.rms(CONFIRM, { orderNumberList: [placed.orderNumber] });
  assert.deepEqual(messages(ok.body), [["ORDER_EXT_API_CONFIRM_ORDER_INFO_101", placed.orderNumber]]);
});

test("with a fix delay the order waits at 200 楽天処理中 until the mall's clock passes it", async () => {
  const slow = await startTestSandbox({ orderFixDelayMs: 60_000 });
  try {
    const placed = await slow.placeOrder();
    await slow.rms(CONFIRM, { orderNumberList: [placed.orderNumber] });
    assert.equal((await get(placed.orderNumber, slow)).orderProgress, 200);
    slow.clock.advance(59_999);
    assert.equal((await get(placed.orderNumber, slow)).orderProgress, 200);
    slow.clock.advance(1);
    const fixed = await get(placed.orderNumber, slow);
    assert.equal(fixed.orderProgress, 300);
    assert.equal(fixed.orderFixDatetime, "2025-06-10T10:01:00+0900");
  } finally {
    await slow.close();
  }
});

test("a prepaid order stays at 200 until the payment arrives; paying at 100 only marks it paid", async () => {
  const transfer = await t.placeOrder({ settlement: "bank_transfer" });
  await t.rms(CONFIRM, { orderNumberList: [transfer.orderNumber] });
  const waiting = await get(transfer.orderNumber);
  assert.equal(waiting.orderProgress, 200);
  assert.equal(waiting.SettlementModel.settlementMethodCode, 9);
  assert.deepEqual(waiting.DueDateModelList, [{ dueDateType: 0, dueDate: "2025-06-17" }]);
  const paid = await t.control("POST", `/_sandbox/orders/${transfer.orderNumber}/pay`);
  assert.equal(paid.body.orderProgress, 300);
  assert.equal((await t.control("POST", `/_sandbox/orders/${transfer.orderNumber}/pay`)).status, 409);

  const early = await t.placeOrder({ settlement: "convenience_store" });
  assert.equal(
    (await t.control("POST", `/_sandbox/orders/${early.orderNumber}/pay`)).body.orderProgress,
    100,
  );
  await t.rms(CONFIRM, { orderNumberList: [early.orderNumber] });
  assert.equal((await get(early.orderNumber)).orderProgress, 300);
  const card = await t.placeOrder();
  assert.equal(
    (await t.control("POST", `/_sandbox/orders/${card.orderNumber}/pay`)).body.error,
    "not_prepaid",
  );
});

test("cancelOrder: a キャンセル申請 that settles into 900 with its ChangeReasonModel", async () => {
  const placed = await t.placeOrder();
  await t.rms(CONFIRM, { orderNumberList: [placed.orderNumber] });
  const res = await t.rms(CANCEL, {
    orderNumber: placed.orderNumber,
    inventoryRestoreType: 1,
    changeReasonDetailApply: 8,
  });
  assert.deepEqual(
    [res.status, res.body],
    [
      200,
      {
        MessageModelList: [
          {
            messageType: "INFO",
            messageCode: "ORDER_EXT_API_CANCEL_ORDER_INFO_101",
            message: "キャンセル申請に成功しました。",
            orderNumber: placed.orderNumber,
          },
        ],
      },
    ],
  );
  const o = await get(placed.orderNumber);
  assert.equal(o.orderProgress, 900);
  const change = o.ChangeReasonModelList.at(-1);
  assert.deepEqual(
    [change.changeType, change.changeReason, change.changeReasonDetail, change.changeFixDatetime],
    [1, 0, 8, "2025-06-10T10:00:00+0900"],
  );
  const again = await t.rms(CANCEL, {
    orderNumber: placed.orderNumber,
    inventoryRestoreType: 1,
    changeReasonDetailApply: 8,
  });
  assert.deepEqual(
    [again.status, messages(again.body)],
    [400, [["ORDER_EXT_API_CANCEL_ORDER_ERROR_102", placed.orderNumber]]],
  );
});

test("cancelOrder waits at 800 with a cancel delay, and refuses bad reasons and unknown orders", async () => {
  const slow = await startTestSandbox({ cancelFixDelayMs: 30_000 });
  try {
    const placed = await slow.placeOrder();
    await slow.rms(CANCEL, {
      orderNumber: placed.orderNumber,
      inventoryRestoreType: 0,
      changeReasonDetailApply: 1,
    });
    assert.equal((await get(placed.orderNumber, slow)).orderProgress, 800);
    slow.clock.advance(30_000);
    assert.equal((await get(placed.orderNumber, slow)).orderProgress, 900);
  } finally {
    await slow.close();
  }
  const placed = await t.placeOrder();
  for (const reason of [0, 7, 9, 11, 12, 16]) {
    const bad = await t.rms(CANCEL, {
      orderNumber: placed.orderNumber,
      inventoryRestoreType: 0,
      changeReasonDetailApply: reason,
    });
    assert.deepEqual(
      messages(bad.body),
      [["ORDER_EXT_API_CANCEL_ORDER_ERROR_011", undefined]],
      `reason ${reason}`,
    );
  }
  const missing = await t.rms(CANCEL, { orderNumber: placed.orderNumber });
  assert.deepEqual(
    missing.body.MessageModelList.map((m: { message: string }) => m.message),
    ["inventoryRestoreTypeの項目を指定してください。", "changeReasonDetailApplyの項目を指定してください。"],
  );
  const unknown = await t.rms(CANCEL, {
    orderNumber: "365811-20250610-0000999999",
    inventoryRestoreType: 0,
    changeReasonDetailApply: 1,
  });
  assert.equal(unknown.body.MessageModelList[0].messageCode, "ORDER_EXT_API_CANCEL_ORDER_ERROR_101");
});

test("a cancel from the mall side lands on 900 and shows in the mall's history", async () => {
  const placed = await t.placeOrder();
  const res = await t.control("POST", `/_sandbox/orders/${placed.orderNumber}/cancel`, { reason: 4 });
  assert.equal(res.body.orderProgress, 900);
  assert.deepEqual(
    res.body.history.map((h: { event: string; by: string }) => [h.by, h.event]),
    [
      ["mall", "placed"],
      ["mall", "cancelled"],
    ],
  );
  const change = (await get(placed.orderNumber)).ChangeReasonModelList[0];
  assert.deepEqual([change.changeReason, change.changeReasonDetail], [1, 4]);
  assert.equal((await t.control("POST", `/_sandbox/orders/${placed.orderNumber}/cancel`, {})).status, 409);
  assert.equal(
    (await t.control("POST", `/_sandbox/orders/${placed.orderNumber}/cancel`, { reason: 7 })).status,
    400,
  );
});

test("a mall-side change of ship-to and remarks shows on the next getOrder with modifyFlag 1", async () => {
  const placed = await t.placeOrder({ deliveryDate: "2025-06-14", shippingTerm: 1 });
  const changed = await t.control("PATCH", `/_sandbox/orders/${placed.orderNumber}`, {
    sender: {
      familyName: "佐藤",
      firstName: "一郎",
      zipCode: "060-0001",
      prefecture: "北海道",
      city: "札幌市中央区",
    },
    deliveryDate: "2025-06-15",
  });
  assert.equal(changed.status, 200);
  const o = await get(placed.orderNumber);
  assert.equal(o.modifyFlag, 1);
  assert.equal(o.equalSenderFlag, 0);
  assert.deepEqual(
    [
      o.PackageModelList[0].SenderModel.familyName,
      o.PackageModelList[0].SenderModel.zipCode1,
      o.OrdererModel.familyName,
    ],
    ["佐藤", "060", "楽天"],
  );
  assert.equal(o.remarks, "[配送日時指定:]\n2025-06-15(日) 午前中\n");
  const bad = await t.control("PATCH", `/_sandbox/orders/${placed.orderNumber}`, {
    packages: [{ basketId: 1, postagePrice: 0 }],
  });
  assert.deepEqual([bad.status, bad.body.fields[0].field], [400, "packages.0.basketId"]);
});

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestSandbox, type TestSandbox } from "./test-support.ts";

let t: TestSandbox;
before(async () => {
  t = await startTestSandbox({ start: "2025-06-10T10:00:00+09:00" });
});
after(() => t.close());

const SEARCH = "/es/2.0/order/searchOrder/";
const codes = (body: { MessageModelList: { messageCode: string }[] }) =>
  body.MessageModelList.map((m) => m.messageCode);

test("0 hits: an empty list, INFO_102, and every pagination field null", async () => {
  const res = await t.rms(SEARCH, {
    dateType: 1,
    startDatetime: "2025-01-01T00:00:00+0900",
    endDatetime: "2025-01-31T23:59:59+0900",
  });
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, {
    orderNumberList: [],
    MessageModelList: [
      {
        messageType: "INFO",
        messageCode: "ORDER_EXT_API_SEARCH_ORDER_INFO_102",
        message: "注文検索に成功しました。(検索結果０件)",
      },
    ],
    PaginationResponseModel: { totalRecordsAmount: null, totalPages: null, requestPage: null },
  });
});

test("missing and malformed fields are all reported at once, HTTP 400, lists null", async () => {
  const res = await t.rms(SEARCH, { startDatetime: "2025/06/01 00:00:00", endDatetime: "" });
  assert.equal(res.status, 400);
  assert.equal(res.body.orderNumberList, null);
  assert.equal(res.body.PaginationResponseModel, null);
  assert.deepEqual(res.body.MessageModelList, [
    {
      messageType: "ERROR",
      messageCode: "ORDER_EXT_API_SEARCH_ORDER_ERROR_009",
      message: "dateTypeの項目を指定して下さい。",
    },
    {
      messageType: "ERROR",
      messageCode: "ORDER_EXT_API_SEARCH_ORDER_ERROR_011",
      message: "startDatetimeの書式が不正です。",
    },
    {
      messageType: "ERROR",
      messageCode: "ORDER_EXT_API_SEARCH_ORDER_ERROR_010",
      message: "endDatetimeの値を指定して下さい。",
    },
  ]);
  for (const bad of [
    "2025-06-01T00:00:00Z",
    "2025-06-01T00:00:00+0000",
    "2025-02-30T00:00:00+0900",
    "2025-06-01",
  ]) {
    const r = await t.rms(SEARCH, {
      dateType: 1,
      startDatetime: bad,
      endDatetime: "2025-06-02T00:00:00+0900",
    });
    assert.deepEqual(codes(r.body), ["ORDER_EXT_API_SEARCH_ORDER_ERROR_011"], bad);
  }
  const dateType = await t.rms(SEARCH, {
    dateType: 7,
    startDatetime: "2025-06-01T00:00:00+0900",
    endDatetime: "2025-06-02T00:00:00+0900",
  });
  assert.deepEqual(codes(dateType.body), ["ORDER_EXT_API_SEARCH_ORDER_ERROR_011"]);
});

test("the window is at most 63 days, starts at most 730 days back, and ends after it starts", async () => {
  const window = (startDatetime: string, endDatetime: string) =>
    t.rms(SEARCH, { dateType: 1, startDatetime, endDatetime });
  assert.equal((await window("2025-04-08T00:00:00+0900", "2025-06-10T00:00:00+0900")).status, 200, "63 days");
  const tooLong = await window("2025-04-07T23:59:59+0900", "2025-06-10T00:00:00+0900");
  assert.equal(tooLong.status, 400);
  assert.deepEqual(codes(tooLong.body), ["ORDER_EXT_API_SEARCH_ORDER_ERROR_012"]);
  assert.match(tooLong.body.MessageModelList[0].message, /63日以内/);
  const tooOld = await window("2023-06-01T00:00:00+0900", "2023-06-30T00:00:00+0900");
  assert.match(tooOld.body.MessageModelList[0].message, /730日以内/);
  const backwards = await window("2025-06-10T00:00:00+0900", "2025-06-01T00:00:00+0900");
  assert.deepEqual(
    [backwards.status, codes(backwards.body)],
    [400, ["ORDER_EXT_API_SEARCH_ORDER_ERROR_012"]],
  );
  // Live searchOrder refuses the colon in the offset: only +0900 is its spelling.
  const colon = await window("2025-06-01T00:00:00+09:00", "2025-06-02T00:00:00+0900");
  assert.deepEqual(
    [colon.status, codes(colon.body), colon.body.MessageModelList[0].message],
    [400, ["ORDER_EXT_API_SEARCH_ORDER_ERROR_011"], "startDatetimeの書式が不正です。"],
  );
});

test("pages of up to 1,000 numbers, sorted by order date; 1,001 a page is refused", async () => {
  const placed = await t.control("POST", "/_sandbox/shops/365811/orders/bulk", {
    count: 2500,
    template: { orderedAt: "2025-06-09T00:00:00+09:00" },
    intervalSeconds: 10,
  });
  assert.equal(placed.status, 201);
  assert.equal(placed.body.count, 2500);
  const page = (requestPage: number, sortDirection = 1) =>
    t.rms(SEARCH, {
      dateType: 1,
      startDatetime: "2025-06-09T00:00:00+0900",
      endDatetime: "2025-06-09T23:59:59+0900",
      PaginationRequestModel: {
        requestRecordsAmount: 1000,
        requestPage,
        SortModelList: [{ sortColumn: 1, sortDirection }],
      },
    });
  const third = await page(3);
  assert.equal(third.status, 200);
  assert.deepEqual(third.body.PaginationResponseModel, {
    totalRecordsAmount: 2500,
    totalPages: 3,
    requestPage: 3,
  });
  assert.equal(third.body.orderNumberList.length, 500);
  assert.equal(third.body.orderNumberList.at(-1), placed.body.orderNumbers.at(-1));
  assert.deepEqual(codes(third.body), ["ORDER_EXT_API_SEARCH_ORDER_INFO_101"]);
  const newestFirst = await page(1, 2);
  assert.equal(newestFirst.body.orderNumberList[0], placed.body.orderNumbers.at(-1));
  const defaults = await t.rms(SEARCH, {
    dateType: 1,
    startDatetime: "2025-06-09T00:00:00+0900",
    endDatetime: "2025-06-09T23:59:59+0900",
  });
  assert.equal(defaults.body.orderNumberList.length, 30, "30 a page by default");
  assert.equal(defaults.body.PaginationResponseModel.totalPages, 84);
  const tooMany = await t.rms(SEARCH, {
    dateType: 1,
    startDatetime: "2025-06-09T00:00:00+0900",
    endDatetime: "2025-06-09T23:59:59+0900",
    PaginationRequestModel: { requestRecordsAmount: 1001, requestPage: 1 },
  });
  assert.deepEqual([tooMany.status, codes(tooMany.body)], [400, ["ORDER_EXT_API_SEARCH_ORDER_ERROR_012"]]);
});

test("orderProgressList and dateType 2 (注文確認日) find what moved", async () => {
  const order = await t.placeOrder({ orderedAt: "2025-06-01T12:00:00+09:00" });
  const window = { startDatetime: "2025-06-10T09:00:00+0900", endDatetime: "2025-06-10T11:00:00+0900" };
  const byConfirm = () => t.rms(SEARCH, { dateType: 2, ...window });
  assert.deepEqual((await byConfirm()).body.orderNumberList, []);
  await t.rms("/es/2.0/order/confirmOrder/", { orderNumberList: [order.orderNumber] });
  assert.deepEqual((await byConfirm()).body.orderNumberList, [order.orderNumber]);
  const onlyNew = await t.rms(SEARCH, {
    dateType: 1,
    startDatetime: "2025-06-01T00:00:00+0900",
    endDatetime: "2025-06-01T23:59:59+0900",
    orderProgressList: [100],
  });
  assert.deepEqual(onlyNew.body.orderNumberList, []);
  const waiting = await t.rms(SEARCH, {
    dateType: 1,
    startDatetime: "2025-06-01T00:00:00+0900",
    endDatetime: "2025-06-01T23:59:59+0900",
    orderProgressList: [300],
  });
  assert.deepEqual(waiting.body.orderNumberList, [order.orderNumber]);
  const badStatus = await t.rms(SEARCH, { dateType: 1, ...window, orderProgressList: [150] });
  assert.deepEqual(codes(badStatus.body), ["ORDER_EXT_API_SEARCH_ORDER_ERROR_011"]);
});

test("datetimes count to the second: an order at 12:00:00.5 is in a window ending, or starting, at 12:00:00", async () => {
  const order = await t.placeOrder({ orderedAt: "2025-06-02T12:00:00.500+09:00" });
  const search = async (startDatetime: string, endDatetime: string) =>
    (await t.rms(SEARCH, { dateType: 1, startDatetime, endDatetime })).body.orderNumberList;
  assert.deepEqual(await search("2025-06-02T11:00:00+0900", "2025-06-02T12:00:00+0900"), [order.orderNumber]);
  assert.deepEqual(await search("2025-06-02T12:00:00+0900", "2025-06-02T13:00:00+0900"), [order.orderNumber]);
  assert.deepEqual(await search("2025-06-02T12:00:01+0900", "2025-06-02T13:00:00+0900"), []);
});

test("past 15,000 hits the numbers stop, while totalRecordsAmount still counts them all", async () => {
  const own = await startTestSandbox({ start: "2025-06-10T10:00:00+09:00" });
  try {
    await own.control("POST", "/_sandbox/shops/365811/orders/bulk", {
      count: 15_001,
      template: { orderedAt: "2025-06-02T00:00:00+09:00" },
      intervalSeconds: 1,
    });
    const res = await own.rms(SEARCH, {
      dateType: 1,
      startDatetime: "2025-06-02T00:00:00+0900",
      endDatetime: "2025-06-02T23:59:59+0900",
      PaginationRequestModel: { requestRecordsAmount: 1000, requestPage: 16 },
    });
    assert.deepEqual(res.body.PaginationResponseModel, {
      totalRecordsAmount: 15_001,
      totalPages: 15,
      requestPage: 16,
    });
    assert.deepEqual(res.body.orderNumberList, []);
  } finally {
    await own.close();
  }
});

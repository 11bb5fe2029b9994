import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";
import { inquiryTestSandbox, type TestSandbox } from "./test-support.ts";

const sandbox = inquiryTestSandbox();
let t: TestSandbox;
beforeEach(() => {
  t = sandbox();
});

const API = "/es/1.0/inquirymng-api";
const MINUTE = 60_000;
const window = (from: string, to: string, extra = "") => `?fromDate=${from}&toDate=${to}${extra}`;
const TODAY = window("2025-06-01T00:00:00", "2025-06-30T23:59:59");

/** 問い合わせ管理API reads over HTTP: shapes, the date window, paging, refusals and the gateway. */

test("a buyer's cancel request on an order reads back through list, count and inquiry with RMS's fields", async () => {
  const order = await t.placeOrder({});
  const posted = await t.postInquiry({
    orderNumber: order.orderNumber,
    cancelRequest: true,
    userName: "山田 太郎",
  });
  assert.match(posted.inquiryNumber, /^365811-20250610-\d+t$/);

  const listed = await t.call("GET", `${API}/inquiries${TODAY}`);
  assert.equal(listed.status, 200);
  assert.deepEqual(Object.keys(listed.body), ["totalCount", "totalPageCount", "page", "list"]);
  const [inquiry] = listed.body.list;
  assert.deepEqual(Object.keys(inquiry), [
    "inquiryNumber",
    "shopId",
    "userName",
    "userMaskEmail",
    "message",
    "regDate",
    "itemUrl",
    "itemName",
    "itemNumber",
    "isCompleted",
    "completedDate",
    "orderNumber",
    "readByMerchant",
    "attachments",
    "replies",
    "category",
    "type",
    "isMessageDeleted",
    "lastUpdateDate",
    "socialGiftUserType",
  ]);
  assert.equal(inquiry.shopId, 365811);
  assert.equal(inquiry.orderNumber, order.orderNumber);
  assert.equal(inquiry.type, "受注問い合わせ");
  assert.equal(inquiry.category, "返品交換・キャンセル");
  assert.equal(inquiry.regDate, "2025-06-10T10:00:00+09:00");
  assert.equal(inquiry.lastUpdateDate, "2025-06-10T10:00:00+09:00");
  assert.match(inquiry.userMaskEmail, /@pc\.fw\.rakuten\.ne\.jp$/);
  assert.deepEqual([inquiry.readByMerchant, inquiry.isCompleted, inquiry.replies], [false, false, []]);

  const one = await t.call("GET", `${API}/inquiry/${posted.inquiryNumber}`);
  assert.deepEqual(one.body, { result: inquiry });
  assert.deepEqual((await t.call("GET", `${API}/inquiries/count${TODAY}`)).body, { result: { count: 1 } });
  assert.equal(
    (await t.call("GET", `${API}/inquiries/count${TODAY}&noMerchantReply=true`)).body.result.count,
    1,
  );
});

test("the window looks at lastUpdateDate, to the second, both ends included", async () => {
  const old = await t.postInquiry();
  t.clock.advance(10 * MINUTE);
  const at = (minutes: number) => {
    const d = new Date(Date.parse("2025-06-10T10:00:00+09:00") + minutes * MINUTE + 9 * 3_600_000);
    return d.toISOString().slice(0, 19);
  };
  const numbers = async (from: string, to: string) =>
    (await t.call("GET", `${API}/inquiries${window(from, to)}`)).body.list.map(
      (i: { inquiryNumber: string }) => i.inquiryNumber,
    );
  assert.deepEqual(await numbers(at(0), at(0)), [old.inquiryNumber], "one second wide, inclusive");
  assert.deepEqual(await numbers(at(5), at(10)), []);
  // A buyer writes again on the old thread: it moves into the later window.
  await t.control("POST", `/_sandbox/inquiries/${old.inquiryNumber}/messages`, { message: "まだですか" });
  assert.deepEqual(await numbers(at(5), at(10)), [old.inquiryNumber]);
  assert.deepEqual(await numbers(at(0), at(5)), []);
});

test("window refusals: format (an offset too), missing, reversed and over 31 days name their parameter", async () => {
  const cases: [string, Record<string, string>][] = [
    [
      window("2025-06-01T00:00:00+0900", "2025-06-02T00:00:00"),
      { fromDate: 'must match "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$"' },
    ],
    ["?fromDate=2025-06-01T00:00:00", { toDate: "must not be null" }],
    [
      window("2025-06-02T00:00:00", "2025-06-01T00:00:00"),
      { fromDate: "date time range is invalid.", toDate: "date time range is invalid." },
    ],
    [
      window("2025-06-01T00:00:00", "2025-07-02T00:00:01"),
      {
        fromDate: "date time range should be within 31 days.",
        toDate: "date time range should be within 31 days.",
      },
    ],
  ];
  for (const [query, targets] of cases) {
    for (const path of ["inquiries", "inquiries/count"]) {
      const refused = await t.call("GET", `${API}/${path}${query}`);
      assert.equal(refused.status, 400, `${path}${query}`);
      assert.deepEqual(refused.body, { error: { code: "IE001", message: "bad parameter", targets } });
    }
  }
  const exactly31 = await t.call(
    "GET",
    `${API}/inquiries${window("2025-06-01T00:00:00", "2025-07-02T00:00:00")}`,
  );
  assert.equal(exactly31.status, 200);
});

test("paging: newest first, 10 a page by default, limit ≤ 100, page ≤ 10000, limit × page ≤ 10000", async () => {
  const posted = [];
  for (let i = 0; i < 25; i++) {
    posted.push((await t.postInquiry({ message: `問い合わせ ${i}` })).inquiryNumber);
    t.clock.advance(1000);
  }
  const page = async (extra: string) => (await t.call("GET", `${API}/inquiries${TODAY}${extra}`)).body;
  const first = await page("");
  assert.deepEqual([first.totalCount, first.totalPageCount, first.page, first.list.length], [25, 3, 1, 10]);
  const seen = [];
  for (let p = 1; p <= 3; p++)
    seen.push(...(await page(`&page=${p}`)).list.map((i: { inquiryNumber: string }) => i.inquiryNumber));
  assert.deepEqual(seen, posted.toReversed());
  assert.deepEqual((await page("&limit=100")).list.length, 25);
  assert.deepEqual((await page("&page=4")).list, []);

  const refusals: [string, unknown][] = [
    [
      "&limit=101",
      { code: "IE001", message: "bad parameter", targets: { limit: "should be less than equal 100" } },
    ],
    [
      "&limit=0",
      { code: "IE001", message: "bad parameter", targets: { limit: "should be greater than equal 1" } },
    ],
    ["&page=x", { code: "IE001", message: "bad parameter", targets: { page: "must be a number" } }],
    [
      "&page=10001",
      { code: "IE001", message: "bad parameter", targets: { page: "should be less than equal 10000" } },
    ],
    ["&limit=100&page=101", { code: "IE000", message: "400 Bad Request" }],
    [
      "&noMerchantReply=yes",
      { code: "IE001", message: "bad parameter", targets: { noMerchantReply: "must be true or false" } },
    ],
  ];
  for (const [extra, error] of refusals) {
    const refused = await t.call("GET", `${API}/inquiries${TODAY}${extra}`);
    assert.deepEqual([refused.status, refused.body], [400, { error }], extra);
  }
});

test("another shop's thread is as unknown as a made-up one; the gateway's 401, 404 and 415 apply", async () => {
  const other = (await t.control("POST", "/_sandbox/shops", { shopId: "400001" })).body;
  const theirs = (await t.control("POST", "/_sandbox/shops/400001/inquiries", { message: "在庫ありますか" }))
    .body;
  const got = await t.call("GET", `${API}/inquiry/${theirs.inquiryNumber}`);
  assert.deepEqual([got.status, got.body], [404, { error: { code: "IE004", message: "not found" } }]);
  assert.equal(
    (await t.call("GET", `${API}/inquiry/${theirs.inquiryNumber}`, undefined, { shop: other })).status,
    200,
  );
  assert.equal((await t.call("GET", `${API}/inquiries${TODAY}`)).body.totalCount, 0);

  const noAuth = await fetch(`${t.sandbox.url}${API}/inquiries${TODAY}`);
  assert.deepEqual(
    [noAuth.status, await noAuth.json()],
    [401, { Results: { errorCode: "ES01-01", message: "Un-Authorised" } }],
  );
  assert.equal((await t.call("GET", `${API}/nothing`)).body.Results.errorCode, "ES02-01");
  assert.equal((await t.call("POST", `${API}/inquiries`, {})).status, 405);
  const form = await fetch(`${t.sandbox.url}${API}/inquiries/read`, {
    method: "PATCH",
    headers: {
      Authorization: `ESA ${Buffer.from(`${t.shop.serviceSecret}:${t.shop.licenseKey}`).toString("base64")}`,
      "Content-Type": "application/json",
    },
    body: "{}",
  });
  assert.equal(form.status, 415);
});

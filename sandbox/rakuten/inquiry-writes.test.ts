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
const TODAY = "?fromDate=2025-06-01T00:00:00&toDate=2025-06-30T23:59:59";

/** 問い合わせ管理API writes (reply, 既読/完了/未完了), faults on its paths, and the buyer's control API. */

test("a shop reply is appended (201), moves lastUpdateDate and clears noMerchantReply; bad replies are refused", async () => {
  const asked = await t.postInquiry();
  t.clock.advance(MINUTE);
  const body = { inquiryNumber: asked.inquiryNumber, shopId: t.shop.shopId, message: "承知しました。" };
  const sent = await t.call("POST", `${API}/inquiry/reply`, body);
  assert.equal(sent.status, 201, sent.text);
  assert.deepEqual(sent.body, {
    result: {
      inquiryNumber: asked.inquiryNumber,
      message: "承知しました。",
      regDate: "2025-06-10T10:01:00+09:00",
      replyFrom: "merchant",
      isRead: false,
      attachments: [],
    },
  });
  const thread = (await t.control("GET", `/_sandbox/inquiries/${asked.inquiryNumber}`)).body;
  assert.equal(thread.lastUpdateDate, "2025-06-10T10:01:00+09:00");
  assert.deepEqual(
    thread.replies.map((r: { id: number; replyFrom: string }) => [r.id, r.replyFrom]),
    [[0, "merchant"]],
  );
  assert.equal(
    (await t.call("GET", `${API}/inquiries/count${TODAY}&noMerchantReply=true`)).body.result.count,
    0,
  );

  const refusals: [Record<string, unknown>, Record<string, string>][] = [
    [{ message: "" }, { message: "size must be between 1 and 2000" }],
    [{ message: "あ".repeat(2001) }, { message: "size must be between 1 and 2000" }],
    [{ message: `${"あ".repeat(301)}\n短い行` }, { message: "each line must be at most 300 characters" }],
    [
      { message: "詳しくは http://example.com へ" },
      { message: "a link must be https on a Rakuten domain: http://example.com" },
    ],
    [{ shopId: "999999" }, { shopId: "does not match the shop of the credentials" }],
    [{ inquiryNumber: "bad number!" }, { inquiryNumber: 'must match "^[0-9a-zA-Z-]{1,40}$"' }],
  ];
  for (const [change, targets] of refusals) {
    const refused = await t.call("POST", `${API}/inquiry/reply`, { ...body, ...change });
    assert.deepEqual(
      [refused.status, refused.body.error.targets],
      [400, targets],
      JSON.stringify(change).slice(0, 60),
    );
  }
  const linked = await t.call("POST", `${API}/inquiry/reply`, {
    ...body,
    message: "https://faq.rakuten.net/x をご覧ください",
  });
  assert.equal(linked.status, 201);
  const unknown = await t.call("POST", `${API}/inquiry/reply`, {
    ...body,
    inquiryNumber: "365811-20250610-999t",
  });
  assert.deepEqual([unknown.status, unknown.body], [404, { error: { code: "IE004", message: "not found" } }]);
  assert.equal((await t.control("GET", `/_sandbox/inquiries/${asked.inquiryNumber}`)).body.replies.length, 2);
});

test("read, complete and incomplete (PATCH) answer each number; each change moves lastUpdateDate", async () => {
  const a = (await t.postInquiry()).inquiryNumber;
  const b = (await t.postInquiry()).inquiryNumber;
  await t.control("POST", `/_sandbox/inquiries/${a}/messages`, { message: "追記です" });
  t.clock.advance(MINUTE);
  const read = await t.call("PATCH", `${API}/inquiries/read`, {
    inquiryNumbers: [a, "365811-20250610-999t"],
  });
  assert.deepEqual(read.body, {
    result: { ok: [a], error: [{ inquiryNumber: "365811-20250610-999t", errorMessage: "not found." }] },
  });
  const thread = (await t.control("GET", `/_sandbox/inquiries/${a}`)).body;
  assert.deepEqual([thread.readByMerchant, thread.replies[0].isRead], [true, true]);
  assert.equal(thread.lastUpdateDate, "2025-06-10T10:01:00+09:00");
  const again = await t.call("PATCH", `${API}/inquiries/read`, { inquiryNumbers: [a] });
  assert.deepEqual(again.body.result.error, [
    { inquiryNumber: a, errorMessage: "already set value as specified" },
  ]);

  t.clock.advance(MINUTE);
  assert.deepEqual(
    (await t.call("PATCH", `${API}/inquiries/complete`, { inquiryNumbers: [a, b] })).body.result.ok,
    [a, b],
  );
  const done = (await t.control("GET", `/_sandbox/inquiries/${b}`)).body;
  assert.deepEqual(
    [done.isCompleted, done.completedDate, done.lastUpdateDate],
    [true, "2025-06-10T10:02:00+09:00", "2025-06-10T10:02:00+09:00"],
  );
  assert.deepEqual(
    (await t.call("PATCH", `${API}/inquiries/incomplete`, { inquiryNumbers: [b] })).body.result.ok,
    [b],
  );
  const reopened = (await t.control("GET", `/_sandbox/inquiries/${b}`)).body;
  assert.deepEqual([reopened.isCompleted, reopened.completedDate], [false, null]);

  const tooMany = await t.call("PATCH", `${API}/inquiries/read`, { inquiryNumbers: Array(21).fill(a) });
  assert.deepEqual(tooMany.body.error.targets, { inquiryNumbers: "size must be between 1 and 20" });
  const blank = await t.call("PATCH", `${API}/inquiries/read`, { inquiryNumbers: ["", a] });
  assert.deepEqual(blank.body.error.targets, { "inquiryNumbers[]": "must not be blank" });
  assert.equal((await t.call("POST", `${API}/inquiries/read`, { inquiryNumbers: [a] })).status, 405);
});

test("faults hit the inquiry paths: 503, malformed JSON, a timeout, and a reply done whose answer was lost", async () => {
  const asked = await t.postInquiry();
  await t.control("POST", "/_sandbox/faults", { path: `${API}/inquiries`, kind: "status503" });
  const down = await t.call("GET", `${API}/inquiries${TODAY}`);
  assert.deepEqual([down.status, down.body.Results.errorCode], [503, "ES99-02"]);
  assert.equal((await t.call("GET", `${API}/inquiries${TODAY}`)).status, 200, "used up after one call");

  await t.control("POST", "/_sandbox/faults", { path: `${API}/inquiry/`, kind: "malformed_json" });
  const broken = await t.call("GET", `${API}/inquiry/${asked.inquiryNumber}`);
  assert.deepEqual([broken.status, broken.body], [200, undefined]);

  await t.control("POST", "/_sandbox/faults", { path: API, kind: "timeout" });
  await assert.rejects(
    fetch(`${t.sandbox.url}${API}/inquiries/count${TODAY}`, { signal: AbortSignal.timeout(200) }),
    { name: "TimeoutError" },
  );

  await t.control("POST", "/_sandbox/faults", {
    path: `${API}/inquiry/reply`,
    kind: "status500",
    processed: true,
  });
  const lost = await t.call("POST", `${API}/inquiry/reply`, {
    inquiryNumber: asked.inquiryNumber,
    shopId: t.shop.shopId,
    message: "はい",
  });
  assert.equal(lost.status, 500);
  assert.equal(
    (await t.control("GET", `/_sandbox/inquiries/${asked.inquiryNumber}`)).body.replies.length,
    1,
    "the mall did the work",
  );
  const calls = (await t.control("GET", `/_sandbox/calls?path=${API}/inquiry/reply`)).body.items;
  assert.deepEqual(
    [calls.at(-1).fault, calls.at(-1).status, calls.at(-1).shopId],
    ["status500", 500, t.shop.shopId],
  );
});

test("control API: a buyer's follow-up unreads the thread; inputs are checked field by field", async () => {
  const asked = await t.postInquiry({
    itemNumber: "tshirt-01",
    itemName: "Tシャツ",
    category: "再入荷・在庫",
  });
  assert.deepEqual(
    [asked.type, asked.category, asked.itemUrl],
    ["商品問い合わせ", "再入荷・在庫", "/365811/tshirt-01/"],
  );
  await t.call("PATCH", `${API}/inquiries/read`, { inquiryNumbers: [asked.inquiryNumber] });
  t.clock.advance(MINUTE);
  const followed = await t.control("POST", `/_sandbox/inquiries/${asked.inquiryNumber}/messages`, {
    message: "いつ入荷しますか",
  });
  assert.equal(followed.status, 201);
  assert.deepEqual(
    [followed.body.readByMerchant, followed.body.replies[0].replyFrom, followed.body.lastUpdateDate],
    [false, "user", "2025-06-10T10:01:00+09:00"],
  );
  const store = await t.postInquiry({ message: "営業時間は？" });
  assert.deepEqual([store.type, store.category, store.orderNumber], ["店舗問い合わせ", "商品詳細", null]);

  const refusals: [Record<string, unknown>, string][] = [
    [{ message: "" }, "message"],
    [{ cancelRequest: true, category: "その他" }, "category"],
    [{ category: "返品交換・キャンセル" }, "category"],
    [{ color: "red" }, "color"],
  ];
  for (const [input, field] of refusals) {
    const refused = await t.control("POST", `/_sandbox/shops/${t.shop.shopId}/inquiries`, {
      message: "x",
      ...input,
    });
    assert.equal(refused.status, 400, JSON.stringify(input));
    assert.equal(refused.body.fields[0].field, field);
  }
  await t.control("POST", "/_sandbox/shops", { shopId: "400002" });
  const foreign = await t.placeOrder({});
  const wrongShop = await t.control("POST", "/_sandbox/shops/400002/inquiries", {
    message: "x",
    orderNumber: foreign.orderNumber,
  });
  assert.deepEqual(
    [wrongShop.status, wrongShop.body.fields],
    [400, [{ field: "orderNumber", message: "another shop's order" }]],
  );
  assert.equal((await t.control("GET", "/_sandbox/inquiries/nope-1t")).status, 404);
  assert.equal(
    (await t.control("POST", "/_sandbox/inquiries/nope-1t/messages", { message: "x" })).status,
    404,
  );
});

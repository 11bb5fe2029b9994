import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eq } from "drizzle-orm";
import { inquiryImports, orders } from "#server/db/schema.ts";
import type { TestApp } from "#test/app.ts";
import { inquiryWorld, minutes } from "#test/inquiries.ts";
import type { SandboxControl } from "#test/rakuten.ts";
import { type RslControl, startWarehouseTestApp } from "#test/rsl.ts";
import { cancelOrder } from "../orders/cancel-order.ts";
import { runInquiryImport } from "./import-inquiries.ts";
import { INQUIRY_ACTOR } from "./save-inquiry-page.ts";

// Failures injected for real at the RMS sandbox (faults, the mall's own refusals) and at RSL.

let app: TestApp;
let mall: SandboxControl;
let warehouse: RslControl;
let close: () => Promise<void>;
let w: ReturnType<typeof inquiryWorld>;

before(async () => {
  ({ app, mall, warehouse, close } = await startWarehouseTestApp());
  w = inquiryWorld(app, mall, warehouse);
});
after(() => close());

const INQUIRY_API = "/es/1.0/inquirymng-api/";
const cursorOf = async (shopId: string) =>
  (await app.ctx.db.select().from(inquiryImports).where(eq(inquiryImports.shopId, shopId)))[0];

test("the inquiry API down (503): the poll fails, the cursor stays, the next poll finds the request and acts on it", async () => {
  const shop = await w.linkedShop();
  await w.poll(shop.shopId);
  const before = (await cursorOf(shop.shopId))?.cursor;
  const { orderId, mallOrderNumber } = await w.orderAwaitingShipment(shop);
  const asked = await w.buyerAsks(shop.mallShopId, {
    orderNumber: mallOrderNumber,
    message: "キャンセルしたいです",
    cancelRequest: true,
  });
  await mall.fault({ path: INQUIRY_API, kind: "status503", times: 20 });
  const failed = await w.poll(shop.shopId);
  assert.equal(failed?.status, "failed");
  const kept = await cursorOf(shop.shopId);
  assert.equal(kept?.cursor, before, "the cursor did not move");
  assert.match(kept?.lastError ?? "", /./);
  assert.equal((await w.detail(orderId)).status, "awaiting_shipment");
  await mall.clearFaults();

  const again = await w.poll(shop.shopId, minutes(30));
  assert.equal(again?.status, "succeeded");
  assert.equal((await w.detail(orderId)).status, "cancelled", "nothing lost");
  assert.equal(w.shopReplies(await w.thread(asked.inquiryNumber)).length, 1);
  assert.equal((await cursorOf(shop.shopId))?.lastError, null);
});

test("the same thread in two overlapping windows, and again after the buyer writes more: acted on once, answered once", async () => {
  const shop = await w.linkedShop();
  const { orderId, mallOrderNumber } = await w.orderAwaitingShipment(shop);
  const asked = await w.buyerAsks(shop.mallShopId, {
    orderNumber: mallOrderNumber,
    message: "キャンセルしたいです",
    cancelRequest: true,
  });
  assert.equal((await w.poll(shop.shopId, minutes(1)))?.decided, 1);
  // Our reply and read flag moved its lastUpdateDate: the next windows list it again.
  const second = await w.poll(shop.shopId, minutes(1));
  assert.ok((second?.saved ?? 0) >= 1, "seen again in the next window");
  assert.equal(second?.decided, 0);
  await mall.followUp(asked.inquiryNumber, "よろしくお願いします");
  const third = await w.poll(shop.shopId, minutes(1));
  assert.ok((third?.saved ?? 0) >= 1);
  assert.equal(third?.decided, 0);
  const order = await w.detail(orderId);
  const actions = order.events.filter((e: { type: string }) => e.type === "inquiry_cancel_action");
  assert.equal(actions.length, 1, "one action");
  assert.equal(w.shopReplies(await w.thread(asked.inquiryNumber)).length, 1, "one reply");
  const inquiry = await w.inquiryOf(shop.shopId, asked.inquiryNumber);
  assert.equal(inquiry.replies.length, 2, "the buyer's follow-up and our reply are on the thread");
  assert.equal(inquiry.read, false, "the buyer's follow-up is unread");
});

test("the reply's answer lost (503 after the mall posted it): the retry finds it on the thread and does not post it again", async () => {
  const shop = await w.linkedShop();
  const { mallOrderNumber } = await w.orderAwaitingShipment(shop);
  const asked = await w.buyerAsks(shop.mallShopId, {
    orderNumber: mallOrderNumber,
    message: "キャンセルしたいです",
    cancelRequest: true,
  });
  app.clock.advance(minutes(3));
  await runInquiryImport(app.ctx, shop.shopId);
  await app.runDueJobs("inquiry-act");
  await mall.fault({ path: `${INQUIRY_API}inquiry/reply`, kind: "status503", processed: true });
  await assert.rejects(app.runDueJobs("inquiry-reply"), "the job fails for a retry");
  assert.equal(w.shopReplies(await w.thread(asked.inquiryNumber)).length, 1, "the mall has it");
  app.clock.advance(minutes(5));
  await app.runDueJobs("inquiry-reply");
  const thread = await w.thread(asked.inquiryNumber);
  assert.equal(w.shopReplies(thread).length, 1, "not posted twice");
  assert.equal(thread.readByMerchant, true);
  assert.equal((await w.inquiryOf(shop.shopId, asked.inquiryNumber)).replyState, "sent");
});

test("the action job run again after its cancel committed (a crash before it recorded it): cancelled, recorded once, one reply", async () => {
  const shop = await w.linkedShop();
  const { orderId, mallOrderNumber } = await w.orderAwaitingShipment(shop);
  const asked = await w.buyerAsks(shop.mallShopId, {
    orderNumber: mallOrderNumber,
    message: "キャンセルしたいです",
    cancelRequest: true,
  });
  app.clock.advance(minutes(3));
  await runInquiryImport(app.ctx, shop.shopId);
  // What the first run did before it died: the cancel, committed alone.
  const [owner] = await app.ctx.db
    .select({ accountId: orders.accountId })
    .from(orders)
    .where(eq(orders.id, orderId));
  assert.ok(owner);
  await cancelOrder(app.ctx, INQUIRY_ACTOR, owner.accountId, orderId, { reason: "お客様都合" });
  await app.runDueJobs("inquiry-act");
  await app.runDueJobs("inquiry-reply");
  const inquiry = await w.inquiryOf(shop.shopId, asked.inquiryNumber);
  assert.equal(inquiry.action, "cancelled");
  assert.equal(inquiry.replyState, "sent");
  assert.match(w.shopReplies(await w.thread(asked.inquiryNumber))[0].message, /出荷を停止いたしました/);
  assert.equal(w.shopReplies(await w.thread(asked.inquiryNumber)).length, 1);
});

test("the reply refused by the mall (a line over 300 characters): failed with the mall's words, shown on the inquiry and the order", async () => {
  const shop = await w.linkedShop({ replyTemplate: `{{購入者名}} 様 ${"あ".repeat(320)}` });
  const { orderId, mallOrderNumber } = await w.orderAwaitingShipment(shop);
  const asked = await w.buyerAsks(shop.mallShopId, {
    orderNumber: mallOrderNumber,
    message: "キャンセルしたいです",
    cancelRequest: true,
  });
  await w.poll(shop.shopId);
  assert.equal((await w.detail(orderId)).status, "cancelled", "the action stands");
  const inquiry = await w.inquiryOf(shop.shopId, asked.inquiryNumber);
  assert.equal(inquiry.replyState, "failed");
  assert.ok(inquiry.replyError, "the mall's words");
  assert.equal(w.shopReplies(await w.thread(asked.inquiryNumber)).length, 0);
  const order = await w.detail(orderId);
  assert.ok(order.events.some((e: { type: string }) => e.type === "inquiry_reply_failed"));
});

test("a person's reply and 対応完了 over HTTP reach the mall; a refused reply is 422 with the mall's words", async () => {
  const shop = await w.linkedShop();
  const asked = await w.buyerAsks(shop.mallShopId, { message: "営業日を教えてください" });
  await w.poll(shop.shopId);
  const { id } = await w.inquiryOf(shop.shopId, asked.inquiryNumber);
  const sent = await app.api("POST", `/api/inquiries/${id}/reply`, { message: "平日に営業しております。" });
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  assert.equal(sent.body.replyState, "sent");
  assert.equal(sent.body.read, true);
  const thread = await w.thread(asked.inquiryNumber);
  assert.deepEqual(
    w.shopReplies(thread).map((r: { message: string }) => r.message),
    ["平日に営業しております。"],
  );
  assert.equal(thread.readByMerchant, true);

  // The read flag refused after the reply went out: still a success, so nobody sends it twice.
  await mall.fault({ path: `${INQUIRY_API}inquiries/read`, kind: "status503", times: 10 });
  const unread = await app.api("POST", `/api/inquiries/${id}/reply`, { message: "ご確認ください。" });
  await mall.clearFaults();
  assert.equal(unread.status, 200, JSON.stringify(unread.body));
  assert.equal(w.shopReplies(await w.thread(asked.inquiryNumber)).length, 2);

  const refused = await app.api("POST", `/api/inquiries/${id}/reply`, { message: "い".repeat(301) });
  assert.equal(refused.status, 422);
  assert.equal(refused.body.code, "inquiry.mall_refused");
  assert.match(refused.body.detail, /モールが返信を受け付けませんでした/);
  assert.equal((await app.api("GET", `/api/inquiries/${id}`)).body.replyState, "failed");

  const empty = await app.api("POST", `/api/inquiries/${id}/reply`, { message: " " });
  assert.equal(empty.status, 422);
  assert.equal(empty.body.errors[0].path, "message");

  const done = await app.api("POST", `/api/inquiries/${id}/complete`, { completed: true });
  assert.equal(done.status, 200);
  assert.equal(done.body.completed, true);
  assert.equal((await w.thread(asked.inquiryNumber)).isCompleted, true);
  const handled = await app.api("GET", `/api/inquiries?shopId=${shop.shopId}&state=handled`);
  assert.deepEqual(
    handled.body.items.map((i: { id: string }) => i.id),
    [id],
  );
  const open = await app.api("GET", `/api/inquiries?shopId=${shop.shopId}&state=open`);
  assert.equal(open.body.items.length, 0);
});

test("another account's inquiries are 404 and never listed; bad filters are 422", async () => {
  const shop = await w.linkedShop();
  const asked = await w.buyerAsks(shop.mallShopId, { message: "質問です" });
  await w.poll(shop.shopId);
  const { id } = await w.inquiryOf(shop.shopId, asked.inquiryNumber);
  const other = await app.newAccount();
  for (const [method, path, body] of [
    ["GET", `/api/inquiries/${id}`, undefined],
    ["POST", `/api/inquiries/${id}/reply`, { message: "x" }],
    ["POST", `/api/inquiries/${id}/complete`, { completed: true }],
    ["POST", `/api/shops/${shop.shopId}/inquiry-import`, undefined],
  ] as const) {
    const res = await app.api(method, path, body, other.apiToken);
    assert.equal(res.status, 404, `${method} ${path}`);
    assert.match(res.body.code, /^(inquiry|shop)\.not_found$/);
  }
  assert.deepEqual((await app.api("GET", "/api/inquiries", undefined, other.apiToken)).body.items, []);
  assert.equal(w.shopReplies(await w.thread(asked.inquiryNumber)).length, 0, "nothing was sent");
  const bad = await app.api("GET", "/api/inquiries?state=closed");
  assert.equal(bad.status, 422);
  assert.equal(bad.body.errors[0].path, "state");
  const cursor = await app.api("GET", "/api/inquiries?cursor=nope");
  assert.equal(cursor.status, 422);
  assert.equal(cursor.body.errors[0].path, "cursor");
});

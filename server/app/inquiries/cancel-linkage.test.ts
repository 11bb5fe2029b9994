import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import type { TestApp } from "#test/app.ts";
import { inquiryWorld, minutes } from "#test/inquiries.ts";
import type { SandboxControl } from "#test/rakuten.ts";
import { type RslControl, startWarehouseTestApp } from "#test/rsl.ts";
import { startSmtpServer } from "#test/smtp.ts";
import { dispatchMailTriggers } from "../mail/dispatch-mails.ts";
import { enqueueDueInquiryImports, runInquiryImport } from "./import-inquiries.ts";

// The seed's rules (boss-rmesse-cancel-linkage-mail, SPEC.md §7) over real HTTP: the RMS sandbox's
// 問い合わせ管理API and the RSL sandbox, on the app's database, the cancel mail to a real SMTP server.

let app: TestApp;
let mall: SandboxControl;
let warehouse: RslControl;
let close: () => Promise<void>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let w: ReturnType<typeof inquiryWorld>;

before(async () => {
  ({ app, mall, warehouse, close } = await startWarehouseTestApp());
  smtp = await startSmtpServer();
  const saved = await app.api("PUT", "/api/mail-transport", {
    ...smtp.settings,
    fromAddress: "shop@example.jp",
    fromName: "楽天テスト店",
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  w = inquiryWorld(app, mall, warehouse);
});
after(async () => {
  await close();
  await smtp.close();
});
beforeEach(() => {
  smtp.received.length = 0;
});

async function deliverMails() {
  while ((await dispatchMailTriggers(app.ctx)) > 0);
  await app.runDueJobs("send-mail");
}

test("cancel request on an order in 出荷待ち (在庫引当済): cancelled with お客様都合, stock back, the mall told, キャンセル mail sent, one reply, read", async () => {
  const shop = await w.linkedShop();
  const { orderId, mallOrderNumber } = await w.orderAwaitingShipment(shop);
  const asked = await w.buyerAsks(shop.mallShopId, {
    orderNumber: mallOrderNumber,
    message: "申し訳ありません、注文をキャンセルしたいです。",
    cancelRequest: true,
  });
  const summary = await w.poll(shop.shopId);
  assert.equal(summary?.status, "succeeded");

  const order = await w.detail(orderId);
  assert.equal(order.status, "cancelled");
  assert.ok(
    order.events.some((e: { message: string }) => e.message.includes("お客様都合")),
    "reason お客様都合",
  );
  assert.equal(order.shipments[0].status, "cancelled");
  const stock = (await app.api("GET", `/api/products/${shop.productId}`)).body.stock as {
    allocated: number;
  }[];
  assert.equal(
    stock.reduce((n, s) => n + s.allocated, 0),
    0,
    "the allocation went back",
  );
  assert.equal(await app.runDueJobs("mall-cancel-order"), 1, "reflected to the mall (sync on)");
  assert.match((await mall.view(mallOrderNumber)).orderProgress.toString(), /^(800|900)$/);

  await deliverMails();
  assert.equal(smtp.received.length, 1, "the shop's キャンセル mail category fired");
  assert.match(smtp.received[0]?.subject ?? "", /キャンセル/);

  const thread = await w.thread(asked.inquiryNumber);
  const replies = w.shopReplies(thread);
  assert.equal(replies.length, 1, "one automatic reply");
  assert.match(replies[0].message, /出荷を停止いたしました/);
  assert.doesNotMatch(replies[0].message, /キャンセル(いた)?しました/, "a cancel is never promised");
  assert.equal(thread.readByMerchant, true);

  const inquiry = await w.inquiryOf(shop.shopId, asked.inquiryNumber);
  assert.equal(inquiry.orderId, orderId);
  assert.equal(inquiry.cancelRequested, true);
  assert.equal(inquiry.action, "cancelled");
  assert.equal(inquiry.replyState, "sent");
  assert.equal(inquiry.read, true);
  const types = inquiry.timeline.map((e: { type: string }) => e.type);
  for (const t of ["inquiry_cancel_requested", "inquiry_cancel_action", "inquiry_replied"])
    assert.ok(types.includes(t), t);
  assert.deepEqual(
    [...new Set(inquiry.timeline.map((e: { actedBy: { label: string } }) => e.actedBy.label))],
    ["システム"],
    "the linkage acted by itself",
  );
});

test("automatic cancel off: the order is held (キャンセル希望) before the warehouse, not cancelled; the reply says stopped", async () => {
  const shop = await w.linkedShop({ autoCancel: false });
  const { orderId, mallOrderNumber } = await w.orderAwaitingShipment(shop);
  const asked = await w.buyerAsks(shop.mallShopId, {
    orderNumber: mallOrderNumber,
    message: "注文を取り消してください",
  });
  await w.poll(shop.shopId);
  const order = await w.detail(orderId);
  assert.equal(order.status, "awaiting_confirmation", "a holding tag pulls it back");
  assert.ok(w.hasTag(order, "inquiry_cancel_requested"));
  app.clock.advance(minutes(10));
  await app.runDueJobs("shipment-request");
  const held = await w.detail(orderId);
  assert.equal(held.status, "awaiting_confirmation");
  assert.equal(held.shipments[0].requestedAt ?? null, null, "never sent to the warehouse");
  assert.equal((await warehouse.requests(shop.merchantId)).items.length, 0);
  assert.equal((await w.inquiryOf(shop.shopId, asked.inquiryNumber)).action, "tagged");
  assert.match(w.shopReplies(await w.thread(asked.inquiryNumber))[0].message, /出荷を停止いたしました/);
});

test("cancel request in 出荷作業中: RSL withdraws → 出荷不可 + 出荷取下げ, not cancelled, no キャンセル mail; the reply says stopped", async () => {
  const shop = await w.linkedShop();
  const { orderId, mallOrderNumber } = await w.orderAtWarehouse(shop);
  const asked = await w.buyerAsks(shop.mallShopId, {
    orderNumber: mallOrderNumber,
    message: "キャンセルをお願いします",
    cancelRequest: true,
  });
  await w.poll(shop.shopId);
  const order = await w.detail(orderId);
  assert.equal(order.shipments[0].status, "unshippable");
  assert.ok(w.hasTag(order, "withdrawn"), "出荷取下げ");
  assert.notEqual(order.status, "cancelled", "the merchant cancels it");
  await deliverMails();
  assert.equal(smtp.received.length, 0);
  assert.equal((await w.inquiryOf(shop.shopId, asked.inquiryNumber)).action, "withdrawn");
  const replies = w.shopReplies(await w.thread(asked.inquiryNumber));
  assert.equal(replies.length, 1);
  assert.match(replies[0].message, /出荷を停止いたしました/);
});

test("withdrawal refused (RSL picking): キャンセル希望(出荷停止不可), the parcel stays 出荷中; the reply says it could not be stopped", async () => {
  const shop = await w.linkedShop();
  const { orderId, mallOrderNumber, shipment } = await w.orderAtWarehouse(shop);
  await warehouse.advance(shipment.warehouseReference, "picking");
  const asked = await w.buyerAsks(shop.mallShopId, {
    orderNumber: mallOrderNumber,
    message: "キャンセルしたい",
    cancelRequest: true,
  });
  await w.poll(shop.shopId);
  const order = await w.detail(orderId);
  assert.equal(order.shipments[0].status, "shipping");
  assert.ok(w.hasTag(order, "inquiry_cancel_not_stopped"));
  assert.notEqual(order.status, "cancelled");
  const inquiry = await w.inquiryOf(shop.shopId, asked.inquiryNumber);
  assert.equal(inquiry.action, "withdraw_refused");
  assert.ok(inquiry.actionNote);
  const replies = w.shopReplies(await w.thread(asked.inquiryNumber));
  assert.equal(replies.length, 1);
  assert.match(replies[0].message, /停止することができませんでした/);
});

test("cancel request after shipping: a tag only (キャンセル希望(出荷済)), nothing else changes; the reply says not stopped", async () => {
  const shop = await w.linkedShop();
  const { orderId, mallOrderNumber } = await w.orderAtWarehouse(shop);
  app.clock.advance(minutes(200));
  await app.api("POST", `/api/warehouses/${shop.warehouseId}/poll-results`);
  assert.equal((await w.detail(orderId)).status, "shipped");
  const asked = await w.buyerAsks(shop.mallShopId, {
    orderNumber: mallOrderNumber,
    message: "注文を取消したいです",
    cancelRequest: true,
  });
  await w.poll(shop.shopId);
  const order = await w.detail(orderId);
  assert.equal(order.status, "shipped");
  assert.ok(w.hasTag(order, "inquiry_cancel_shipped"));
  assert.equal((await w.inquiryOf(shop.shopId, asked.inquiryNumber)).action, "tagged");
  assert.match(
    w.shopReplies(await w.thread(asked.inquiryNumber))[0].message,
    /停止することができませんでした/,
  );
});

test("a question that is no cancel request, and a cancel request naming no known order: nothing acts, no reply; listed linked / unlinked", async () => {
  const shop = await w.linkedShop();
  const { orderId, mallOrderNumber } = await w.orderAwaitingShipment(shop);
  const question = await w.buyerAsks(shop.mallShopId, {
    orderNumber: mallOrderNumber,
    message: "配送日を変更できますか",
  });
  const stray = await w.buyerAsks(shop.mallShopId, { message: "先日の注文をキャンセルしたいです" });
  await w.poll(shop.shopId);
  assert.equal((await w.detail(orderId)).status, "awaiting_shipment");
  for (const n of [question.inquiryNumber, stray.inquiryNumber]) {
    assert.equal(w.shopReplies(await w.thread(n)).length, 0);
    assert.equal((await w.inquiryOf(shop.shopId, n)).action, "none");
  }
  const unlinked = await app.api("GET", `/api/inquiries?shopId=${shop.shopId}&state=unlinked`);
  assert.deepEqual(
    unlinked.body.items.map((i: { inquiryNumber: string }) => i.inquiryNumber),
    [stray.inquiryNumber],
  );
  const cancel = await app.api("GET", `/api/inquiries?shopId=${shop.shopId}&state=cancel`);
  assert.deepEqual(
    cancel.body.items.map((i: { inquiryNumber: string; cancelRequested: boolean }) => i.inquiryNumber),
    [stray.inquiryNumber],
    "the shop's phrase made it a cancel request",
  );
});

test("a return asked in 楽天's 返品交換・キャンセル category, without the shop's phrases: the order is not cancelled", async () => {
  const shop = await w.linkedShop();
  const { orderId, mallOrderNumber } = await w.orderAwaitingShipment(shop);
  const asked = await w.buyerAsks(shop.mallShopId, {
    orderNumber: mallOrderNumber,
    message: "届いた商品を返品したいです",
    cancelRequest: true,
  });
  await w.poll(shop.shopId);
  assert.equal((await w.detail(orderId)).status, "awaiting_shipment");
  const inquiry = await w.inquiryOf(shop.shopId, asked.inquiryNumber);
  assert.deepEqual([inquiry.cancelRequested, inquiry.action], [false, "none"]);
  assert.equal(w.shopReplies(await w.thread(asked.inquiryNumber)).length, 0);
});

test("the scheduler tick polls each shop's inquiries once per import interval, as a job", async () => {
  const shop = await w.linkedShop();
  const asked = await w.buyerAsks(shop.mallShopId, { message: "在庫はありますか" });
  app.clock.advance(minutes(3));
  assert.ok((await enqueueDueInquiryImports(app.ctx)) >= 1);
  assert.equal(await enqueueDueInquiryImports(app.ctx), 0, "not again before the interval");
  assert.ok((await app.runDueJobs("inquiry-import")) >= 1);
  assert.equal((await w.inquiryOf(shop.shopId, asked.inquiryNumber)).message, "在庫はありますか");
  app.clock.advance(minutes(3));
  assert.ok((await enqueueDueInquiryImports(app.ctx)) >= 1, "due again after the interval");
});

test("a buyer who asks to cancel in a follow-up on a question: acted on at the next poll, answered once", async () => {
  const shop = await w.linkedShop();
  const { orderId, mallOrderNumber } = await w.orderAwaitingShipment(shop);
  const asked = await w.buyerAsks(shop.mallShopId, {
    orderNumber: mallOrderNumber,
    message: "届く日を教えてください",
  });
  await w.poll(shop.shopId);
  assert.equal((await w.detail(orderId)).status, "awaiting_shipment");
  await mall.followUp(asked.inquiryNumber, "やはり注文を取り消してください");
  await w.poll(shop.shopId);
  assert.equal((await w.detail(orderId)).status, "cancelled");
  assert.equal(w.shopReplies(await w.thread(asked.inquiryNumber)).length, 1);
});

test("decided 'cancel', but the order reached RSL before the action ran: withdrawn instead, not cancelled", async () => {
  const shop = await w.linkedShop();
  const { orderId, mallOrderNumber } = await w.orderAwaitingShipment(shop);
  const asked = await w.buyerAsks(shop.mallShopId, {
    orderNumber: mallOrderNumber,
    message: "キャンセルしたいです",
    cancelRequest: true,
  });
  app.clock.advance(minutes(5));
  await runInquiryImport(app.ctx, shop.shopId);
  await app.runDueJobs("shipment-request");
  assert.equal((await w.detail(orderId)).status, "shipping");
  await app.runDueJobs("inquiry-act");
  await app.runDueJobs("inquiry-reply");
  const order = await w.detail(orderId);
  assert.equal(order.shipments[0].status, "unshippable");
  assert.notEqual(order.status, "cancelled");
  assert.equal((await w.inquiryOf(shop.shopId, asked.inquiryNumber)).action, "withdrawn");
  assert.match(w.shopReplies(await w.thread(asked.inquiryNumber))[0].message, /出荷を停止いたしました/);
});

import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { eq } from "drizzle-orm";
import { users } from "#server/db/schema.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { companyWithBuyer } from "#test/buyer-api.ts";
import { newProduct, stockOf } from "#test/catalog-api.ts";
import { startSmtpServer } from "#test/smtp.ts";
import { recordWarehouseResults } from "../shipping/record-warehouse-results.ts";

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let ownerEmail: string;
let seq = 0;

before(async () => {
  t = await startTestApp();
  smtp = await startSmtpServer();
  const saved = await t.api("PUT", "/api/mail-transport", {
    ...smtp.settings,
    fromAddress: "desk@example.jp",
    fromName: "テスト商店",
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const [owner] = await t.ctx.db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, t.owner.userId));
  ownerEmail = owner?.email ?? "";
});
after(async () => {
  await t.close();
  await smtp.close();
});
beforeEach(() => {
  smtp.received.length = 0;
});

/** A company with two mail destinations and a signed-in buyer, a price, and the desk taking requests. */
async function company() {
  const n = ++seq;
  assert.equal((await t.api("PUT", "/api/b2b/settings", { allowCancelRequests: true })).status, 200);
  const c = await companyWithBuyer(t, `CR${n}`);
  const destinations = [`buy${n}@example.jp`, `keiri${n}@example.jp`];
  for (const email of destinations) {
    const added = await t.api("POST", `/api/b2b/companies/${c.companyId}/mail-destinations`, {
      email,
      name: "",
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
  }
  const productId = await newProduct(t, `B2B-${n}`, 50);
  const priced = await t.api("PUT", "/api/b2b/prices", {
    items: [{ productId, companyId: c.companyId, unitPrice: 800, minQuantity: 1, lotQuantity: 1 }],
  });
  assert.equal(priced.status, 204, JSON.stringify(priced.body));
  /** 発注フォーム: five at ¥800, moved on past its (zero) grace period. */
  const order = async () => {
    const placed = await c.browser.call("POST", "/api/buyer/orders", {
      shipToId: c.shipToId,
      lines: [{ productId, quantity: 5 }],
    });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    await t.runDueJobs("grace-period-over");
    return placed.body.id as string;
  };
  /** The buyer's 「キャンセルをリクエストする」. */
  const request = (orderId: string, body: { reasonCode: string; otherReason?: string }) =>
    c.browser.call("POST", `/api/buyer/orders/${orderId}/cancel-request`, body);
  const history = async (orderId: string) =>
    (await c.browser.call("GET", "/api/buyer/orders")).body.items.find(
      (o: { id: string }) => o.id === orderId,
    );
  return {
    id: c.companyId,
    name: `株式会社CR${n}`,
    destinations,
    productId,
    order,
    request,
    history,
    browser: c.browser,
  };
}

async function deliver() {
  await t.runDueJobs("send-mail");
}

const orderOf = async (id: string) => (await t.api("GET", `/api/orders/${id}`)).body;

test("the seed: その他 with 21 characters refused; requested; refused with a reason; another approved → 取引中止, stock back", async () => {
  const c = await company();
  const first = await c.order();
  await deliver();
  const received = smtp.received.filter((m) => m.subject === "【受注管理 Juchu】ご注文を受け付けました");
  assert.equal(received.length, 1, "the order-received mail, once");
  assert.deepEqual(received[0]?.to.split(", ").sort(), [...c.destinations].sort(), "to every destination");
  smtp.received.length = 0;

  const tooLong = await c.request(first, { reasonCode: "other", otherReason: "あ".repeat(21) });
  assert.equal(tooLong.status, 422);
  assert.equal(tooLong.body?.code, "b2b_cancel.reason_too_long");
  assert.equal(tooLong.body?.errors?.[0]?.path, "otherReason");
  const asked = await c.request(first, { reasonCode: "other", otherReason: "発注数を誤りました" });
  assert.equal(asked.status, 200, JSON.stringify(asked.body));
  assert.equal(asked.body.cancelRequest.label, "キャンセルリクエスト中");
  assert.equal(asked.body.canRequestCancel, false);
  assert.equal((await c.history(first)).cancelRequest.label, "キャンセルリクエスト中");
  const flagged = (await t.api("GET", "/api/orders?cancelRequested=true")).body.items.map(
    (o: { id: string; b2b: { cancelRequest: { label: string } } }) => [o.id, o.b2b.cancelRequest.label],
  );
  assert.deepEqual(flagged, [[first, "発注者がキャンセルを希望しています"]], "the merchant's list flag");
  assert.equal((await orderOf(first)).status, "awaiting_shipment", "nothing is cancelled yet");
  assert.equal(
    (await c.request(first, { reasonCode: "duplicate" })).body?.code,
    "b2b_cancel.already_requested",
  );

  await deliver();
  assert.equal(smtp.received.length, 1);
  const toMerchant = smtp.received[0];
  assert.equal(toMerchant?.subject, `【受注管理 Juchu】キャンセルリクエストがありました(テスト商店 BtoB)`);
  assert.equal(toMerchant?.to, ownerEmail);
  assert.match(toMerchant?.text ?? "", new RegExp(`${c.name} 様からキャンセルリクエスト`));
  assert.match(toMerchant?.text ?? "", /キャンセル理由: 発注数を誤りました/);
  smtp.received.length = 0;

  const tooLongRefusal = await t.api("POST", `/api/orders/${first}/cancel-request/refusal`, {
    reason: "い".repeat(21),
  });
  assert.equal(tooLongRefusal.status, 422);
  assert.equal(tooLongRefusal.body.code, "b2b_cancel.reason_too_long");
  const refused = await t.api("POST", `/api/orders/${first}/cancel-request/refusal`, {
    reason: "出荷準備済みのため",
  });
  assert.equal(refused.status, 200, JSON.stringify(refused.body));
  assert.equal(refused.body.status, "awaiting_shipment", "a refusal leaves the order as it was");
  assert.equal(refused.body.b2b.cancelRequest.label, "キャンセルのリクエストを却下しました。");
  assert.equal(refused.body.b2b.cancelRequest.refusalReason, "出荷準備済みのため");
  assert.equal((await c.history(first)).cancelRequest.label, "キャンセルできませんでした");
  const seen = (await c.browser.call("GET", `/api/buyer/orders/${first}`)).body;
  assert.deepEqual(
    [seen.cancelRequest.detailLabel, seen.cancelRequest.refusalReason, seen.canRequestCancel],
    ["キャンセル却下", "出荷準備済みのため", false],
  );
  const refusedAgain = await t.api("POST", `/api/orders/${first}/cancel-request/approval`);
  assert.equal(refusedAgain.body.code, "b2b_cancel.already_decided");
  assert.equal(
    (await c.request(first, { reasonCode: "duplicate" })).body?.code,
    "b2b_cancel.already_requested",
  );
  await deliver();
  assert.equal(smtp.received.length, 1);
  assert.equal(smtp.received[0]?.subject, "【受注管理 Juchu】キャンセルできませんでした。");
  assert.deepEqual(smtp.received[0]?.to.split(", ").sort(), [...c.destinations].sort());
  assert.match(smtp.received[0]?.text ?? "", /却下の理由: 出荷準備済みのため/);
  smtp.received.length = 0;

  const second = await c.order();
  assert.deepEqual(await stockOf(t, c.productId), { onHand: 50, allocated: 10, available: 40 });
  assert.equal((await c.request(second, { reasonCode: "duplicate" })).status, 200);
  const approved = await t.api("POST", `/api/orders/${second}/cancel-request/approval`);
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  assert.equal(approved.body.status, "cancelled", "取引中止");
  const stopped = await c.history(second);
  assert.deepEqual(
    [stopped.cancelRequest.label, stopped.statusLabel],
    ["キャンセルリクエストが承認され取引停止されました", "取引中止"],
  );
  assert.deepEqual(await stockOf(t, c.productId), { onHand: 50, allocated: 5, available: 45 });
  const timeline = (await orderOf(second)).events.map(
    (e: { type: string; actor: string }) => `${e.type} ${e.actor}`,
  );
  assert.ok(
    timeline.some((e: string) => e.startsWith("b2b_cancel_requested system:buyer:")),
    timeline.join("\n"),
  );
  assert.ok(
    timeline.some((e: string) => e.startsWith("b2b_cancel_approved token:")),
    timeline.join("\n"),
  );
  await deliver();
  await deliver();
  const subjects = smtp.received.map((m) => m.subject).sort();
  assert.deepEqual(subjects, [
    "【受注管理 Juchu】ご注文を受け付けました",
    "【受注管理 Juchu】オーダーがキャンセルされました",
    "【受注管理 Juchu】キャンセルリクエストがありました(テスト商店 BtoB)",
  ]);
  const log = (await t.api("GET", `/api/mails?orderId=${second}`)).body.items as { status: string }[];
  assert.deepEqual(
    log.map((m) => m.status),
    ["sent", "sent", "sent"],
    "the log: each of the three once",
  );
  const again = await t.api("POST", `/api/orders/${second}/cancel-request/approval`);
  assert.equal(again.body.code, "b2b_cancel.already_decided");
});

test("after 出荷済 the request is refused; with the setting off too; the merchant needs a request to decide", async () => {
  const c = await company();
  const orderId = await c.order();
  const noRequest = await t.api("POST", `/api/orders/${orderId}/cancel-request/approval`);
  assert.equal(noRequest.body.code, "b2b_cancel.not_requested");
  assert.equal((await orderOf(orderId)).status, "awaiting_shipment", "no request, nothing cancelled");
  const detail = await orderOf(orderId);
  const [shipment] = detail.shipments;
  assert.equal((await t.api("POST", `/api/orders/${orderId}/shipments/${shipment.id}/request`)).status, 202);
  await t.runDueJobs("shipment-request");
  const warehouseId = (await t.api("GET", "/api/warehouses")).body.items[0].id;
  await recordWarehouseResults(t.ctx, warehouseId, [
    {
      warehouseReference: shipment.slipNumber,
      slipNumber: shipment.slipNumber,
      outcome: "shipped",
      shippedOn: "2030-01-15",
      parcels: [{ carrier: "yamato", trackingNumber: "123456789012" }],
    },
  ]);
  assert.equal((await c.history(orderId)).canRequestCancel, false, "the button is gone at 出荷済");
  const shipped = await c.request(orderId, { reasonCode: "duplicate" });
  assert.equal(shipped.status, 409);
  assert.equal(shipped.body?.code, "b2b_cancel.already_shipped");

  const other = await c.order();
  assert.equal((await c.history(other)).canRequestCancel, true);
  assert.equal((await t.api("PUT", "/api/b2b/settings", { allowCancelRequests: false })).status, 200);
  assert.equal((await c.history(other)).canRequestCancel, false, "no button while the setting is off");
  const off = await c.request(other, { reasonCode: "duplicate" });
  assert.equal(off.body?.code, "b2b_cancel.not_allowed");
  const noReason = await c.request(other, { reasonCode: "" });
  assert.equal(noReason.body?.code, "b2b_cancel.not_allowed", "the setting is checked first");
});

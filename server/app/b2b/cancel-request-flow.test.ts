import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { eq } from "drizzle-orm";
import { users } from "#server/db/schema.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { problemOf } from "#server/http/problem.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { newProduct, stockOf } from "#test/catalog-api.ts";
import { startSmtpServer } from "#test/smtp.ts";
import { recordWarehouseResults } from "../shipping/record-warehouse-results.ts";
import { createCompany } from "./companies.ts";
import { addMailDestination, addShipTo } from "./company-contacts.ts";
import { updateSettings } from "./desk.ts";
import { placeB2bOrder } from "./place-order.ts";
import { putPrices } from "./prices.ts";
import { requestB2bCancel } from "./request-cancel.ts";

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

/** A 掛け払い company with two mail destinations, one ship-to and a price, and the desk taking requests. */
async function company() {
  const accountId = t.owner.accountId;
  await updateSettings(t.ctx, accountId, { allowCancelRequests: true });
  const n = ++seq;
  const c = await createCompany(t.ctx, accountId, {
    name: `株式会社テスト商事${n}`,
    code: `C${n}`,
    rank: null,
    paymentTerms: "invoice",
    closingDay: 20,
    paymentDueDays: 30,
    notes: "",
  });
  const destinations = [`buy${n}@example.jp`, `keiri${n}@example.jp`];
  for (const email of destinations) await addMailDestination(t.ctx, accountId, c.id, { email, name: "" });
  const shipTo = await addShipTo(t.ctx, accountId, c.id, {
    label: "本社",
    name: "テスト商事 購買部",
    postalCode: "1500001",
    prefecture: "東京都",
    address1: "渋谷区神宮前1-2-3",
    phone: "03-1234-5678",
  });
  const productId = await newProduct(t, `B2B-${n}`, 50);
  await putPrices(t.ctx, accountId, [
    { productId, companyId: c.id, unitPrice: 800, minQuantity: 1, lotQuantity: 1 },
  ]);
  const order = async () => {
    const id = await placeB2bOrder(
      t.ctx,
      { kind: "user", userId: t.owner.userId },
      accountId,
      c.id,
      { via: "mail" },
      { shipToId: shipTo.id, lines: [{ productId, quantity: 5 }] },
    );
    await t.runDueJobs("grace-period-over");
    return id;
  };
  const buyer = { accountId, companyId: c.id, buyerUserId: t.ctx.newId() };
  /** The buyer's 「キャンセルをリクエストする」. */
  const request = async (orderId: string, body: { reasonCode: string; otherReason?: string }) => {
    try {
      await requestB2bCancel(t.ctx, buyer, orderId, body);
      return { status: 204, body: null };
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      return { status: problemOf(error).status, body: problemOf(error) };
    }
  };
  return { id: c.id, name: c.name, destinations, productId, order, request };
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
  assert.equal(asked.status, 204);
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
  assert.equal((await c.request(second, { reasonCode: "duplicate" })).status, 204);
  const approved = await t.api("POST", `/api/orders/${second}/cancel-request/approval`);
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  assert.equal(approved.body.status, "cancelled", "取引中止");
  assert.deepEqual(await stockOf(t, c.productId), { onHand: 50, allocated: 5, available: 45 });
  const timeline = (await orderOf(second)).events.map(
    (e: { type: string; actor: string }) => `${e.type} ${e.actor}`,
  );
  assert.ok(
    timeline.some((e: string) => e.startsWith("b2b_cancel_requested buyer:")),
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
  const shipped = await c.request(orderId, { reasonCode: "duplicate" });
  assert.equal(shipped.status, 409);
  assert.equal(shipped.body?.code, "b2b_cancel.already_shipped");

  const other = await c.order();
  await updateSettings(t.ctx, t.owner.accountId, { allowCancelRequests: false });
  const off = await c.request(other, { reasonCode: "duplicate" });
  assert.equal(off.body?.code, "b2b_cancel.not_allowed");
  const noReason = await c.request(other, { reasonCode: "" });
  assert.equal(noReason.body?.code, "b2b_cancel.not_allowed", "the setting is checked first");
});

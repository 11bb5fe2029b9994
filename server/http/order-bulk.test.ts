import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "#test/app.ts";
import { mapItem, newOrder, newProduct, orderBody } from "#test/catalog-api.ts";

let t: TestApp;
let manualShop: string;
let rakutenShop: string;

before(async () => {
  t = await startTestApp();
  manualShop = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
  rakutenShop = (await t.api("POST", "/api/shops", { channel: "rakuten", name: "楽天店" })).body.id;
});
after(() => t.close());

const unmapped = (shopId: string, number: string, extra: Record<string, unknown> = {}) =>
  newOrder(t, orderBody(shopId, number, [{ mallItemCode: "nobody-mapped-this", quantity: 1 }], extra));

test("bulk cancel reports per order: done, refused with the rule's reason, not found", async () => {
  const open = await unmapped(manualShop, "B-1");
  const inGrace = await unmapped(rakutenShop, "B-2");
  const other = await t.newAccount();
  const otherShop = await t.api("POST", "/api/shops", { channel: "manual", name: "他社" }, other.apiToken);
  const foreign = await t.api(
    "POST",
    "/api/orders",
    orderBody(otherShop.body.id, "F-1", [{ mallItemCode: "x", quantity: 1 }]),
    other.apiToken,
  );

  const res = await t.api("POST", "/api/orders/bulk", {
    action: "cancel",
    orderIds: [open.id, inGrace.id, foreign.body.id],
    reason: "在庫切れ",
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.succeeded, 1);
  assert.equal(res.body.refused, 2);
  const [done, refused, missing] = res.body.results;
  assert.deepEqual(
    { ok: done.ok, number: done.mallOrderNumber, status: done.status, label: done.statusLabel },
    { ok: true, number: "B-1", status: "cancelled", label: "キャンセル" },
  );
  assert.equal(refused.ok, false);
  assert.equal(refused.mallOrderNumber, "B-2");
  assert.equal(refused.code, "order.cancel_not_allowed");
  assert.equal(refused.rule, "in_grace_period");
  assert.match(refused.detail, /新規受付の注文はキャンセルできません/);
  assert.equal(refused.statusLabel, "新規受付");
  assert.deepEqual(
    { ok: missing.ok, number: missing.mallOrderNumber, code: missing.code },
    { ok: false, number: null, code: "order.not_found" },
  );
  const foreignAfter = await t.api("GET", `/api/orders/${foreign.body.id}`, undefined, other.apiToken);
  assert.equal(foreignAfter.body.status, "awaiting_confirmation");

  const again = await t.api("POST", "/api/orders/bulk", { action: "cancel", orderIds: [open.id] });
  assert.equal(again.body.results[0].rule, "already_cancelled");
});

test("bulk mark paid moves prepaid orders on; bulk tags attach and detach, each order on its own", async () => {
  const productId = await newProduct(t, "BULK-1", 10);
  await mapItem(t, manualShop, "bulk-item", [{ productId, quantity: 1 }]);
  const body = (n: string) =>
    orderBody(manualShop, n, [{ mallItemCode: "bulk-item", quantity: 1 }], {
      paymentMethod: "bank_transfer",
    });
  const a = await newOrder(t, body("P-1"));
  const b = await newOrder(t, body("P-2"));
  assert.deepEqual(a.waitingFor, ["入金待ち"]);

  const paid = await t.api("POST", "/api/orders/bulk", { action: "markPaid", orderIds: [a.id, b.id] });
  assert.equal(paid.body.succeeded, 2);
  assert.deepEqual(
    paid.body.results.map((r: { status: string }) => r.status),
    ["awaiting_shipment", "awaiting_shipment"],
  );
  const twice = await t.api("POST", "/api/orders/bulk", { action: "markPaid", orderIds: [a.id] });
  assert.equal(twice.body.results[0].rule, "already_paid");

  const tag = await t.api("POST", "/api/tags", { name: "ギフト包装", color: "#337ab7", hold: false });
  const attach = await t.api("POST", "/api/orders/bulk", {
    action: "attachTag",
    tagId: tag.body.id,
    orderIds: [a.id, b.id],
  });
  assert.equal(attach.body.succeeded, 2);
  const listed = await t.api("GET", `/api/orders?tag=${tag.body.id}`);
  assert.equal(listed.body.total, 2);
  const attachAgain = await t.api("POST", "/api/orders/bulk", {
    action: "attachTag",
    tagId: tag.body.id,
    orderIds: [a.id],
  });
  assert.equal(attachAgain.body.results[0].code, "order.tag_already_attached");
  const detach = await t.api("POST", "/api/orders/bulk", {
    action: "removeTag",
    tagId: tag.body.id,
    orderIds: [a.id, b.id],
  });
  assert.equal(detach.body.succeeded, 2);
  assert.equal((await t.api("GET", `/api/orders?tag=${tag.body.id}`)).body.total, 0);
});

test("bulk input is checked as a whole: tag actions need a tag, at most 100 distinct orders", async () => {
  const id = "00000000-0000-4000-8000-000000000001";
  const noTag = await t.api("POST", "/api/orders/bulk", { action: "attachTag", orderIds: [id] });
  assert.equal(noTag.status, 422);
  assert.equal(noTag.body.errors[0].path, "tagId");
  const tooMany = Array.from(
    { length: 101 },
    (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  );
  const many = await t.api("POST", "/api/orders/bulk", { action: "cancel", orderIds: tooMany });
  assert.equal(many.status, 422);
  const twice = await t.api("POST", "/api/orders/bulk", { action: "cancel", orderIds: [id, id] });
  assert.equal(twice.status, 422);
  const unknown = await t.api("POST", "/api/orders/bulk", { action: "explode", orderIds: [id] });
  assert.equal(unknown.status, 422);
  assert.equal(unknown.body.errors[0].path, "action");
});

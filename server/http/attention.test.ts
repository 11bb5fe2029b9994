import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { runShopImport } from "#server/app/channels/import-shop.ts";
import { dispatchMailTriggers } from "#server/app/mail/dispatch-mails.ts";
import { tagOverduePayments } from "#server/app/orders/payment-overdue.ts";
import type { TestApp } from "#test/app.ts";
import { newOrder, newProduct, orderBody } from "#test/catalog-api.ts";
import { type SandboxControl, startRakutenTestApp } from "#test/rakuten.ts";
import { switchSyncOn } from "#test/setup-checklist.ts";
import { startSmtpServer } from "#test/smtp.ts";

let t: TestApp;
let mall: SandboxControl;
let closeAll: () => Promise<void>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let shopId: string;
let seq = 0;

before(async () => {
  ({ app: t, mall, close: closeAll } = await startRakutenTestApp());
  smtp = await startSmtpServer();
  shopId = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
});
after(async () => {
  await closeAll();
  await smtp.close();
});

const DAY = 24 * 60 * 60 * 1000;

async function order(item: string, quantity: number, extra: Record<string, unknown> = {}) {
  return newOrder(t, orderBody(shopId, `ATT-${++seq}`, [{ mallItemCode: item, quantity }], extra));
}

async function mapped(sku: string, onHand: number) {
  const productId = await newProduct(t, sku, onHand);
  const res = await t.api("POST", "/api/product-mappings", {
    shopId,
    mallItemCode: sku,
    components: [{ productId, quantity: 1 }],
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return productId;
}

type Line = {
  name: string;
  count: number;
  tagId: string;
  group: string;
  action: string;
  orders: { id: string }[];
};

async function board(token?: string) {
  const res = await t.api("GET", "/api/attention", undefined, token);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

const line = (body: { tags: Line[] }, name: string) => body.tags.find((l) => l.name === name);

test("要対応: each state an order can be stuck in shows as a line with its count, its orders and what to do", async () => {
  const empty = await board();
  assert.deepEqual(empty.tags, [], "a new account has nothing to do");
  assert.equal(empty.failedMails.count, 0);

  // 入金確認待ち超過: an unpaid bank transfer past the shop's 7 days.
  await mapped("tea", 100);
  const unpaid = await order("tea", 1, { paymentMethod: "bank_transfer" });
  t.clock.advance(8 * DAY);
  await tagOverduePayments(t.ctx);

  const unmapped = await order("new-tea", 1);
  const badAddress = await order("tea", 1, {
    shipTo: { ...orderBody(shopId, "x", []).shipTo, postalCode: "100-0001" },
  });
  const shortId = await mapped("matcha", 1);
  const short = await order("matcha", 3, { paid: true });
  const held = await order("tea", 1, { paid: true });
  const tag = await t.api("POST", "/api/tags", { name: "電話確認", hold: true });
  assert.equal(tag.status, 201, JSON.stringify(tag.body));
  await t.api("POST", `/api/orders/${held.id}/tags`, { tagId: tag.body.id });

  // A paid order with stock goes to 出荷待ち, is requested from the own stock room, then withdrawn: 出荷取下げ.
  const shipped = await order("tea", 1, { paid: true });
  const waiting = await order("tea", 1, { paid: true });
  t.clock.advance(10 * 60_000);
  await t.runDueJobs("shipment-request");
  const detail = (await t.api("GET", `/api/orders/${shipped.id}`)).body;
  const withdraw = await t.api(
    "POST",
    `/api/orders/${shipped.id}/shipments/${detail.shipments[0].id}/withdraw`,
    {},
  );
  assert.equal(withdraw.status, 200, JSON.stringify(withdraw.body));

  const body = await board();
  const expected: [string, string, string[]][] = [
    ["未マッピング商品", "hold", [unmapped.id]],
    ["住所エラー", "address", [badAddress.id]],
    ["入金確認待ち超過", "payment", [unpaid.id]],
    ["在庫不足", "stock", [short.id]],
    ["電話確認", "hold", [held.id]],
    ["出荷取下げ", "hold", [shipped.id]],
  ];
  for (const [name, group, ids] of expected) {
    const l = line(body, name);
    assert.ok(l, `${name} is on the board: ${JSON.stringify(body.tags.map((x: Line) => x.name))}`);
    assert.equal(l.group, group, name);
    assert.deepEqual(
      l.orders.map((o) => o.id),
      ids,
      name,
    );
    assert.equal(l.count, ids.length, name);
    assert.match(l.action, /てください|待っています/, `${name} says what to do`);
    // The line's tag is the order list's filter: the same orders.
    const list = await t.api("GET", `/api/orders?tag=${l.tagId}`);
    assert.equal(list.body.total, l.count, `${name}: the list behind the link`);
  }
  const groups = ["error", "hold", "payment", "address", "stock"];
  const ranks = body.tags.map((l: Line) => groups.indexOf(l.group));
  assert.deepEqual(
    ranks,
    [...ranks].sort((a: number, b: number) => a - b),
    "errors first, then holds, …",
  );

  // The product short, by how many, and what is free now.
  assert.deepEqual(
    body.stockShort.map((s: { productId: string; short: number; available: number; shipments: number }) => [
      s.productId,
      s.short,
      s.available,
      s.shipments,
    ]),
    [[shortId, 2, 0, 1]],
  );
  // The own stock room: one shipment waits for its request, the withdrawn one is 出荷不可.
  const [room] = body.warehouses;
  assert.equal(room.name, "自社倉庫");
  assert.equal(room.awaitingRequest + room.shipping, 1, JSON.stringify(room));
  assert.equal(room.unshippable, 1);
  assert.equal(room.cutoff, null);
  assert.ok(waiting.id);

  // A cut-off time set on the warehouse shows, and says when it has passed (the clock is 10:00 Tokyo + 8 days).
  const patched = await t.api("PATCH", `/api/warehouses/${room.warehouseId}`, {
    settings: { shippingCutoff: "09:30" },
  });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  const bad = await t.api("PATCH", `/api/warehouses/${room.warehouseId}`, {
    settings: { shippingCutoff: "25:00" },
  });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.errors[0].path, "settings.shippingCutoff");
  const withCutoff = (await board()).warehouses[0];
  assert.equal(withCutoff.cutoff, "09:30");
  assert.equal(withCutoff.cutoffPassed, true);
  await t.api("PATCH", `/api/warehouses/${room.warehouseId}`, { settings: { shippingCutoff: null } });
  assert.equal((await board()).warehouses[0].cutoff, null, "an empty cut-off clears it");
});

test("取込失敗, expiring credentials and failed mails are on the board; another account sees none of it", async () => {
  // A mall shop whose last import failed, with its licence key running out in 10 days.
  const sandboxShop = await mall.createShop();
  const expires = new Date(t.clock.now().getTime() + 10 * DAY).toISOString();
  const created = await t.api("POST", "/api/shops", {
    channel: "rakuten",
    name: "楽天店",
    settings: { importEnabled: true },
    credentials: {
      serviceSecret: sandboxShop.serviceSecret,
      licenseKey: sandboxShop.licenseKey,
      licenseExpiresAt: expires,
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const mallShop = created.body.id as string;
  await switchSyncOn(t.api, mallShop, { syncStartAt: t.clock.now().toISOString() });
  await mall.fault({ path: "/es/2.0/order/searchOrder/", kind: "status500" });
  const run = await runShopImport(t.ctx, mallShop);
  assert.equal(run?.status, "failed");
  await mall.clearFaults();

  // A thanks mail the SMTP server refuses for good.
  await t.api("PUT", "/api/mail-transport", {
    ...smtp.settings,
    fromAddress: "shop@example.jp",
    fromName: "店",
  });
  const copied = await t.api("POST", "/api/mail-templates/standard/thanks/copy");
  await t.api("PUT", `/api/shops/${shopId}/mail-settings`, {
    items: [{ categoryId: copied.body.categoryId, enabled: true, templateId: copied.body.templateId }],
  });
  await mapped("mug", 10);
  smtp.failNext(1, 550);
  await order("mug", 1, { paid: true });
  while ((await dispatchMailTriggers(t.ctx)) > 0);
  await t.runDueJobs("send-mail");

  const body = await board();
  const failure = body.importFailures.find((f: { shopId: string }) => f.shopId === mallShop);
  assert.ok(failure, JSON.stringify(body.importFailures));
  assert.equal(failure.kind, "mall");
  assert.match(failure.message, /.+/);
  const [credential] = body.credentials;
  assert.equal(credential.shopId, mallShop);
  assert.equal(credential.level, "expiring");
  assert.equal(credential.daysLeft, 10);
  assert.equal(body.failedMails.count, 1);

  // A good import clears the failure: the board shows what is wrong now, not what once was.
  await runShopImport(t.ctx, mallShop);
  const after = await board();
  assert.ok(!after.importFailures.some((f: { shopId: string }) => f.shopId === mallShop));

  const other = await t.newAccount();
  const theirs = await board(other.apiToken);
  assert.deepEqual(theirs.tags, []);
  assert.deepEqual(theirs.stockShort, []);
  assert.deepEqual(theirs.importFailures, []);
  assert.deepEqual(theirs.credentials, []);
  assert.equal(theirs.failedMails.count, 0);
  assert.ok(
    theirs.warehouses.every(
      (w: { awaitingRequest: number; unshippable: number }) => w.awaitingRequest + w.unshippable === 0,
    ),
  );
});

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { TestApp } from "#test/app.ts";
import { connectRakutenShop, type SandboxControl, sku, startRakutenTestApp } from "#test/rakuten.ts";

let app: TestApp;
let mall: SandboxControl;
let close: () => Promise<void>;

before(async () => {
  ({ app, mall, close } = await startRakutenTestApp());
});
after(() => close());

const put = (shopId: string, item: string, confirmed = true) =>
  app.api("PUT", `/api/shops/${shopId}/setup-checklist/${item}`, { confirmed });
const syncOn = (shopId: string) =>
  app.api("PATCH", `/api/shops/${shopId}`, {
    settings: { syncEnabled: true, syncStartAt: app.clock.now().toISOString() },
  });
/** A Tokyo calendar date `days` ahead of the test clock, as RMS writes it in the remarks: 2026-12-17(木). */
function remarksDate(days: number): { date: string; written: string } {
  const date = new Date(app.clock.now().getTime() + 9 * 3600_000 + days * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return { date, written: `${date}(${"日月火水木金土"[new Date(`${date}T12:00:00Z`).getUTCDay()]})` };
}

test("a new shop: import, sync and 在庫戻し off, every checklist item open", async () => {
  const created = await app.api("POST", "/api/shops", { channel: "rakuten", name: "初期値の店" });
  assert.equal(created.status, 201);
  const { importEnabled, syncEnabled, returnStockOnCancel } = created.body.settings;
  assert.deepEqual(
    { importEnabled, syncEnabled, returnStockOnCancel },
    {
      importEnabled: false,
      syncEnabled: false,
      returnStockOnCancel: false,
    },
  );
  const sheet = await app.api("GET", `/api/shops/${created.body.id}/setup-checklist`);
  assert.equal(sheet.status, 200);
  assert.equal(sheet.body.complete, false);
  assert.deepEqual(
    sheet.body.items.map((i: { label: string }) => i.label),
    [
      "店舗情報",
      "カレンダー設定",
      "マスタ管理",
      "商品インポート",
      "配送条件",
      "項目選択肢・オプション金額",
      "顧客ランク設定",
      "テスト取込の確認",
      "メールの確認",
    ],
  );
  assert.ok(sheet.body.items.every((i: { confirmed: unknown }) => i.confirmed === null));
  const withSync = await app.api("POST", "/api/shops", {
    channel: "rakuten",
    name: "いきなり連動の店",
    settings: { syncEnabled: true, syncStartAt: app.clock.now().toISOString() },
  });
  assert.equal(withSync.status, 422);
  assert.equal(withSync.body.rule, "shop.setup_incomplete");
});

test("test import → checked field by field → processed → checklist confirmed → 受注連動 on", async () => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall, {
    syncEnabled: false,
    testImportMode: true,
    gracePeriodMinutes: 0,
  });

  const refused = await syncOn(shopId);
  assert.equal(refused.status, 422);
  assert.match(refused.contentType, /problem\+json/);
  assert.equal(refused.body.code, "shop.setup_incomplete");
  assert.equal(refused.body.rule, "shop.setup_incomplete");
  assert.match(refused.body.detail, /未確認: 店舗情報、カレンダー設定/);
  assert.equal(refused.body.errors.length, 9);

  const wish = remarksDate(10);
  await mall.placeOrder(mallShopId, {
    remarks: `[配送日時指定:]\n${wish.written}\n14:00-16:00`,
    packages: [{ items: [sku("mug", "blue", 1500, 2)] }],
  });
  assert.equal((await app.api("POST", `/api/shops/${shopId}/import`)).status, 200);

  const checked = await app.api("GET", `/api/shops/${shopId}/import-check`);
  assert.equal(checked.status, 200, JSON.stringify(checked.body));
  assert.equal(checked.body.total, 1);
  const [order] = checked.body.items;
  assert.equal(order.processed, false);
  const byField = Object.fromEntries(
    order.checks.map((c: { field: string; ok: boolean; value: string; why: string }) => [c.field, c]),
  );
  assert.equal(order.checks.length, 10);
  assert.equal(byField.warehouse.ok, true);
  assert.match(byField.carrier.value, /^倉庫の既定/);
  assert.deepEqual([byField.remarksWish.ok, byField.remarksWish.value], [true, `${wish.date} 14:00-16:00`]);
  assert.deepEqual([byField.desiredDelivery.ok, byField.desiredDelivery.value], [true, wish.date]);
  assert.equal(byField.payment.ok, true);
  assert.deepEqual(
    [byField.billedTotal.ok, byField.billedTotal.why],
    [true, "モールの請求金額と一致しています"],
  );
  // The stock room of a new account has no ご依頼主 yet: the check says so.
  assert.deepEqual(
    [byField.sender.ok, byField.sender.why],
    [false, "送付元住所(ご依頼主)が設定されていません"],
  );

  const early = await put(shopId, "test_import_checked");
  assert.equal(early.status, 422);
  assert.equal(early.body.code, "shop.setup_item_not_ready");
  assert.equal(early.body.rule, "test_orders_unprocessed");

  assert.deepEqual((await app.api("POST", `/api/shops/${shopId}/test-orders/process`)).body, {
    processed: 1,
  });
  const confirmed = await put(shopId, "test_import_checked");
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  const item = confirmed.body.items.find((i: { item: string }) => i.item === "test_import_checked");
  assert.deepEqual(item.facts, [
    { text: "テスト取込した注文: 1件", ok: true },
    { text: "まだ処理済みにしていない注文: 0件", ok: true },
  ]);
  assert.equal(item.confirmed.actedBy.kind, "token");
  assert.equal(item.link, `/shops/${shopId}/import-check`);

  for (const i of [
    "shop_info",
    "calendar",
    "masters",
    "product_import",
    "delivery_conditions",
    "options",
    "customer_ranks",
  ]) {
    assert.equal((await put(shopId, i)).status, 200);
  }
  const oneLeft = await syncOn(shopId);
  assert.equal(oneLeft.status, 422);
  assert.deepEqual(oneLeft.body.errors, [
    { path: "setupChecklist.mails_previewed", message: "メールの確認が未確認です" },
  ]);

  const last = await put(shopId, "mails_previewed");
  assert.equal(last.body.complete, true);
  const on = await syncOn(shopId);
  assert.equal(on.status, 200, JSON.stringify(on.body));
  assert.equal(on.body.settings.syncEnabled, true);

  // Withdrawing an item later does not stop a shop that syncs; other settings still save.
  assert.equal((await put(shopId, "masters", false)).body.complete, false);
  const saved = await app.api("PATCH", `/api/shops/${shopId}`, { settings: { gracePeriodMinutes: 5 } });
  assert.equal(saved.status, 200);
  assert.equal(saved.body.settings.syncEnabled, true);
});

test("another account's shop: its checklist and import check are not found; an unknown item is bad input", async () => {
  const { shopId } = await connectRakutenShop(app, mall, { syncEnabled: false });
  const other = await app.newAccount();
  for (const path of [`/api/shops/${shopId}/setup-checklist`, `/api/shops/${shopId}/import-check`]) {
    assert.equal((await app.api("GET", path, undefined, other.apiToken)).status, 404);
  }
  const unknown = await app.api("PUT", `/api/shops/${shopId}/setup-checklist/nothing`, { confirmed: true });
  assert.equal(unknown.status, 422);
  assert.equal(unknown.body.errors[0].path, "item");
});

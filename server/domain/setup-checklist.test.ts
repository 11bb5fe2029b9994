import assert from "node:assert/strict";
import { test } from "node:test";
import {
  confirmRefusal,
  factsOf,
  openItems,
  SETUP_ITEM_CODES,
  type SetupFacts,
  type StoredChecklist,
  syncGateRefusal,
  withConfirmation,
} from "./setup-checklist.ts";

const FACTS: SetupFacts = {
  hasCredentials: true,
  needsCredentials: true,
  warehouse: { name: "自社倉庫", calendarSaved: true },
  mappedProducts: 3,
  unknownMallValues: 0,
  optionSurcharges: 0,
  customerRanks: 2,
  testOrders: 2,
  unprocessedTestOrders: 0,
  enabledMails: 2,
};
const BY = { by: "user:u1", at: "2026-12-07T05:00:00.000Z" };
const ALL: StoredChecklist = Object.fromEntries(SETUP_ITEM_CODES.map((i) => [i, BY]));

// biome-ignore format: a table, one row per line
const confirmCases: [string, Parameters<typeof confirmRefusal>[0], Partial<SetupFacts>, string | null][] = [
  ["テスト取込の確認: every test order processed", "test_import_checked", {}, null],
  ["テスト取込の確認: one still unprocessed", "test_import_checked", { unprocessedTestOrders: 1 }, "test_orders_unprocessed"],
  ["テスト取込の確認: nothing test-imported and nothing left", "test_import_checked", { testOrders: 0 }, null],
  ["カレンダー設定 informs, never blocks", "calendar", { warehouse: { name: "自社倉庫", calendarSaved: false } }, null],
  ["商品インポート informs, never blocks", "product_import", { mappedProducts: 0 }, null],
  ["店舗情報 without credentials informs", "shop_info", { hasCredentials: false }, null],
];
for (const [name, item, facts, rule] of confirmCases) {
  test(`confirmRefusal: ${name}`, () => {
    const refusal = confirmRefusal(item, { ...FACTS, ...facts });
    assert.equal(refusal?.rule ?? null, rule);
    if (refusal) assert.equal(refusal.code, "shop.setup_item_not_ready");
  });
}

// biome-ignore format: a table, one row per line
const gateCases: [string, { syncEnabled: boolean } | null, boolean, StoredChecklist, string[] | null][] = [
  ["a new shop created with sync on and nothing confirmed", null, true, {}, [...SETUP_ITEM_CODES]],
  ["switching on with every item confirmed", { syncEnabled: false }, true, ALL, null],
  ["switching on with メールの確認 open", { syncEnabled: false }, true, withConfirmation(ALL, "mails_previewed", null), ["mails_previewed"]],
  ["a shop already syncing is not stopped", { syncEnabled: true }, true, {}, null],
  ["sync staying off", { syncEnabled: false }, false, {}, null],
];
for (const [name, before, on, stored, open] of gateCases) {
  test(`syncGateRefusal: ${name}`, () => {
    const refusal = syncGateRefusal(before, { syncEnabled: on }, stored);
    assert.deepEqual(refusal?.errors?.map((e) => e.path.replace("setupChecklist.", "")) ?? null, open);
    if (refusal) {
      assert.equal(refusal.code, "shop.setup_incomplete");
      assert.equal(refusal.rule, "shop.setup_incomplete");
      assert.match(refusal.detail, /受注連動を有効にできません/);
    }
  });
}

test("syncGateRefusal names the open items in Japanese", () => {
  const refusal = syncGateRefusal(null, { syncEnabled: true }, withConfirmation(ALL, "calendar", null));
  assert.match(refusal?.detail ?? "", /未確認: カレンダー設定/);
});

test("withConfirmation confirms and withdraws one item; openItems lists the rest in sheet order", () => {
  const one = withConfirmation({}, "masters", BY);
  assert.deepEqual(one, { masters: BY });
  assert.deepEqual(withConfirmation(one, "masters", null), {});
  assert.deepEqual(
    openItems(one),
    SETUP_ITEM_CODES.filter((i) => i !== "masters"),
  );
});

// biome-ignore format: a table, one row per line
const factCases: [Parameters<typeof factsOf>[0], Partial<SetupFacts>, { text: string; ok: boolean }[]][] = [
  ["calendar", {}, [{ text: "出荷元倉庫「自社倉庫」のカレンダー: 設定済み", ok: true }]],
  ["calendar", { warehouse: null }, [{ text: "出荷元の倉庫がありません", ok: false }]],
  ["product_import", { mappedProducts: 0 }, [{ text: "このショップの商品対応: 0件", ok: false }]],
  ["test_import_checked", { testOrders: 3, unprocessedTestOrders: 1 }, [{ text: "テスト取込した注文: 3件", ok: true }, { text: "まだ処理済みにしていない注文: 1件", ok: false }]],
  ["shop_info", { needsCredentials: false }, []],
  ["mails_previewed", { enabledMails: 0 }, [{ text: "自動送信するメール: 0種類", ok: false }]],
  ["masters", { unknownMallValues: 2 }, [{ text: "モールから届いた未登録の値: 2件", ok: false }]],
  ["masters", {}, [{ text: "モールから届いた未登録の値: 0件", ok: true }]],
  ["options", {}, [{ text: "オプション金額表: 0件", ok: true }]],
  ["customer_ranks", { customerRanks: 0 }, [{ text: "顧客ランク: 0件", ok: false }]],
];
for (const [item, facts, expected] of factCases) {
  test(`factsOf ${item} ${JSON.stringify(facts)}`, () =>
    assert.deepEqual(factsOf(item, { ...FACTS, ...facts }), expected));
}

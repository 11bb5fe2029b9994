import { Refusal } from "./refusal.ts";

/**
 * 初期設定確認チェックシート: what the merchant confirms, one by one, before 受注連動 may start (the
 * 楽々通販2 set-up flow: 設定 → テスト取込 → 受注連動). Juchu shows what it knows of each item; the
 * person confirms it.
 */
export const SETUP_ITEMS = {
  shop_info: { label: "店舗情報", link: "/shops" },
  calendar: { label: "カレンダー設定", link: "/warehouses" },
  masters: { label: "マスタ管理", link: "/shops" },
  product_import: { label: "商品インポート", link: "/products/import" },
  delivery_conditions: { label: "配送条件", link: "/products" },
  options: { label: "項目選択肢・オプション金額", link: "/option-surcharges" },
  customer_ranks: { label: "顧客ランク設定", link: "/customer-ranks" },
  test_import_checked: { label: "テスト取込の確認", link: "/shops/{id}/import-check" },
  mails_previewed: { label: "メールの確認", link: "/mail/shops" },
} as const satisfies Record<string, { label: string; link: string }>;

export type SetupItem = keyof typeof SETUP_ITEMS;
export const SETUP_ITEM_CODES = Object.keys(SETUP_ITEMS) as [SetupItem, ...SetupItem[]];

/** Who confirmed an item and when (stored on the shop: shops.setup_checklist). */
export type Confirmation = { by: string; at: string };
export type StoredChecklist = Partial<Record<SetupItem, Confirmation>>;

/** What Juchu knows of the shop's set-up, read for the checklist. */
export type SetupFacts = {
  hasCredentials: boolean;
  /** The channel asks for mall credentials (a manual-entry shop has none to give). */
  needsCredentials: boolean;
  /** The warehouse the shop's orders go to, and whether its calendar was ever saved. */
  warehouse: { name: string; calendarSaved: boolean } | null;
  mappedProducts: number;
  /** Values the shop's orders carry that its masters do not place (未登録の値). */
  unknownMallValues: number;
  /** Rows of the shop's オプション金額表. */
  optionSurcharges: number;
  /** The account's 顧客ランク rules. */
  customerRanks: number;
  testOrders: number;
  /** Test-imported orders not yet moved to 処理済. */
  unprocessedTestOrders: number;
  /** Automatic mail categories this shop sends. */
  enabledMails: number;
};

export type Fact = { text: string; ok: boolean };

export function factsOf(item: SetupItem, f: SetupFacts): Fact[] {
  switch (item) {
    case "shop_info":
      return f.needsCredentials
        ? [
            {
              text: f.hasCredentials ? "モールの認証情報: 登録済み" : "モールの認証情報: 未登録",
              ok: f.hasCredentials,
            },
          ]
        : [];
    case "calendar":
      if (!f.warehouse) return [{ text: "出荷元の倉庫がありません", ok: false }];
      return [
        {
          text: `出荷元倉庫「${f.warehouse.name}」のカレンダー: ${f.warehouse.calendarSaved ? "設定済み" : "未設定"}`,
          ok: f.warehouse.calendarSaved,
        },
      ];
    case "masters":
      return [
        {
          text: `モールから届いた未登録の値: ${f.unknownMallValues}件`,
          ok: f.unknownMallValues === 0,
        },
      ];
    case "options":
      // A shop whose options carry their amount in the words, or that has none, needs no table.
      return [{ text: `オプション金額表: ${f.optionSurcharges}件`, ok: true }];
    case "customer_ranks":
      return [{ text: `顧客ランク: ${f.customerRanks}件`, ok: f.customerRanks > 0 }];
    case "product_import":
      return [{ text: `このショップの商品対応: ${f.mappedProducts}件`, ok: f.mappedProducts > 0 }];
    case "test_import_checked":
      return [
        { text: `テスト取込した注文: ${f.testOrders}件`, ok: f.testOrders > 0 },
        {
          text: `まだ処理済みにしていない注文: ${f.unprocessedTestOrders}件`,
          ok: f.unprocessedTestOrders === 0,
        },
      ];
    case "mails_previewed":
      return [{ text: `自動送信するメール: ${f.enabledMails}種類`, ok: f.enabledMails > 0 }];
    default:
      return [];
  }
}

/**
 * Whether an item may be confirmed now; null when it may. Only テスト取込の確認 waits on a fact: every
 * test-imported order must be 処理済 first (seed E14), or sync would start with test orders still in
 * the lists. The other facts inform the person; a shop may rightly have none yet (no products mapped
 * when every item is mapped by its SKU at first import, a warehouse with no holidays).
 */
export function confirmRefusal(item: SetupItem, facts: SetupFacts): Refusal | null {
  if (item === "test_import_checked" && facts.unprocessedTestOrders > 0) {
    return new Refusal(
      "shop.setup_item_not_ready",
      `テスト取込した注文が${facts.unprocessedTestOrders}件、まだ処理済みになっていません。確認してから「テスト取込の注文を処理済みにする」を実行してください。`,
      {
        rule: "test_orders_unprocessed",
        errors: [{ path: "item", message: "テスト取込の注文をすべて処理済みにしてください" }],
      },
    );
  }
  return null;
}

export function openItems(stored: StoredChecklist): SetupItem[] {
  return SETUP_ITEM_CODES.filter((item) => !stored[item]);
}

/**
 * 受注連動 is switched on only once every item is confirmed: null when it may, else the refusal naming
 * the open ones. A shop already syncing is not stopped, whatever its checklist says.
 */
export function syncGateRefusal(
  before: { syncEnabled: boolean } | null,
  after: { syncEnabled: boolean },
  stored: StoredChecklist,
): Refusal | null {
  if (!after.syncEnabled || before?.syncEnabled) return null;
  const open = openItems(stored);
  if (open.length === 0) return null;
  const labels = open.map((i) => SETUP_ITEMS[i].label);
  return new Refusal(
    "shop.setup_incomplete",
    `初期設定確認チェックシートに未確認の項目があるため、受注連動を有効にできません(未確認: ${labels.join("、")})。`,
    {
      rule: "shop.setup_incomplete",
      errors: open.map((i) => ({
        path: `setupChecklist.${i}`,
        message: `${SETUP_ITEMS[i].label}が未確認です`,
      })),
    },
  );
}

/** The stored checklist after one item is confirmed or withdrawn. */
export function withConfirmation(
  stored: StoredChecklist,
  item: SetupItem,
  confirmed: Confirmation | null,
): StoredChecklist {
  const { [item]: _dropped, ...rest } = stored;
  return confirmed ? { ...rest, [item]: confirmed } : rest;
}

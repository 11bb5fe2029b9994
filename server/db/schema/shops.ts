import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { created, ts, updated } from "./columns.ts";

export const shops = pgTable(
  "shops",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    channel: text("channel").notNull(),
    name: text("name").notNull(),
    settings: jsonb("settings").notNull(),
    /** マスタ管理: the shop's own rows per master kind (domain/mall-masters.ts); a kind not here is the channel's default. */
    masters: jsonb("masters").notNull().default({}),
    /** Sealed with the instance key (adapters/secrets/secret-box.ts): never stored or answered in the clear. */
    credentials: jsonb("credentials"),
    /** When the mall credentials stop working (Rakuten's licenseKey: 90 days), warned ahead. */
    credentialsExpireAt: ts("credentials_expire_at"),
    /** 初期設定確認チェックシート: item → { by: actor, at } (domain/setup-checklist.ts StoredChecklist). */
    setupChecklist: jsonb("setup_checklist").notNull().default({}),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index("shops_account_idx").on(t.accountId)],
);

/** Where a shop's automatic import stands: the cursor moves only once a window is committed. */
export const shopImports = pgTable(
  "shop_imports",
  {
    shopId: uuid("shop_id")
      .primaryKey()
      .references(() => shops.id),
    accountId: uuid("account_id").notNull(),
    /**
     * Where the next poll starts: the channel's own opaque cursor, stored only once everything
     * before it is in Juchu (for a date-window source, the end of the last window saved).
     */
    cursor: text("cursor"),
    nextRunAt: ts("next_run_at").notNull(),
    /** A run in progress holds the shop until then, so two workers never import one shop at once. */
    leaseUntil: ts("lease_until"),
    leaseToken: text("lease_token"),
  },
  (t) => [index("shop_imports_due_idx").on(t.nextRunAt)],
);

/** 取込ログ: one row per poll of a shop, what it saw and did. */
export const importRuns = pgTable(
  "import_runs",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id").notNull(),
    shopId: uuid("shop_id")
      .notNull()
      .references(() => shops.id),
    startedAt: ts("started_at").notNull(),
    finishedAt: ts("finished_at"),
    windowFrom: ts("window_from").notNull(),
    windowTo: ts("window_to").notNull(),
    status: text("status").notNull(),
    testImport: boolean("test_import").notNull(),
    found: integer("found").notNull().default(0),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    /** Orders read but not written (the mall did not hand them out, or the rules could not take them). */
    failed: integer("failed").notNull().default(0),
    /** Every order read in the run: created + updated + unchanged + skipped + failed. */
    seen: integer("seen").notNull().default(0),
    errors: jsonb("errors").notNull().default([]),
  },
  (t) => [index("import_runs_shop_idx").on(t.shopId, t.startedAt)],
);

/** Mall items whose stock must be pushed again; one row per item however many changes, so a burst is one call. */
export const stockPushes = pgTable(
  "stock_pushes",
  {
    shopId: uuid("shop_id")
      .notNull()
      .references(() => shops.id),
    accountId: uuid("account_id").notNull(),
    mallItemCode: text("mall_item_code").notNull(),
    mallSkuCode: text("mall_sku_code").notNull(),
    changedAt: ts("changed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.mallItemCode, t.mallSkuCode] })],
);

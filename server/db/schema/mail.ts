import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { products } from "./catalog.ts";
import { created, ts, updated } from "./columns.ts";
import { orders } from "./orders.ts";
import { shops } from "./shops.ts";

/** メールカテゴリー: when a mail goes — entering an order or shipping status, after a delay, for a product. */
export const mailCategories = pgTable(
  "mail_categories",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    name: text("name").notNull(),
    enabled: boolean("enabled").notNull(),
    /** "order_status" | "shipping_status" */
    triggerKind: text("trigger_kind").notNull(),
    triggerStatus: text("trigger_status").notNull(),
    delayMinutes: integer("delay_minutes").notNull().default(0),
    /** Only orders with this product among their items (特定商品のサンクスメール). */
    productId: uuid("product_id").references(() => products.id),
    /** 優先度: among product categories an order matches at one moment, the higher one is sent. */
    priority: integer("priority").notNull().default(0),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex("mail_categories_account_name_key").on(t.accountId, t.name),
    check("mail_delay_not_negative", sql`${t.delayMinutes} >= 0`),
    check("mail_priority_range", sql`${t.priority} between 0 and 100`),
  ],
);

/** メールテンプレート: subject and body with {{差し込み項目}}, checked at save time. */
export const mailTemplates = pgTable(
  "mail_templates",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => mailCategories.id),
    name: text("name").notNull(),
    enabled: boolean("enabled").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index("mail_templates_category_idx").on(t.categoryId)],
);

/** Per shop and category: send it or not, with which template. */
export const shopMailSettings = pgTable(
  "shop_mail_settings",
  {
    shopId: uuid("shop_id")
      .notNull()
      .references(() => shops.id),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => mailCategories.id, { onDelete: "cascade" }),
    accountId: uuid("account_id").notNull(),
    enabled: boolean("enabled").notNull(),
    templateId: uuid("template_id").references(() => mailTemplates.id),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.categoryId] })],
);

/**
 * SMTP for an account (shopId null) or one shop (a Rakuten shop's あんしんメルアド relay). The password
 * is sealed like mall credentials.
 */
export const mailTransports = pgTable(
  "mail_transports",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    shopId: uuid("shop_id").references(() => shops.id),
    host: text("host").notNull(),
    port: integer("port").notNull(),
    secure: boolean("secure").notNull(),
    username: text("username"),
    password: jsonb("password"),
    fromAddress: text("from_address").notNull(),
    fromName: text("from_name").notNull(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex("mail_transports_scope_key").on(
      t.accountId,
      sql`coalesce(${t.shopId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
);

/**
 * Status changes waiting to be matched against the mail categories: written by a trigger on the
 * timeline in the same transaction as the change, so no change is ever missed.
 */
export const mailTriggers = pgTable("mail_triggers", {
  eventId: bigint("event_id", { mode: "number" }).primaryKey(),
  orderId: uuid("order_id").notNull(),
  accountId: uuid("account_id").notNull(),
  /** "order_status" | "shipping_status" */
  kind: text("kind").notNull(),
  status: text("status").notNull(),
  shipmentId: uuid("shipment_id"),
  at: ts("at").notNull(),
});

/**
 * The mail log and the idempotency record in one: one row per (order, category, shipment), whatever
 * happens to it — queued, sent, failed, skipped (and why), or kept because no SMTP is configured.
 */
export const mails = pgTable(
  "mails",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    shopId: uuid("shop_id").notNull(),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => mailCategories.id),
    templateId: uuid("template_id"),
    /** '' for mails about the order as a whole: keeps the once-only key a plain unique index. */
    shipmentKey: text("shipment_key").notNull().default(""),
    /** "queued" | "sending" | "sent" | "failed" | "skipped" | "kept" */
    status: text("status").notNull(),
    dueAt: ts("due_at").notNull(),
    toAddress: text("to_address").notNull(),
    fromAddress: text("from_address"),
    subject: text("subject"),
    body: text("body"),
    messageId: text("message_id").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** Why a mail was skipped or kept, in the merchant's words. */
    note: text("note"),
    claimedAt: ts("claimed_at"),
    sentAt: ts("sent_at"),
    /** A person's resend of an earlier mail: a new row, pointing at it. */
    resendOf: uuid("resend_of"),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex("mails_once_key")
      .on(t.orderId, t.categoryId, t.shipmentKey)
      .where(sql`${t.resendOf} is null`),
    index("mails_account_idx").on(t.accountId, t.createdAt),
    index("mails_order_idx").on(t.orderId),
    // 要対応: the account's failed mails of the last days, whatever the size of its log.
    index("mails_failed_idx").on(t.accountId, t.dueAt).where(sql`${t.status} = 'failed'`),
  ],
);

import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts, users } from "./accounts.ts";
import { products } from "./catalog.ts";
import { created, ts, updated } from "./columns.ts";
import { orders } from "./orders.ts";
import { shops } from "./shops.ts";

/**
 * The merchant's BtoB desk: one row per account, made when they first set B2B up (the settings
 * screen or their first 取引先), with the shop of channel b2b its orders are registered in.
 */
export const b2bSettings = pgTable("b2b_settings", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id),
  shopId: uuid("shop_id")
    .notNull()
    .references(() => shops.id),
  /** 注文キャンセルの受付を許可: buyers may send キャンセルリクエスト only while this is on. */
  allowCancelRequests: boolean("allow_cancel_requests").notNull().default(false),
  /** 在庫表示: the 発注フォーム shows what can be ordered now. */
  showStock: boolean("show_stock").notNull().default(false),
  /** 適格請求書発行事業者登録番号 (T + 13 digits) printed on the 請求書. */
  invoiceRegistrationNumber: text("invoice_registration_number"),
  updatedAt: updated(),
});

/** 取引先: a company that orders from the merchant. */
export const buyerCompanies = pgTable(
  "buyer_companies",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    name: text("name").notNull(),
    /** 取引先コード, the merchant's own. */
    code: text("code").notNull(),
    /** 価格ランク: the company pays its rank's prices where it has none of its own. */
    rank: text("rank"),
    /** 'invoice' 掛け払い | 'prepaid' 前払い. */
    paymentTerms: text("payment_terms").notNull(),
    /** 締め日 1–28, 31 = 月末; only for 掛け払い. */
    closingDay: integer("closing_day"),
    paymentDueDays: integer("payment_due_days"),
    notes: text("notes").notNull().default(""),
    disabledAt: ts("disabled_at"),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex("buyer_companies_code_key").on(t.accountId, t.code),
    check("buyer_companies_payment_terms_check", sql`${t.paymentTerms} in ('invoice', 'prepaid')`),
    check(
      "buyer_companies_closing_day_check",
      sql`${t.closingDay} is null or ${t.closingDay} between 1 and 28 or ${t.closingDay} = 31`,
    ),
  ],
);

/** Every mail to a company (受付, キャンセル承認・却下) goes to all of its destinations. */
export const buyerCompanyMailDestinations = pgTable(
  "buyer_company_mail_destinations",
  {
    id: uuid("id").primaryKey(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => buyerCompanies.id, { onDelete: "cascade" }),
    accountId: uuid("account_id").notNull(),
    email: text("email").notNull(),
    name: text("name").notNull().default(""),
    createdAt: created(),
  },
  (t) => [uniqueIndex("buyer_company_mail_destinations_key").on(t.companyId, sql`lower(${t.email})`)],
);

/** 配送先アドレス帳: the ship-to shape orders use (domain/address.ts ShipTo) with the buyer's label. */
export const buyerShipTo = pgTable(
  "buyer_ship_to",
  {
    id: uuid("id").primaryKey(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => buyerCompanies.id, { onDelete: "cascade" }),
    accountId: uuid("account_id").notNull(),
    label: text("label").notNull(),
    name: text("name").notNull(),
    postalCode: text("postal_code").notNull(),
    prefecture: text("prefecture").notNull(),
    address1: text("address1").notNull(),
    address2: text("address2"),
    phone: text("phone").notNull(),
    createdAt: created(),
  },
  (t) => [index("buyer_ship_to_company_idx").on(t.companyId)],
);

/** BtoB価格: for one company or one rank (never both); a company's own wins over its rank's. */
export const buyerPrices = pgTable(
  "buyer_prices",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    companyId: uuid("company_id").references(() => buyerCompanies.id, { onDelete: "cascade" }),
    rank: text("rank"),
    unitPrice: integer("unit_price").notNull(),
    minQuantity: integer("min_quantity").notNull().default(1),
    /** 発注単位: the quantity must be a multiple of it. */
    lotQuantity: integer("lot_quantity").notNull().default(1),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex("buyer_prices_company_key")
      .on(t.productId, t.companyId)
      .where(sql`${t.companyId} is not null`),
    uniqueIndex("buyer_prices_rank_key")
      .on(t.accountId, t.rank, t.productId)
      .where(sql`${t.rank} is not null`),
    index("buyer_prices_company_idx").on(t.companyId),
    check("buyer_prices_one_target", sql`(${t.companyId} is null) <> (${t.rank} is null)`),
    check(
      "buyer_prices_quantities",
      sql`${t.unitPrice} >= 0 and ${t.minQuantity} >= 1 and ${t.lotQuantity} >= 1`,
    ),
  ],
);

/** 発注者: a buyer company's user, a principal of its own (never one of the merchant's users). */
export const buyerUsers = pgTable(
  "buyer_users",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    companyId: uuid("company_id")
      .notNull()
      .references(() => buyerCompanies.id),
    email: text("email").notNull(),
    name: text("name").notNull().default(""),
    /** Null until the invitation is accepted. */
    passwordHash: text("password_hash"),
    disabledAt: ts("disabled_at"),
    lastLoginAt: ts("last_login_at"),
    createdAt: created(),
  },
  (t) => [
    // One log-in form for every merchant's buyers: the e-mail alone finds the buyer.
    uniqueIndex("buyer_users_email_key").on(sql`lower(${t.email})`).where(sql`${t.disabledAt} is null`),
    index("buyer_users_company_idx").on(t.companyId),
  ],
);

/** The buyer portal's log-ins, like sessions: only the token's SHA-256 is kept. */
export const buyerSessions = pgTable(
  "buyer_sessions",
  {
    id: uuid("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    accountId: uuid("account_id").notNull(),
    buyerUserId: uuid("buyer_user_id")
      .notNull()
      .references(() => buyerUsers.id, { onDelete: "cascade" }),
    createdAt: created(),
    expiresAt: ts("expires_at").notNull(),
    lastSeenAt: ts("last_seen_at"),
  },
  (t) => [
    index("buyer_sessions_user_idx").on(t.buyerUserId),
    index("buyer_sessions_expires_idx").on(t.expiresAt),
  ],
);

export const buyerInvitations = pgTable(
  "buyer_invitations",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id").notNull(),
    buyerUserId: uuid("buyer_user_id")
      .notNull()
      .references(() => buyerUsers.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: created(),
    expiresAt: ts("expires_at").notNull(),
    acceptedAt: ts("accepted_at"),
  },
  (t) => [index("buyer_invitations_user_idx").on(t.buyerUserId)],
);

/** What makes an order a BtoB order: who placed it, how, and its キャンセルリクエスト. */
export const b2bOrders = pgTable(
  "b2b_orders",
  {
    orderId: uuid("order_id")
      .primaryKey()
      .references(() => orders.id),
    accountId: uuid("account_id").notNull(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => buyerCompanies.id),
    /** Null for メール発注 (the merchant entered it). */
    buyerUserId: uuid("buyer_user_id").references(() => buyerUsers.id),
    /** 'form' 発注フォーム | 'mail' メール発注. */
    placedVia: text("placed_via").notNull(),
    desiredDeliveryDate: date("desired_delivery_date", { mode: "string" }),
    /** The address book entry it was sent to; the order keeps the address itself. */
    shipToId: uuid("ship_to_id").references(() => buyerShipTo.id, { onDelete: "set null" }),
    note: text("note").notNull().default(""),
    cancelRequestStatus: text("cancel_request_status"),
    cancelReasonCode: text("cancel_reason_code"),
    cancelReasonText: text("cancel_reason_text"),
    cancelRequestedAt: ts("cancel_requested_at"),
    cancelDecidedAt: ts("cancel_decided_at"),
    cancelDecidedBy: uuid("cancel_decided_by").references(() => users.id, { onDelete: "set null" }),
    cancelRefusalReason: text("cancel_refusal_reason"),
    createdAt: created(),
  },
  (t) => [
    index("b2b_orders_company_idx").on(t.companyId, t.createdAt),
    index("b2b_orders_cancel_requested_idx")
      .on(t.accountId)
      .where(sql`${t.cancelRequestStatus} = 'requested'`),
    check("b2b_orders_placed_via_check", sql`${t.placedVia} in ('form', 'mail')`),
    check(
      "b2b_orders_cancel_request_status_check",
      sql`${t.cancelRequestStatus} is null or ${t.cancelRequestStatus} in ('requested', 'approved', 'refused')`,
    ),
  ],
);

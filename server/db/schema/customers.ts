import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { CUSTOMER_KEY_KINDS } from "#server/domain/customers.ts";
import { accounts } from "./accounts.ts";
import { created, oneOf, ts, updated } from "./columns.ts";

/** 顧客: one buyer recognised across orders (domain/customers.ts says how). */
export const customers = pgTable(
  "customers",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    /** As on the buyer's latest order. */
    name: text("name").notNull(),
    email: text("email"),
    /** Digits only, 0 for +81 (normalPhone): shown and searched as one form. */
    phone: text("phone"),
    postalCode: text("postal_code"),
    /** 顧客ランク now (the name of a customer_ranks row), kept up to date on register, cancel and daily. */
    rank: text("rank"),
    /** When rank was last worked out: the daily sweep takes the customers not yet seen today (Tokyo). */
    rankRefreshedAt: ts("rank_refreshed_at").notNull().defaultNow(),
    lastOrderedAt: ts("last_ordered_at").notNull(),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    // The 顧客 list, newest buyer first, read backwards like orders_list_idx.
    index("customers_list_idx").on(t.accountId, t.lastOrderedAt, t.id),
    index("customers_rank_refresh_idx").on(t.rankRefreshedAt),
  ],
);

/**
 * What recognises a customer: normalised e-mail, phone, name + postal code. A key belongs to the
 * customer that first had it (first match wins, see domain/customers.ts).
 */
export const customerKeys = pgTable(
  "customer_keys",
  {
    accountId: uuid("account_id").notNull(),
    kind: text("kind").notNull(),
    value: text("value").notNull(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
  },
  (t) => [
    // Value before kind: a batch looks keys up by value (`value in (…)`), whatever their kind.
    primaryKey({ columns: [t.accountId, t.value, t.kind] }),
    index("customer_keys_customer_idx").on(t.customerId),
    check("customer_keys_kind_check", sql`${t.kind} in ${oneOf(CUSTOMER_KEY_KINDS)}`),
  ],
);

/** 顧客ランク設定: the first rank by priority whose minimums the buyer's orders in the period meet. */
export const customerRanks = pgTable(
  "customer_ranks",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    name: text("name").notNull(),
    /** 1 is checked first. */
    priority: integer("priority").notNull(),
    minOrderCount: integer("min_order_count"),
    minAmount: integer("min_amount"),
    periodDays: integer("period_days").notNull(),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex("customer_ranks_account_name_key").on(t.accountId, t.name),
    check("customer_ranks_minimum_check", sql`${t.minOrderCount} is not null or ${t.minAmount} is not null`),
  ],
);

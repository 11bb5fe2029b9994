import { boolean, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { CancelRequestDecision } from "#server/domain/inquiry-cancel.ts";
import { accounts } from "./accounts.ts";
import { created, ts } from "./columns.ts";
import { orders } from "./orders.ts";
import { shops } from "./shops.ts";

/**
 * 問い合わせ (buyer messages at the channel): a buyer's thread as the channel last showed it, and what Juchu did about it.
 * One row per (shop, inquiry number): overlapping polls update it, never add a second.
 */
export const inquiries = pgTable(
  "inquiries",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    shopId: uuid("shop_id")
      .notNull()
      .references(() => shops.id),
    inquiryNumber: text("inquiry_number").notNull(),
    /** The channel's order number as the buyer chose it; orderId once an order of the shop carries it. */
    mallOrderNumber: text("mall_order_number"),
    orderId: uuid("order_id").references(() => orders.id),
    buyerName: text("buyer_name").notNull(),
    message: text("message").notNull(),
    category: text("category"),
    /** The channel's flag or one of the shop's phrases (domain/inquiry-linkage.ts). */
    cancelRequested: boolean("cancel_requested").notNull(),
    /** Later messages, oldest first: { from: "buyer" | "shop", message, at (ISO) }. */
    thread: jsonb("thread").$type<{ from: "buyer" | "shop"; message: string; at: string }[]>().notNull(),
    read: boolean("read").notNull(),
    completed: boolean("completed").notNull(),
    receivedAt: ts("received_at").notNull(),
    /** When the channel last changed the thread. */
    updatedAt: ts("updated_at").notNull(),
    /** What the order's state called for, fixed once when the cancel request was first seen. */
    decision: jsonb("decision").$type<CancelRequestDecision>(),
    /** What was done: cancelled | withdrawn | withdraw_refused | tagged | none; null while not yet done. */
    action: text("action"),
    /** The outcome in the merchant's words (the warehouse's refusal, …). */
    actionNote: text("action_note"),
    actedAt: ts("acted_at"),
    /** The automatic or a person's last reply: none | pending | sent | failed (with the mall's words). */
    replyState: text("reply_state").notNull().default("none"),
    replyError: text("reply_error"),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex("inquiries_shop_number_key").on(t.shopId, t.inquiryNumber),
    index("inquiries_account_received_idx").on(t.accountId, t.receivedAt, t.id),
    index("inquiries_order_idx").on(t.orderId),
  ],
);

/** Where a shop's inquiry polling stands: the cursor moves only once every page of a window is committed. */
export const inquiryImports = pgTable("inquiry_imports", {
  shopId: uuid("shop_id")
    .primaryKey()
    .references(() => shops.id),
  accountId: uuid("account_id").notNull(),
  cursor: text("cursor"),
  nextRunAt: ts("next_run_at").notNull(),
  leaseUntil: ts("lease_until"),
  leaseToken: text("lease_token"),
  /** The last poll's failure (the channel down …), cleared by the next poll that succeeds. */
  lastError: text("last_error"),
  lastRunAt: ts("last_run_at"),
});

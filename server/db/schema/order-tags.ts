import {
  bigserial,
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { created, ts } from "./columns.ts";
import { orders } from "./orders.ts";

/** タグ and what each order carries, and the order timeline (受注履歴). */
export const tags = pgTable(
  "tags",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    kind: text("kind").notNull(),
    /** Set on system tags only: the cause the system watches (unmapped_item, withdrawn, …). */
    systemCode: text("system_code"),
    name: text("name").notNull(),
    color: text("color").notNull(),
    hold: boolean("hold").notNull(),
    rule: jsonb("rule"),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex("tags_account_name_key").on(t.accountId, t.name),
    uniqueIndex("tags_account_system_key").on(t.accountId, t.systemCode),
  ],
);

export const orderTags = pgTable(
  "order_tags",
  {
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    tagId: uuid("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
    accountId: uuid("account_id").notNull(),
    attachedBy: text("attached_by").notNull(),
    attachedAt: ts("attached_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.tagId] }), index("order_tags_tag_idx").on(t.tagId, t.orderId)],
);

export const orderEvents = pgTable(
  "order_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    accountId: uuid("account_id").notNull(),
    at: ts("at").notNull(),
    actor: text("actor").notNull(),
    type: text("type").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    message: text("message").notNull(),
    detail: jsonb("detail"),
  },
  (t) => [index("order_events_order_idx").on(t.orderId, t.id)],
);

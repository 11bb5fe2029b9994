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
import { bytea, created, oneOf, ts } from "./columns.ts";

export const SAVED_SEARCH_SCREENS = ["orders", "shipments"] as const;
export const ORDER_EXPORT_STATUSES = ["queued", "running", "succeeded", "failed"] as const;
export const ORDER_EXPORT_ENCODINGS = ["shift_jis", "utf8"] as const;

/** 保存した検索: a list's filters under a name the merchant chose, shown as a quick tab on that list. */
export const savedSearches = pgTable(
  "saved_searches",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    screen: text("screen").notNull(),
    name: text("name").notNull(),
    /** The list's URL query (without the page cursor): what the screen reads its filters from. */
    query: text("query").notNull(),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex("saved_searches_name_key").on(t.accountId, t.screen, t.name),
    check("saved_searches_screen", sql`${t.screen} in ${oneOf(SAVED_SEARCH_SCREENS)}`),
  ],
);

/**
 * 受注CSV出力: one export of a filter and how far its job has got. The job writes the file in pieces
 * (one per keyset page) together with its progress, so the UI polls the row and then downloads.
 */
export const orderExports = pgTable(
  "order_exports",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    status: text("status").notNull(),
    encoding: text("encoding").notNull(),
    bom: boolean("bom").notNull(),
    /** The chosen column keys, in the file's order. */
    columns: jsonb("columns").notNull(),
    /** The list filter as the API takes it (without page and sort). */
    filter: jsonb("filter").notNull(),
    total: integer("total").notNull().default(0),
    rowsWritten: integer("rows_written").notNull().default(0),
    bytes: bigint("bytes", { mode: "number" }).notNull().default(0),
    /** Where the next page starts: the last written order's (ordered_at, id). */
    cursor: jsonb("cursor"),
    error: text("error"),
    /** Runs of its job begun: past EXPORT_ATTEMPTS the export ends failed instead of being retried. */
    attempts: integer("attempts").notNull().default(0),
    /** Characters Shift_JIS (CP932) cannot hold, written as "?", and the column keys they were in. */
    replacedChars: integer("replaced_chars").notNull().default(0),
    replacedColumns: jsonb("replaced_columns").notNull().default([]),
    createdBy: text("created_by").notNull(),
    createdAt: created(),
    finishedAt: ts("finished_at"),
  },
  (t) => [
    index("order_exports_account_idx").on(t.accountId, t.createdAt),
    check("order_exports_status", sql`${t.status} in ${oneOf(ORDER_EXPORT_STATUSES)}`),
    check("order_exports_encoding", sql`${t.encoding} in ${oneOf(ORDER_EXPORT_ENCODINGS)}`),
  ],
);

/** The export file's bytes, one piece per page written, read back in order for the download. */
export const orderExportChunks = pgTable(
  "order_export_chunks",
  {
    exportId: uuid("export_id")
      .notNull()
      .references(() => orderExports.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.exportId, t.seq] })],
);

export const BULK_RUN_STATUSES = ["queued", "running", "succeeded", "failed"] as const;

/**
 * 一括操作 over a filter (「この条件の全件を選択」): the action and the list filter as asked, and how far
 * its job has got. The job pages the filter by keyset and records each batch's outcome with its
 * cursor in one transaction, so the UI polls the row and a retried job resumes after the last batch.
 */
export const bulkOrderRuns = pgTable(
  "bulk_order_runs",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    action: text("action").notNull(),
    /** What the action needs besides the orders: tagId, reason, mallCancelReasons. */
    options: jsonb("options").notNull(),
    /** The list filter as the API takes it (without page and sort). */
    filter: jsonb("filter").notNull(),
    /** Who asked: every order's timeline names them, as for an action on one order. */
    actor: jsonb("actor").notNull(),
    status: text("status").notNull(),
    total: integer("total").notNull().default(0),
    processed: integer("processed").notNull().default(0),
    succeeded: integer("succeeded").notNull().default(0),
    /** Where the next batch starts: the last handled order's (ordered_at, id). */
    cursor: jsonb("cursor"),
    /** Runs of its job begun: past BULK_RUN_ATTEMPTS the run ends failed instead of being retried. */
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    createdBy: text("created_by").notNull(),
    createdAt: created(),
    finishedAt: ts("finished_at"),
  },
  (t) => [
    index("bulk_order_runs_account_idx").on(t.accountId, t.createdAt),
    check("bulk_order_runs_status", sql`${t.status} in ${oneOf(BULK_RUN_STATUSES)}`),
  ],
);

/** The orders a bulk run could not act on, each with the rule that refused it. */
export const bulkOrderRefusals = pgTable(
  "bulk_order_refusals",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => bulkOrderRuns.id, { onDelete: "cascade" }),
    orderId: uuid("order_id").notNull(),
    mallOrderNumber: text("mall_order_number").notNull(),
    code: text("code").notNull(),
    rule: text("rule"),
    detail: text("detail").notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.orderId] })],
);

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
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { bytea, created, oneOf, ts, updated } from "./columns.ts";
import { shops } from "./shops.ts";

export const CSV_IMPORT_STATUSES = ["uploading", "queued", "running", "succeeded", "failed"] as const;
export const CSV_ROW_OUTCOMES = ["created", "unchanged", "skipped", "failed"] as const;

/** 取込設定: the merchant's own column → field mapping for an order CSV (the built-in ones live in code). */
export const csvOrderProfiles = pgTable(
  "csv_order_profiles",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    name: text("name").notNull(),
    encoding: text("encoding").notNull(),
    headerRow: boolean("header_row").notNull(),
    dateFormat: text("date_format").notNull(),
    /** field → the columns read for it: header names, or 1-based column numbers when there is no header. */
    columns: jsonb("columns").notNull(),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index("csv_order_profiles_account_idx").on(t.accountId)],
);

/**
 * CSV受注取込: one uploaded file and how far its job has got. The job commits each batch together with
 * `checkpointLine`, so a run that died resumes after the last committed batch.
 */
export const csvImportRuns = pgTable(
  "csv_import_runs",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id").notNull(),
    shopId: uuid("shop_id")
      .notNull()
      .references(() => shops.id),
    profileId: text("profile_id").notNull(),
    /** The profile as it was at upload: editing it later does not change a run under way. */
    profile: jsonb("profile").notNull(),
    fileName: text("file_name"),
    status: text("status").notNull(),
    encoding: text("encoding"),
    totalBytes: bigint("total_bytes", { mode: "number" }).notNull().default(0),
    bytesRead: bigint("bytes_read", { mode: "number" }).notNull().default(0),
    rowsRead: integer("rows_read").notNull().default(0),
    checkpointLine: integer("checkpoint_line").notNull().default(0),
    created: integer("created").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    failedRows: integer("failed_rows").notNull().default(0),
    error: text("error"),
    createdBy: text("created_by").notNull(),
    startedAt: ts("started_at").notNull(),
    finishedAt: ts("finished_at"),
  },
  (t) => [
    index("csv_import_runs_shop_idx").on(t.shopId, t.startedAt),
    check("csv_import_runs_status", sql`${t.status} in ${oneOf(CSV_IMPORT_STATUSES)}`),
  ],
);

/** The uploaded bytes, in the order received: the job reads them back as a stream, any process. */
export const csvImportChunks = pgTable(
  "csv_import_chunks",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => csvImportRuns.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.seq] })],
);

/** 行ごとの結果: what became of each line of the file, with the field and rule of a bad one. */
export const csvImportRows = pgTable(
  "csv_import_rows",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => csvImportRuns.id, { onDelete: "cascade" }),
    line: integer("line").notNull(),
    orderNumber: text("order_number"),
    outcome: text("outcome").notNull(),
    orderId: uuid("order_id"),
    field: text("field"),
    rule: text("rule"),
    message: text("message"),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.line] }),
    check("csv_import_rows_outcome", sql`${t.outcome} in ${oneOf(CSV_ROW_OUTCOMES)}`),
  ],
);

import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { bytea, oneOf, ts } from "./columns.ts";
import { shops } from "./shops.ts";

export const PRODUCT_IMPORT_STATUSES = ["uploading", "queued", "running", "succeeded", "failed"] as const;
/**
 * master: the run creates products (the account had none, or the shop is the one that made them);
 * map: the run maps the shop's rows onto the products already there.
 */
export const PRODUCT_IMPORT_MODES = ["master", "map"] as const;
export const PRODUCT_ROW_OUTCOMES = [
  "created",
  "updated",
  "mapped",
  "unchanged",
  "skipped",
  "failed",
] as const;

/**
 * 商品CSV取込: one uploaded item file of a shop and how far its job has got. Each batch's products,
 * mappings, report and `checkpointLine` commit in one transaction, so a run that died resumes after it.
 */
export const productImportRuns = pgTable(
  "product_import_runs",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id").notNull(),
    shopId: uuid("shop_id")
      .notNull()
      .references(() => shops.id),
    /** Decided at upload and kept: a resumed run goes on as it started. */
    mode: text("mode").notNull(),
    /** 「新しい商品として登録」: a map run creates the products its rows match none of. */
    createMissing: boolean("create_missing").notNull().default(false),
    fileName: text("file_name"),
    status: text("status").notNull(),
    encoding: text("encoding"),
    totalBytes: bigint("total_bytes", { mode: "number" }).notNull().default(0),
    bytesRead: bigint("bytes_read", { mode: "number" }).notNull().default(0),
    rowsRead: integer("rows_read").notNull().default(0),
    checkpointLine: integer("checkpoint_line").notNull().default(0),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    mapped: integer("mapped").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    error: text("error"),
    createdBy: text("created_by").notNull(),
    startedAt: ts("started_at").notNull(),
    finishedAt: ts("finished_at"),
  },
  (t) => [
    index("product_import_runs_account_idx").on(t.accountId, t.startedAt),
    check("product_import_runs_status", sql`${t.status} in ${oneOf(PRODUCT_IMPORT_STATUSES)}`),
    check("product_import_runs_mode", sql`${t.mode} in ${oneOf(PRODUCT_IMPORT_MODES)}`),
  ],
);

/** The uploaded bytes in the order received: the job reads them back as a stream, in any process. */
export const productImportChunks = pgTable(
  "product_import_chunks",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => productImportRuns.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.seq] })],
);

/** 行ごとの結果: what became of each product line, with the field and rule of a bad one. */
export const productImportRows = pgTable(
  "product_import_rows",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => productImportRuns.id, { onDelete: "cascade" }),
    line: integer("line").notNull(),
    sku: text("sku"),
    mallItemCode: text("mall_item_code"),
    mallSkuCode: text("mall_sku_code"),
    outcome: text("outcome").notNull(),
    productId: uuid("product_id"),
    field: text("field"),
    rule: text("rule"),
    message: text("message"),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.line] }),
    check("product_import_rows_outcome", sql`${t.outcome} in ${oneOf(PRODUCT_ROW_OUTCOMES)}`),
  ],
);

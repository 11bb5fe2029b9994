CREATE TABLE "product_import_chunks" (
	"run_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "product_import_chunks_run_id_seq_pk" PRIMARY KEY("run_id","seq")
);
--> statement-breakpoint
CREATE TABLE "product_import_rows" (
	"run_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"sku" text,
	"mall_item_code" text,
	"mall_sku_code" text,
	"outcome" text NOT NULL,
	"product_id" uuid,
	"field" text,
	"rule" text,
	"message" text,
	CONSTRAINT "product_import_rows_run_id_line_pk" PRIMARY KEY("run_id","line"),
	CONSTRAINT "product_import_rows_outcome" CHECK ("product_import_rows"."outcome" in ('created', 'updated', 'mapped', 'unchanged', 'skipped', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "product_import_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"shop_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"create_missing" boolean DEFAULT false NOT NULL,
	"file_name" text,
	"status" text NOT NULL,
	"encoding" text,
	"total_bytes" bigint DEFAULT 0 NOT NULL,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"checkpoint_line" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"mapped" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_by" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "product_import_runs_status" CHECK ("product_import_runs"."status" in ('uploading', 'queued', 'running', 'succeeded', 'failed')),
	CONSTRAINT "product_import_runs_mode" CHECK ("product_import_runs"."mode" in ('master', 'map'))
);
--> statement-breakpoint
ALTER TABLE "product_import_chunks" ADD CONSTRAINT "product_import_chunks_run_id_product_import_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."product_import_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_import_rows" ADD CONSTRAINT "product_import_rows_run_id_product_import_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."product_import_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_import_runs" ADD CONSTRAINT "product_import_runs_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_import_runs_account_idx" ON "product_import_runs" USING btree ("account_id","started_at");
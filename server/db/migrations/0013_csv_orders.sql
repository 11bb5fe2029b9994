CREATE TABLE "csv_import_chunks" (
	"run_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "csv_import_chunks_run_id_seq_pk" PRIMARY KEY("run_id","seq")
);
--> statement-breakpoint
CREATE TABLE "csv_import_rows" (
	"run_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"order_number" text,
	"outcome" text NOT NULL,
	"order_id" uuid,
	"field" text,
	"rule" text,
	"message" text,
	CONSTRAINT "csv_import_rows_run_id_line_pk" PRIMARY KEY("run_id","line"),
	CONSTRAINT "csv_import_rows_outcome" CHECK ("csv_import_rows"."outcome" in ('created', 'unchanged', 'skipped', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "csv_import_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"shop_id" uuid NOT NULL,
	"profile_id" text NOT NULL,
	"profile" jsonb NOT NULL,
	"file_name" text,
	"status" text NOT NULL,
	"encoding" text,
	"total_bytes" bigint DEFAULT 0 NOT NULL,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"checkpoint_line" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"failed_rows" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_by" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "csv_import_runs_status" CHECK ("csv_import_runs"."status" in ('uploading', 'queued', 'running', 'succeeded', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "csv_order_profiles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"encoding" text NOT NULL,
	"header_row" boolean NOT NULL,
	"date_format" text NOT NULL,
	"columns" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "csv_import_chunks" ADD CONSTRAINT "csv_import_chunks_run_id_csv_import_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."csv_import_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csv_import_rows" ADD CONSTRAINT "csv_import_rows_run_id_csv_import_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."csv_import_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csv_import_runs" ADD CONSTRAINT "csv_import_runs_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csv_order_profiles" ADD CONSTRAINT "csv_order_profiles_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "csv_import_runs_shop_idx" ON "csv_import_runs" USING btree ("shop_id","started_at");--> statement-breakpoint
CREATE INDEX "csv_order_profiles_account_idx" ON "csv_order_profiles" USING btree ("account_id");
CREATE TABLE "bulk_order_refusals" (
	"run_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"mall_order_number" text NOT NULL,
	"code" text NOT NULL,
	"rule" text,
	"detail" text NOT NULL,
	CONSTRAINT "bulk_order_refusals_run_id_order_id_pk" PRIMARY KEY("run_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "bulk_order_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"action" text NOT NULL,
	"options" jsonb NOT NULL,
	"filter" jsonb NOT NULL,
	"actor" jsonb NOT NULL,
	"status" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"succeeded" integer DEFAULT 0 NOT NULL,
	"cursor" jsonb,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "bulk_order_runs_status" CHECK ("bulk_order_runs"."status" in ('queued', 'running', 'succeeded', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "order_exports" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_exports" ADD COLUMN "replaced_chars" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_exports" ADD COLUMN "replaced_columns" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "bulk_order_refusals" ADD CONSTRAINT "bulk_order_refusals_run_id_bulk_order_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."bulk_order_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_order_runs" ADD CONSTRAINT "bulk_order_runs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_order_runs_account_idx" ON "bulk_order_runs" USING btree ("account_id","created_at");
CREATE TABLE "customer_keys" (
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"customer_id" uuid NOT NULL,
	CONSTRAINT "customer_keys_account_id_value_kind_pk" PRIMARY KEY("account_id","value","kind"),
	CONSTRAINT "customer_keys_kind_check" CHECK ("customer_keys"."kind" in ('email', 'phone', 'name_postal'))
);
--> statement-breakpoint
CREATE TABLE "customer_ranks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"priority" integer NOT NULL,
	"min_order_count" integer,
	"min_amount" integer,
	"period_days" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_ranks_minimum_check" CHECK ("customer_ranks"."min_order_count" is not null or "customer_ranks"."min_amount" is not null)
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"postal_code" text,
	"rank" text,
	"rank_refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_ordered_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "customer_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "customer_rank" text;--> statement-breakpoint
ALTER TABLE "customer_keys" ADD CONSTRAINT "customer_keys_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_ranks" ADD CONSTRAINT "customer_ranks_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_keys_customer_idx" ON "customer_keys" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_ranks_account_name_key" ON "customer_ranks" USING btree ("account_id","name");--> statement-breakpoint
CREATE INDEX "customers_list_idx" ON "customers" USING btree ("account_id","last_ordered_at","id");--> statement-breakpoint
CREATE INDEX "customers_rank_refresh_idx" ON "customers" USING btree ("rank_refreshed_at");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_customer_idx" ON "orders" USING btree ("customer_id","ordered_at");
CREATE TABLE "b2b_orders" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"buyer_user_id" uuid,
	"placed_via" text NOT NULL,
	"desired_delivery_date" date,
	"ship_to_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"cancel_request_status" text,
	"cancel_reason_code" text,
	"cancel_reason_text" text,
	"cancel_requested_at" timestamp with time zone,
	"cancel_decided_at" timestamp with time zone,
	"cancel_decided_by" uuid,
	"cancel_refusal_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "b2b_orders_placed_via_check" CHECK ("b2b_orders"."placed_via" in ('form', 'mail')),
	CONSTRAINT "b2b_orders_cancel_request_status_check" CHECK ("b2b_orders"."cancel_request_status" is null or "b2b_orders"."cancel_request_status" in ('requested', 'approved', 'refused'))
);
--> statement-breakpoint
CREATE TABLE "b2b_settings" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"shop_id" uuid NOT NULL,
	"allow_cancel_requests" boolean DEFAULT false NOT NULL,
	"show_stock" boolean DEFAULT false NOT NULL,
	"invoice_registration_number" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "buyer_companies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"rank" text,
	"payment_terms" text NOT NULL,
	"closing_day" integer,
	"payment_due_days" integer,
	"notes" text DEFAULT '' NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "buyer_companies_payment_terms_check" CHECK ("buyer_companies"."payment_terms" in ('invoice', 'prepaid')),
	CONSTRAINT "buyer_companies_closing_day_check" CHECK ("buyer_companies"."closing_day" is null or "buyer_companies"."closing_day" between 1 and 28 or "buyer_companies"."closing_day" = 31)
);
--> statement-breakpoint
CREATE TABLE "buyer_company_mail_destinations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "buyer_invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"buyer_user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	CONSTRAINT "buyer_invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "buyer_prices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"company_id" uuid,
	"rank" text,
	"unit_price" integer NOT NULL,
	"min_quantity" integer DEFAULT 1 NOT NULL,
	"lot_quantity" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "buyer_prices_one_target" CHECK (("buyer_prices"."company_id" is null) <> ("buyer_prices"."rank" is null)),
	CONSTRAINT "buyer_prices_quantities" CHECK ("buyer_prices"."unit_price" >= 0 and "buyer_prices"."min_quantity" >= 1 and "buyer_prices"."lot_quantity" >= 1)
);
--> statement-breakpoint
CREATE TABLE "buyer_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"account_id" uuid NOT NULL,
	"buyer_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone,
	CONSTRAINT "buyer_sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "buyer_ship_to" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"label" text NOT NULL,
	"name" text NOT NULL,
	"postal_code" text NOT NULL,
	"prefecture" text NOT NULL,
	"address1" text NOT NULL,
	"address2" text,
	"phone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "buyer_users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"password_hash" text,
	"disabled_at" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "b2b_orders" ADD CONSTRAINT "b2b_orders_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_orders" ADD CONSTRAINT "b2b_orders_company_id_buyer_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."buyer_companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_orders" ADD CONSTRAINT "b2b_orders_buyer_user_id_buyer_users_id_fk" FOREIGN KEY ("buyer_user_id") REFERENCES "public"."buyer_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_orders" ADD CONSTRAINT "b2b_orders_ship_to_id_buyer_ship_to_id_fk" FOREIGN KEY ("ship_to_id") REFERENCES "public"."buyer_ship_to"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_orders" ADD CONSTRAINT "b2b_orders_cancel_decided_by_users_id_fk" FOREIGN KEY ("cancel_decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_settings" ADD CONSTRAINT "b2b_settings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_settings" ADD CONSTRAINT "b2b_settings_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyer_companies" ADD CONSTRAINT "buyer_companies_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyer_company_mail_destinations" ADD CONSTRAINT "buyer_company_mail_destinations_company_id_buyer_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."buyer_companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyer_invitations" ADD CONSTRAINT "buyer_invitations_buyer_user_id_buyer_users_id_fk" FOREIGN KEY ("buyer_user_id") REFERENCES "public"."buyer_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyer_invitations" ADD CONSTRAINT "buyer_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyer_prices" ADD CONSTRAINT "buyer_prices_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyer_prices" ADD CONSTRAINT "buyer_prices_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyer_prices" ADD CONSTRAINT "buyer_prices_company_id_buyer_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."buyer_companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyer_sessions" ADD CONSTRAINT "buyer_sessions_buyer_user_id_buyer_users_id_fk" FOREIGN KEY ("buyer_user_id") REFERENCES "public"."buyer_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyer_ship_to" ADD CONSTRAINT "buyer_ship_to_company_id_buyer_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."buyer_companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyer_users" ADD CONSTRAINT "buyer_users_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyer_users" ADD CONSTRAINT "buyer_users_company_id_buyer_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."buyer_companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "b2b_orders_company_idx" ON "b2b_orders" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "b2b_orders_cancel_requested_idx" ON "b2b_orders" USING btree ("account_id") WHERE "b2b_orders"."cancel_request_status" = 'requested';--> statement-breakpoint
CREATE UNIQUE INDEX "buyer_companies_code_key" ON "buyer_companies" USING btree ("account_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "buyer_company_mail_destinations_key" ON "buyer_company_mail_destinations" USING btree ("company_id",lower("email"));--> statement-breakpoint
CREATE INDEX "buyer_invitations_user_idx" ON "buyer_invitations" USING btree ("buyer_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "buyer_prices_company_key" ON "buyer_prices" USING btree ("product_id","company_id") WHERE "buyer_prices"."company_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "buyer_prices_rank_key" ON "buyer_prices" USING btree ("account_id","rank","product_id") WHERE "buyer_prices"."rank" is not null;--> statement-breakpoint
CREATE INDEX "buyer_prices_company_idx" ON "buyer_prices" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "buyer_sessions_user_idx" ON "buyer_sessions" USING btree ("buyer_user_id");--> statement-breakpoint
CREATE INDEX "buyer_sessions_expires_idx" ON "buyer_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "buyer_ship_to_company_idx" ON "buyer_ship_to" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "buyer_users_email_key" ON "buyer_users" USING btree (lower("email")) WHERE "buyer_users"."disabled_at" is null;--> statement-breakpoint
CREATE INDEX "buyer_users_company_idx" ON "buyer_users" USING btree ("company_id");
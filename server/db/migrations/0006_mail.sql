CREATE TABLE "mail_categories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean NOT NULL,
	"trigger_kind" text NOT NULL,
	"trigger_status" text NOT NULL,
	"delay_minutes" integer DEFAULT 0 NOT NULL,
	"product_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_delay_not_negative" CHECK ("mail_categories"."delay_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "mail_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_transports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"shop_id" uuid,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"secure" boolean NOT NULL,
	"username" text,
	"password" jsonb,
	"from_address" text NOT NULL,
	"from_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_triggers" (
	"event_id" bigint PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"shipment_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mails" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"shop_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"template_id" uuid,
	"shipment_key" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"to_address" text NOT NULL,
	"from_address" text,
	"subject" text,
	"body" text,
	"message_id" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"note" text,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"resend_of" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shop_mail_settings" (
	"shop_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"enabled" boolean NOT NULL,
	"template_id" uuid,
	CONSTRAINT "shop_mail_settings_shop_id_category_id_pk" PRIMARY KEY("shop_id","category_id")
);
--> statement-breakpoint
ALTER TABLE "mail_categories" ADD CONSTRAINT "mail_categories_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_categories" ADD CONSTRAINT "mail_categories_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_templates" ADD CONSTRAINT "mail_templates_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_templates" ADD CONSTRAINT "mail_templates_category_id_mail_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."mail_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_transports" ADD CONSTRAINT "mail_transports_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_transports" ADD CONSTRAINT "mail_transports_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mails" ADD CONSTRAINT "mails_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mails" ADD CONSTRAINT "mails_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mails" ADD CONSTRAINT "mails_category_id_mail_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."mail_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_mail_settings" ADD CONSTRAINT "shop_mail_settings_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_mail_settings" ADD CONSTRAINT "shop_mail_settings_category_id_mail_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."mail_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_mail_settings" ADD CONSTRAINT "shop_mail_settings_template_id_mail_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."mail_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mail_categories_account_name_key" ON "mail_categories" USING btree ("account_id","name");--> statement-breakpoint
CREATE INDEX "mail_templates_category_idx" ON "mail_templates" USING btree ("category_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mail_transports_scope_key" ON "mail_transports" USING btree ("account_id",coalesce("shop_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE UNIQUE INDEX "mails_once_key" ON "mails" USING btree ("order_id","category_id","shipment_key") WHERE "mails"."resend_of" is null;--> statement-breakpoint
CREATE INDEX "mails_account_idx" ON "mails" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "mails_order_idx" ON "mails" USING btree ("order_id");--> statement-breakpoint
-- メール自動送信: every status change is written to the timeline; this keeps the ones a mail can follow,
-- in the same transaction, for the dispatcher to match against the mail categories.
CREATE FUNCTION "mail_trigger_from_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only what some enabled category of the account waits for: most changes need no mail.
  IF NOT EXISTS (
    SELECT 1 FROM "mail_categories" c
    WHERE c."account_id" = NEW.account_id AND c."enabled"
      AND ((NEW.type = 'status_changed' AND c."trigger_kind" = 'order_status' AND c."trigger_status" = NEW.to_status)
        OR (NEW.type = 'shipment_status_changed' AND c."trigger_kind" = 'shipping_status' AND c."trigger_status" = NEW.detail->>'to'))
  ) THEN
    RETURN NEW;
  END IF;
  IF NEW.type = 'status_changed' AND NEW.to_status IS NOT NULL THEN
    INSERT INTO "mail_triggers" ("event_id", "order_id", "account_id", "kind", "status", "shipment_id", "at")
    VALUES (NEW.id, NEW.order_id, NEW.account_id, 'order_status', NEW.to_status, NULL, NEW.at);
  ELSIF NEW.type = 'shipment_status_changed' AND NEW.detail ? 'to' AND NEW.detail ? 'shipmentId' THEN
    INSERT INTO "mail_triggers" ("event_id", "order_id", "account_id", "kind", "status", "shipment_id", "at")
    VALUES (NEW.id, NEW.order_id, NEW.account_id, 'shipping_status', NEW.detail->>'to', (NEW.detail->>'shipmentId')::uuid, NEW.at);
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "mail_trigger_from_event" AFTER INSERT ON "order_events" FOR EACH ROW EXECUTE FUNCTION "mail_trigger_from_event"();

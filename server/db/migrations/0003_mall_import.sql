CREATE TABLE "import_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"shop_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"window_from" timestamp with time zone NOT NULL,
	"window_to" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"test_import" boolean NOT NULL,
	"found" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shop_imports" (
	"shop_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"cursor_at" timestamp with time zone,
	"next_run_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"lease_token" text
);
--> statement-breakpoint
CREATE TABLE "stock_pushes" (
	"shop_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"mall_item_code" text NOT NULL,
	"mall_sku_code" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stock_pushes_shop_id_mall_item_code_mall_sku_code_pk" PRIMARY KEY("shop_id","mall_item_code","mall_sku_code")
);
--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "shipping_fee" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "total" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "shipment_id" uuid;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "selected_choice" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "mall_line_id" text;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "mall_variant_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "fees" integer DEFAULT 0;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "coupon_discount" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "points_used" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "desired_delivery_date" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "desired_time_slot" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "mall_status" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "mall_status_label" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "mall_payment_label" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "mall_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "mall_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "test_import" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "test_processed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "mall_package_id" text;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "ship_to" jsonb;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "mall_shipping_id" text;--> statement-breakpoint
ALTER TABLE "shops" ADD COLUMN "credentials_expire_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_imports" ADD CONSTRAINT "shop_imports_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_pushes" ADD CONSTRAINT "stock_pushes_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_runs_shop_idx" ON "import_runs" USING btree ("shop_id","started_at");--> statement-breakpoint
CREATE INDEX "shop_imports_due_idx" ON "shop_imports" USING btree ("next_run_at");--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_mall_recheck_idx" ON "orders" USING btree ("shop_id","mall_checked_at") WHERE "orders"."source" = 'import' and "orders"."deleted_at" is null;--> statement-breakpoint
-- Orders registered before this had one shipment carrying every line.
UPDATE "order_items" SET "shipment_id" = (SELECT s."id" FROM "shipments" s WHERE s."order_id" = "order_items"."order_id" ORDER BY s."created_at", s."id" LIMIT 1) WHERE "shipment_id" IS NULL;
--> statement-breakpoint
-- System tags added with mall import, for accounts made before it (new accounts get them at creation).
INSERT INTO "tags" ("id", "account_id", "kind", "system_code", "name", "color", "hold")
SELECT gen_random_uuid(), a."id", 'system', t.code, t.name, t.color, true
FROM "accounts" a CROSS JOIN (VALUES
  ('amount_undetermined', '金額未確定', '#f0ad4e'),
  ('mall_order_changed', 'モール側で明細変更', '#f0ad4e'),
  ('mall_cancelled', 'モール側キャンセル', '#d9534f')
) AS t(code, name, color)
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- 在庫連動: every change of a product's stock, whichever use case makes it, marks the mall items mapped
-- to it in the same transaction; the stock-push job sends each marked item once however often it changed.
CREATE FUNCTION "stock_mark_mall_items"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.on_hand = OLD.on_hand AND NEW.allocated = OLD.allocated THEN
    RETURN NEW;
  END IF;
  INSERT INTO "stock_pushes" ("shop_id", "account_id", "mall_item_code", "mall_sku_code", "changed_at")
  -- clock_timestamp, not now(): a transaction that began earlier but marks later must stamp a later
  -- time, or the push that read the earlier mark would delete this one with it.
  SELECT m."shop_id", m."account_id", m."mall_item_code", m."mall_sku_code", clock_timestamp()
  FROM "product_mapping_components" c
  JOIN "product_mappings" m ON m."id" = c."mapping_id"
  JOIN "shops" s ON s."id" = m."shop_id"
  WHERE c."product_id" = NEW."product_id" AND s."channel" = 'rakuten'
  ON CONFLICT ("shop_id", "mall_item_code", "mall_sku_code") DO UPDATE SET "changed_at" = excluded."changed_at";
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "stock_changed" AFTER INSERT OR UPDATE ON "stock" FOR EACH ROW EXECUTE FUNCTION "stock_mark_mall_items"();

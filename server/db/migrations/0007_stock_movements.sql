CREATE TABLE "stock_movements" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on_hand_delta" integer DEFAULT 0 NOT NULL,
	"allocated_delta" integer DEFAULT 0 NOT NULL,
	"order_id" uuid,
	"shipment_id" uuid,
	"actor" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stock_movements_product_idx" ON "stock_movements" USING btree ("product_id","warehouse_id","id");--> statement-breakpoint
CREATE INDEX "orders_unpaid_idx" ON "orders" USING btree ("ordered_at") WHERE "orders"."paid_at" is null and "orders"."deleted_at" is null and "orders"."status" in ('new', 'awaiting_confirmation', 'confirmed') and "orders"."payment_method" in ('bank_transfer', 'convenience_store', 'postal_transfer');--> statement-breakpoint
-- テスト取込 orders hold no stock: what those imported before this change reserved goes back.
UPDATE "stock" s SET "allocated" = s."allocated" - h."qty"
FROM (
  SELECT a."product_id", a."warehouse_id", sum(a."allocated")::int AS "qty"
  FROM "allocations" a
  JOIN "shipments" sh ON sh."id" = a."shipment_id"
  JOIN "orders" o ON o."id" = sh."order_id"
  WHERE o."test_import" AND sh."status" IN ('allocating', 'allocated', 'awaiting_shipment')
  GROUP BY 1, 2
) h
WHERE s."product_id" = h."product_id" AND s."warehouse_id" = h."warehouse_id";--> statement-breakpoint
DELETE FROM "allocations" a USING "shipments" sh, "orders" o
WHERE sh."id" = a."shipment_id" AND o."id" = sh."order_id" AND o."test_import"
  AND sh."status" IN ('allocating', 'allocated', 'awaiting_shipment');--> statement-breakpoint
-- The history starts from what each stock row holds now, so 在庫 = the sum of its movements from here on.
INSERT INTO "stock_movements" ("account_id", "product_id", "warehouse_id", "kind", "on_hand_delta", "allocated_delta", "actor", "at")
SELECT "account_id", "product_id", "warehouse_id", 'opening', "on_hand", "allocated", 'system:migration', now()
FROM "stock"
WHERE "on_hand" <> 0 OR "allocated" <> 0;--> statement-breakpoint
INSERT INTO "tags" ("id", "account_id", "kind", "system_code", "name", "color", "hold")
SELECT gen_random_uuid(), a."id", 'system', 'stock_short', '在庫不足', '#f0ad4e', false
FROM "accounts" a
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- A parcel shipping lowers 在庫 and 引当 alike: what the mall may sell (在庫 − 引当) is unchanged, so no push.
CREATE OR REPLACE FUNCTION "stock_mark_mall_items"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.on_hand - NEW.allocated = OLD.on_hand - OLD.allocated THEN
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
$$;

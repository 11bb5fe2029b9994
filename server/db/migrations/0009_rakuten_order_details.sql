ALTER TABLE "order_items" ADD COLUMN "mall_item_number" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "buyer_email_masked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "shop_coupon_discount" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "mall_coupon_discount" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "fee_breakdown" jsonb;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "wrappings" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "gift" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "tax_summary" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "temperature" text;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "pickup_point" jsonb;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "drop_off_location" text;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "noshi" text;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "remote_island" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "chosen_carrier" jsonb;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "address_pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_temperature_known" CHECK ("shipments"."temperature" in ('chilled', 'frozen'));--> statement-breakpoint
-- The system tag for social gifts waiting for their address, for accounts made before it.
INSERT INTO "tags" ("id", "account_id", "kind", "system_code", "name", "color", "hold")
SELECT gen_random_uuid(), a."id", 'system', 'gift_address_pending', '住所未確定(ソーシャルギフト)', '#f0ad4e', true
FROM "accounts" a
ON CONFLICT DO NOTHING;

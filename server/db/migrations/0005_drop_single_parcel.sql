ALTER TABLE "shipments" DROP COLUMN "mall_shipping_id";--> statement-breakpoint
ALTER TABLE "shipments" DROP COLUMN "carrier";--> statement-breakpoint
ALTER TABLE "shipments" DROP COLUMN "tracking_number";--> statement-breakpoint
-- The system tag added with warehouse results, for accounts made before it.
INSERT INTO "tags" ("id", "account_id", "kind", "system_code", "name", "color", "hold")
SELECT gen_random_uuid(), a."id", 'system', 'warehouse_unshippable', '倉庫出荷不可', '#d9534f', true
FROM "accounts" a
ON CONFLICT DO NOTHING;

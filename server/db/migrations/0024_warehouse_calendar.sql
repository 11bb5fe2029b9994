ALTER TABLE "warehouses" ADD COLUMN "calendar" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "calendar_ship_date" text;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "expected_delivery_date" text;
CREATE SEQUENCE IF NOT EXISTS "shipment_slip_numbers";--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "slip_number" text DEFAULT ('J' || lpad(nextval('shipment_slip_numbers')::text, 10, '0')) NOT NULL;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "warehouse_reference" text;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "planned_ship_date" text;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "consolidation_id" uuid;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "parcels" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "unshippable_reason" text;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "mall_reported_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "warehouses" ADD COLUMN "credentials" jsonb;--> statement-breakpoint
ALTER TABLE "warehouses" ADD COLUMN "settings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "warehouses" ADD COLUMN "results_cursor" text;--> statement-breakpoint
ALTER TABLE "warehouses" ADD COLUMN "results_polled_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_slip_number_key" ON "shipments" USING btree ("slip_number");--> statement-breakpoint
CREATE INDEX "shipments_warehouse_reference_idx" ON "shipments" USING btree ("warehouse_id","warehouse_reference");--> statement-breakpoint
CREATE INDEX "shipments_status_idx" ON "shipments" USING btree ("account_id","status");--> statement-breakpoint
CREATE INDEX "shipments_consolidation_idx" ON "shipments" USING btree ("consolidation_id");--> statement-breakpoint
UPDATE "shipments" SET "parcels" = jsonb_build_array(jsonb_build_object('carrier', coalesce("carrier", 'other'), 'trackingNumber', "tracking_number", 'mallShippingId', "mall_shipping_id")) WHERE "tracking_number" IS NOT NULL;
ALTER TABLE "products" ADD COLUMN "shipping_service" text DEFAULT 'standard' NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "temperature" text DEFAULT 'ambient' NOT NULL;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "shipping_service" text;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_shipping_service_known" CHECK ("products"."shipping_service" in ('standard', 'compact', 'mailbox', 'time_10', 'time_17', 'recipient_pays'));--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_temperature_known" CHECK ("products"."temperature" in ('ambient', 'chilled', 'frozen'));--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_shipping_service_known" CHECK ("shipments"."shipping_service" in ('standard', 'compact', 'mailbox', 'time_10', 'time_17', 'recipient_pays'));
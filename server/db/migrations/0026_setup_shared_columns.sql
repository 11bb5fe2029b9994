ALTER TABLE "order_items" ADD COLUMN "option_amount" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "carrier" text;
ALTER TABLE "orders" ADD COLUMN "mall_values" jsonb;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;
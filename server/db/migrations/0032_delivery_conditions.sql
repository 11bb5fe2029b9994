ALTER TABLE "products" ADD COLUMN "warehouse_id" uuid;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "carrier" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "lead_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "time_slots" text[];--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "product_lead_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_carrier_known" CHECK ("products"."carrier" in ('yamato', 'sagawa', 'japanpost', 'other'));--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_lead_days_range" CHECK ("products"."lead_days" between 0 and 60);--> statement-breakpoint
-- System tags of the delivery conditions, for accounts made before them (new accounts get them at creation).
INSERT INTO "tags" ("id", "account_id", "kind", "system_code", "name", "color", "hold")
SELECT gen_random_uuid(), a."id", 'system', t.code, t.name, t.color, t.hold
FROM "accounts" a CROSS JOIN (VALUES
  ('time_slot_unavailable', '時間帯指定不可', '#f0ad4e', true),
  ('delivery_conditions_conflict', '配送条件の不一致', '#f0ad4e', true)
) AS t(code, name, color, hold)
ON CONFLICT DO NOTHING;

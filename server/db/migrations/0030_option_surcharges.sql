CREATE TABLE "option_surcharges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"shop_id" uuid NOT NULL,
	"mall_item_code" text DEFAULT '' NOT NULL,
	"option_name" text NOT NULL,
	"choice" text NOT NULL,
	"amount" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "option_surcharges_amount_range" CHECK ("option_surcharges"."amount" between -9999999 and 9999999)
);
--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "options" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "option_surcharges" ADD CONSTRAINT "option_surcharges_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "option_surcharges" ADD CONSTRAINT "option_surcharges_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "option_surcharges_key" ON "option_surcharges" USING btree ("shop_id","mall_item_code","option_name","choice");--> statement-breakpoint
CREATE INDEX "option_surcharges_account_idx" ON "option_surcharges" USING btree ("account_id");--> statement-breakpoint
-- 請求金額不一致, for accounts made before it (new accounts get it at creation).
INSERT INTO "tags" ("id", "account_id", "kind", "system_code", "name", "color", "hold")
SELECT gen_random_uuid(), a."id", 'system', 'total_mismatch', '請求金額不一致', '#d9534f', true
FROM "accounts" a
ON CONFLICT DO NOTHING;

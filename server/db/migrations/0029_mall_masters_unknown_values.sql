ALTER TABLE "orders" ADD COLUMN "unknown_mall_values" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "shops" ADD COLUMN "masters" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- The system tags for values a mall sends that Juchu does not know, for accounts made before them.
INSERT INTO "tags" ("id", "account_id", "kind", "system_code", "name", "color", "hold")
SELECT gen_random_uuid(), a."id", 'system', 'unknown_mall_value', '未登録のモール値', '#d9534f', true
FROM "accounts" a
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "tags" ("id", "account_id", "kind", "system_code", "name", "color", "hold")
SELECT gen_random_uuid(), a."id", 'system', 'unknown_mall_value_notice', '未登録のモール値(確認のみ)', '#5bc0de', false
FROM "accounts" a
ON CONFLICT DO NOTHING;

ALTER TABLE "shops" ADD COLUMN "setup_checklist" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- A shop already syncing was set up before the checklist existed: its items stand confirmed by システム,
-- so the gate never stops it (and switching sync off and on again does not ask for them).
UPDATE "shops" SET "setup_checklist" = (
  SELECT jsonb_object_agg(item, jsonb_build_object('by', 'system:migration', 'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')))
  FROM unnest(ARRAY['shop_info','calendar','masters','product_import','delivery_conditions','options','customer_ranks','test_import_checked','mails_previewed']) AS item
) WHERE ("settings"->>'syncEnabled')::boolean;

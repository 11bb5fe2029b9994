-- The import cursor becomes the channel's own opaque text; a date-window channel keeps the end of
-- its last saved window there, as ISO 8601 in UTC.
ALTER TABLE "shop_imports" ADD COLUMN "cursor" text;--> statement-breakpoint
UPDATE "shop_imports" SET "cursor" = to_char("cursor_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') WHERE "cursor_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "shop_imports" DROP COLUMN "cursor_at";

ALTER TABLE "mail_categories" ADD COLUMN "priority" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_runs" ADD COLUMN "failed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_runs" ADD COLUMN "seen" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_categories" ADD CONSTRAINT "mail_priority_range" CHECK ("mail_categories"."priority" between 0 and 100);--> statement-breakpoint
-- Runs logged before: each error naming an order was one order not written; what was read is the sum.
UPDATE "import_runs" SET
  "failed" = (SELECT count(*) FROM jsonb_array_elements("errors") e WHERE e ? 'mallOrderNumber'),
  "seen" = "created" + "updated" + "unchanged" + "skipped"
    + (SELECT count(*) FROM jsonb_array_elements("errors") e WHERE e ? 'mallOrderNumber');--> statement-breakpoint
-- System tag 出荷取下げ不可 (a mall-side cancel the warehouse could not stop), for accounts made before it
-- (new accounts get it at creation).
INSERT INTO "tags" ("id", "account_id", "kind", "system_code", "name", "color", "hold")
SELECT gen_random_uuid(), a."id", 'system', 'withdrawal_refused', '出荷取下げ不可', '#d9534f', true
FROM "accounts" a
ON CONFLICT DO NOTHING;

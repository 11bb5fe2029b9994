ALTER TABLE "import_runs" ADD COLUMN "failed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_runs" ADD COLUMN "seen" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Runs logged before: each error naming an order was one order not written; what was read is the sum.
UPDATE "import_runs" SET
  "failed" = (SELECT count(*) FROM jsonb_array_elements("errors") e WHERE e ? 'mallOrderNumber'),
  "seen" = "created" + "updated" + "unchanged" + "skipped"
    + (SELECT count(*) FROM jsonb_array_elements("errors") e WHERE e ? 'mallOrderNumber');

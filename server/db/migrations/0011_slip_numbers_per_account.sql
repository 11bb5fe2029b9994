CREATE TABLE "login_attempts" (
	"key" text PRIMARY KEY NOT NULL,
	"attempts" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "login_attempts_window_idx" ON "login_attempts" USING btree ("window_started_at");--> statement-breakpoint
-- Each account numbers its slips from its own sequence, so no account can read another's shipment
-- volume from the gaps between its own numbers; a sequence never waits on another transaction.
CREATE FUNCTION "slip_sequence_of"("account" uuid) RETURNS text LANGUAGE sql IMMUTABLE
  AS $$ SELECT 'slip_numbers_' || replace("account"::text, '-', '') $$;--> statement-breakpoint
CREATE FUNCTION "create_slip_sequence"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I', slip_sequence_of(NEW.id));
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "accounts_slip_sequence" AFTER INSERT ON "accounts"
  FOR EACH ROW EXECUTE FUNCTION "create_slip_sequence"();--> statement-breakpoint
CREATE FUNCTION "number_slip"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.slip_number IS NULL THEN
    NEW.slip_number := 'J' || lpad(nextval(slip_sequence_of(NEW.account_id)::regclass)::text, 10, '0');
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "shipments_slip_number" BEFORE INSERT ON "shipments"
  FOR EACH ROW EXECUTE FUNCTION "number_slip"();--> statement-breakpoint
-- Existing accounts go on after their own highest number: every number given so far stays as it is.
DO $$
DECLARE
  a record;
BEGIN
  FOR a IN
    SELECT "accounts"."id",
      (SELECT max(substr(s."slip_number", 2)::bigint) FROM "shipments" s
        WHERE s."account_id" = "accounts"."id" AND s."slip_number" ~ '^J[0-9]+$') AS "last"
    FROM "accounts"
  LOOP
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I', slip_sequence_of(a."id"));
    IF a."last" IS NOT NULL THEN
      PERFORM setval(slip_sequence_of(a."id")::regclass, a."last");
    END IF;
  END LOOP;
END $$;--> statement-breakpoint
ALTER TABLE "shipments" ALTER COLUMN "slip_number" SET DEFAULT null;--> statement-breakpoint
DROP SEQUENCE "shipment_slip_numbers";--> statement-breakpoint
DROP INDEX "shipments_slip_number_key";--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_slip_number_key" ON "shipments" USING btree ("account_id","slip_number");

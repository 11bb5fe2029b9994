CREATE TABLE "webhook_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"delivery_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"status_code" integer,
	"duration_ms" integer NOT NULL,
	"error" text,
	"response_body" text
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_status_code" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_deliveries_status_known" CHECK ("webhook_deliveries"."status" in ('pending', 'succeeded', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"url" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"events" text[] NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"disabled_reason" text,
	"secret" jsonb NOT NULL,
	"previous_secret" jsonb,
	"previous_secret_until" timestamp with time zone,
	"secret_rotated_at" timestamp with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"account_id" uuid NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL,
	"endpoint_id" uuid,
	"dispatched_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_webhook_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_event_id_webhook_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."webhook_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_attempts_delivery_idx" ON "webhook_attempts" USING btree ("delivery_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_once_key" ON "webhook_deliveries" USING btree ("endpoint_id","event_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint_idx" ON "webhook_deliveries" USING btree ("endpoint_id","created_at","id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_status_idx" ON "webhook_deliveries" USING btree ("endpoint_id","status");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_account_idx" ON "webhook_endpoints" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "webhook_events_undispatched_idx" ON "webhook_events" USING btree ("seq") WHERE "webhook_events"."dispatched_at" is null;--> statement-breakpoint
-- Webhooks: the order and shipment status changes some enabled endpoint of the account subscribes to,
-- kept in the outbox in the same transaction as the change. Once per statement: a batch writes
-- thousands of timeline entries in one INSERT, and most accounts have no endpoint at all.
CREATE FUNCTION "webhook_events_from_order_events"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "webhook_endpoints" w
    WHERE w."enabled" AND w."account_id" IN (SELECT DISTINCT account_id FROM new_events)
  ) THEN
    RETURN NULL;
  END IF;
  INSERT INTO "webhook_events" ("id", "account_id", "type", "at", "data")
  SELECT gen_random_uuid(), e.account_id, t.type, e.at,
    jsonb_build_object('orderId', e.order_id, 'mallOrderNumber', o.mall_order_number, 'shopId', o.shop_id) || t.data
  FROM new_events e
  -- テスト取込 orders tell nobody outside: no mail, no warehouse, no mall, no webhook.
  JOIN "orders" o ON o.id = e.order_id AND NOT o.test_import
  CROSS JOIN LATERAL (
    SELECT 'order.status_changed' AS type,
      jsonb_build_object('status', e.to_status, 'previousStatus', e.from_status) AS data
    WHERE e.type = 'status_changed' AND e.to_status IS NOT NULL
    UNION ALL
    SELECT 'order.cancelled', jsonb_build_object('status', e.to_status, 'previousStatus', e.from_status)
    WHERE e.type = 'status_changed' AND e.to_status = 'cancelled'
    UNION ALL
    SELECT k.type, jsonb_build_object(
      'shipmentId', s.id, 'slipNumber', s.slip_number,
      'status', e.detail->>'to', 'previousStatus', e.detail->>'from', 'parcels', s.parcels)
    FROM "shipments" s
    CROSS JOIN (VALUES ('shipment.status_changed'), ('shipment.shipped')) k(type)
    WHERE e.type = 'shipment_status_changed' AND e.detail ? 'to' AND e.detail ? 'shipmentId'
      AND s.id = (e.detail->>'shipmentId')::uuid
      AND (k.type = 'shipment.status_changed' OR e.detail->>'to' = 'shipped')
  ) t
  WHERE EXISTS (
    SELECT 1 FROM "webhook_endpoints" w
    WHERE w."account_id" = e.account_id AND w."enabled" AND t.type = ANY(w."events")
  )
  -- seq follows the timeline: one transaction's events share their time.
  ORDER BY e.id, t.type;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "webhook_events_from_order_events" AFTER INSERT ON "order_events" REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION "webhook_events_from_order_events"();

-- メール自動送信's triggers kept once per statement over all the rows it inserted, not once per row:
-- a batch writes thousands of timeline entries in one INSERT, and a row trigger ran a query for each.
DROP TRIGGER "mail_trigger_from_event" ON "order_events";--> statement-breakpoint
CREATE OR REPLACE FUNCTION "mail_trigger_from_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only what some enabled category of the account waits for: most changes need no mail.
  INSERT INTO "mail_triggers" ("event_id", "order_id", "account_id", "kind", "status", "shipment_id", "at")
  SELECT e.id, e.order_id, e.account_id, t.kind, t.status, t.shipment_id, e.at
  FROM new_events e
  CROSS JOIN LATERAL (
    SELECT 'order_status' AS kind, e.to_status AS status, NULL::uuid AS shipment_id
    WHERE e.type = 'status_changed' AND e.to_status IS NOT NULL
    UNION ALL
    SELECT 'shipping_status', e.detail->>'to', (e.detail->>'shipmentId')::uuid
    WHERE e.type = 'shipment_status_changed' AND e.detail ? 'to' AND e.detail ? 'shipmentId'
  ) t
  WHERE EXISTS (
    SELECT 1 FROM "mail_categories" c
    WHERE c."account_id" = e.account_id AND c."enabled"
      AND c."trigger_kind" = t.kind AND c."trigger_status" = t.status
  );
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "mail_trigger_from_event" AFTER INSERT ON "order_events" REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION "mail_trigger_from_event"();

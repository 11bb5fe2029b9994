DROP INDEX "order_tags_tag_idx";--> statement-breakpoint
DROP INDEX "shipments_status_idx";--> statement-breakpoint
CREATE INDEX "orders_completed_list_idx" ON "orders" USING btree ("account_id","ordered_at","id") WHERE "orders"."status" = 'completed' and "orders"."deleted_at" is null and "orders"."test_processed_at" is null;--> statement-breakpoint
CREATE INDEX "order_tags_tag_idx" ON "order_tags" USING btree ("tag_id","order_id");--> statement-breakpoint
CREATE INDEX "shipments_status_idx" ON "shipments" USING btree ("account_id","status","order_id");
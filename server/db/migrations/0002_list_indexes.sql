CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "orders_list_idx";--> statement-breakpoint
DROP INDEX "orders_status_list_idx";--> statement-breakpoint
CREATE INDEX "orders_search_idx" ON "orders" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "orders_list_idx" ON "orders" USING btree ("account_id","ordered_at","id");--> statement-breakpoint
CREATE INDEX "orders_status_list_idx" ON "orders" USING btree ("account_id","status","ordered_at","id");
CREATE TABLE "inquiries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"shop_id" uuid NOT NULL,
	"inquiry_number" text NOT NULL,
	"mall_order_number" text,
	"order_id" uuid,
	"buyer_name" text NOT NULL,
	"message" text NOT NULL,
	"category" text,
	"cancel_requested" boolean NOT NULL,
	"thread" jsonb NOT NULL,
	"read" boolean NOT NULL,
	"completed" boolean NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"decision" jsonb,
	"action" text,
	"action_note" text,
	"acted_at" timestamp with time zone,
	"reply_state" text DEFAULT 'none' NOT NULL,
	"reply_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inquiry_imports" (
	"shop_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"cursor" text,
	"next_run_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"lease_token" text,
	"last_error" text,
	"last_run_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_imports" ADD CONSTRAINT "inquiry_imports_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inquiries_shop_number_key" ON "inquiries" USING btree ("shop_id","inquiry_number");--> statement-breakpoint
CREATE INDEX "inquiries_account_received_idx" ON "inquiries" USING btree ("account_id","received_at","id");--> statement-breakpoint
CREATE INDEX "inquiries_order_idx" ON "inquiries" USING btree ("order_id");--> statement-breakpoint
-- System tags of the inquiry cancel linkage, for accounts made before it (new accounts get them at creation).
INSERT INTO "tags" ("id", "account_id", "kind", "system_code", "name", "color", "hold")
SELECT gen_random_uuid(), a."id", 'system', t.code, t.name, t.color, t.hold
FROM "accounts" a CROSS JOIN (VALUES
  ('inquiry_cancel_requested', 'キャンセル希望', '#f0ad4e', true),
  ('inquiry_cancel_not_stopped', 'キャンセル希望(出荷停止不可)', '#d9534f', true),
  ('inquiry_cancel_shipped', 'キャンセル希望(出荷済)', '#d9534f', false)
) AS t(code, name, color, hold)
ON CONFLICT DO NOTHING;

-- System tag 出荷取下げ不可 (a mall-side cancel the warehouse could not stop), for accounts made before it
-- (new accounts get it at creation).
INSERT INTO "tags" ("id", "account_id", "kind", "system_code", "name", "color", "hold")
SELECT gen_random_uuid(), a."id", 'system', 'withdrawal_refused', '出荷取下げ不可', '#d9534f', true
FROM "accounts" a
ON CONFLICT DO NOTHING;

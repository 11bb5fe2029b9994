ALTER TABLE "orders" ADD COLUMN "search_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "tracking_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "orders_search_keys_idx" ON "orders" USING gin ("search_keys");--> statement-breakpoint
CREATE INDEX "shipments_tracking_keys_idx" ON "shipments" USING gin ("tracking_keys");--> statement-breakpoint
-- Backfill with the folding of server/domain/order-search.ts (foldText, foldCode, searchTextOf, searchKeysOf,
-- trackingKeysOf) written once more in SQL, for the orders already stored. カナ was never stored: older
-- orders are found by name, not by カナ.
CREATE FUNCTION pg_temp.fold_text(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT translate(regexp_replace(lower(normalize(coalesce(v, ''), NFKC)), '\s+', '', 'g'),
    'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶ',
    'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖ')
$$;--> statement-breakpoint
CREATE FUNCTION pg_temp.fold_code(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT regexp_replace(pg_temp.fold_text(v), '[-‐‑‒–—―−ーｰ()+]', '', 'g')
$$;--> statement-breakpoint
CREATE FUNCTION pg_temp.name_keys(v text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
  SELECT pg_temp.fold_text(v)
  UNION ALL SELECT pg_temp.fold_text(part) FROM regexp_split_to_table(coalesce(v, ''), '[\s　]+') part
  UNION ALL SELECT substr(pg_temp.fold_text(v), i, 2) FROM generate_series(1, length(pg_temp.fold_text(v)) - 1) i
$$;--> statement-breakpoint
UPDATE "orders" o SET "search_text" = f.text, "search_keys" = f.keys
FROM (
  SELECT o2.id,
    array_to_string(array(
      SELECT v FROM unnest(
        array[pg_temp.fold_text(o2.mall_order_number), pg_temp.fold_code(o2.mall_order_number)]
        || array(SELECT pg_temp.fold_text(o2.buyer_name) UNION ALL SELECT pg_temp.fold_text(t->>'name') FROM jsonb_array_elements(tos.a) t)
        || array[pg_temp.fold_text(o2.buyer_email)]
        || array(SELECT pg_temp.fold_code(o2.buyer_phone) UNION ALL SELECT pg_temp.fold_code(t->>'phone') FROM jsonb_array_elements(tos.a) t)
        || array(SELECT pg_temp.fold_code(t->>'postalCode') FROM jsonb_array_elements(tos.a) t)
        || array(SELECT pg_temp.fold_text(concat(t->>'prefecture', t->>'address1', t->>'address2')) FROM jsonb_array_elements(tos.a) t)
        || array(SELECT pg_temp.fold_text(i.name) FROM order_items i WHERE i.order_id = o2.id ORDER BY i.line_no)
      ) WITH ORDINALITY u(v, n) WHERE v <> '' GROUP BY v ORDER BY min(n)
    ), e'\n') AS text,
    array(
      SELECT DISTINCT k FROM jsonb_array_elements_text(jsonb_build_array(o2.buyer_name) || jsonb_path_query_array(tos.a, '$[*].name')) n(v),
        LATERAL pg_temp.name_keys(n.v) k WHERE k <> ''
      UNION
      SELECT w FROM unnest(
        array[pg_temp.fold_code(o2.mall_order_number), pg_temp.fold_text(o2.buyer_email), pg_temp.fold_code(o2.buyer_phone)]
        || array(SELECT pg_temp.fold_code(t->>'phone') FROM jsonb_array_elements(tos.a) t)
      ) w WHERE w <> ''
    ) AS keys
  FROM "orders" o2,
    LATERAL (SELECT jsonb_build_array(o2.ship_to) || coalesce(
      (SELECT jsonb_agg(s.ship_to ORDER BY s.created_at) FROM shipments s WHERE s.order_id = o2.id AND s.ship_to IS NOT NULL), '[]') AS a) tos
) f
WHERE f.id = o.id;--> statement-breakpoint
UPDATE "shipments" SET "tracking_keys" = array(
  SELECT DISTINCT pg_temp.fold_code(p->>'trackingNumber') FROM jsonb_array_elements("parcels") p WHERE coalesce(p->>'trackingNumber', '') <> ''
) WHERE jsonb_array_length("parcels") > 0;

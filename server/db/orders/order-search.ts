import { and, eq, type SQL, sql } from "drizzle-orm";
import { orders, shipments } from "#server/db/schema.ts";
import { searchQueryOf, TRIGRAM_MIN } from "#server/domain/order-search.ts";

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/**
 * The list's search box: one condition an index answers whatever was typed (research figures: a
 * two-kanji surname read every order). Three or more characters are a substring of the folded
 * search text (pg_trgm); fewer, and a whole e-mail, phone or order number, are a whole key (GIN over
 * the array: 鈴木, すず, 09012345678); a code is also a
 * 出荷番号 or 伝票番号 of one of the order's shipments, looked up once as an array of order ids.
 */
export function searchCondition(accountId: string, typed: string): SQL {
  const q = searchQueryOf(typed);
  if (!q) return sql`false`;
  const arms: SQL[] = [
    q.text.length >= TRIGRAM_MIN && !q.whole
      ? sql`${orders.searchText} like ${likePattern(q.text)}`
      : sql`${orders.searchKeys} @> array[${q.text}]::text[]`,
  ];
  if (q.code) {
    const byShipment = sql`select ${shipments.orderId} from ${shipments} where ${and(
      eq(shipments.accountId, accountId),
      sql`(${shipments.slipNumber} = ${q.code.toUpperCase()} or ${shipments.trackingKeys} @> array[${q.code}]::text[])`,
    )}`;
    arms.push(sql`${orders.id} = any(array(${byShipment}))`);
  }
  return arms.length === 1 ? (arms[0] as SQL) : sql`(${sql.join(arms, sql` or `)})`;
}

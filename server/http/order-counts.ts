import { createRoute, z } from "@hono/zod-openapi";
import { type SQL, sql } from "drizzle-orm";
import type { AppContext } from "#server/app/context.ts";
import type { Db } from "#server/db/database.ts";
import { orderFilter } from "#server/db/orders/order-filter.ts";
import { orders } from "#server/db/schema.ts";
import { ORDER_STATUS_LABELS, ORDER_STATUSES } from "#server/domain/order-status.ts";
import type { JuchuApi } from "./app.ts";
import { COUNT_CAP } from "./list-orders.ts";
import { errorResponses, json, requires } from "./openapi.ts";
import { type OrderListQuery, orderListQuerySchema } from "./order-schemas.ts";

const countSchema = z.object({
  count: z.int(),
  capped: z.boolean().describe(`true なら ${COUNT_CAP} 件以上(数え切らない)`),
});

const countsQuerySchema = orderListQuerySchema.omit({ status: true, sort: true, limit: true, cursor: true });

/** Counting stops at COUNT_CAP per status, so each tab costs at most one capped index range. */
export async function countByStatus(db: Db, accountId: string, query: OrderListQuery) {
  const filtered = orderFilter(db, accountId, { ...query, status: undefined });
  const capped = (extra: SQL) =>
    sql`(select count(*)::int from (select 1 from ${orders} where ${filtered} and ${extra} limit ${COUNT_CAP + 1}) c)`;
  const columns = ORDER_STATUSES.map(
    (s, i) => sql`${capped(sql`${orders.status} = ${s}`)} as ${sql.raw(`s${i}`)}`,
  );
  const result = await db.execute(sql`select ${capped(sql`true`)} as all, ${sql.join(columns, sql`, `)}`);
  const row = (result as unknown as { rows: Record<string, number>[] }).rows[0] ?? {};
  const present = (n: number | undefined) => ({
    count: Math.min(n ?? 0, COUNT_CAP),
    capped: (n ?? 0) > COUNT_CAP,
  });
  return {
    all: present(row.all),
    items: ORDER_STATUSES.map((status, i) => ({
      status,
      statusLabel: ORDER_STATUS_LABELS[status],
      ...present(row[`s${i}`]),
    })),
  };
}

export function registerOrderCountRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orders/counts",
      summary: "注文ステータスごとの件数(受注一覧のタブ用)",
      description: `受注一覧と同じ絞り込み(status以外)で数えます。各ステータス${COUNT_CAP}件で数えるのをやめます。`,
      ...requires("orders:read"),
      request: { query: countsQuerySchema },
      responses: {
        200: json(
          z.object({
            all: countSchema,
            items: z.array(countSchema.extend({ status: z.enum(ORDER_STATUSES), statusLabel: z.string() })),
          }),
          "ステータスごとの件数",
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await countByStatus(ctx.db, c.get("auth").accountId, c.req.valid("query")), 200),
  );
}

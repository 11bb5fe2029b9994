import { createRoute, z } from "@hono/zod-openapi";
import type { AppContext } from "#server/app/context.ts";
import { customerDetail, listCustomers } from "#server/app/customers/list-customers.ts";
import { uuid } from "#server/domain/fields.ts";
import { ORDER_STATUS_LABELS, ORDER_STATUSES, type OrderStatus } from "#server/domain/order-status.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";

const customerFields = {
  id: uuid(),
  name: z.string().describe("最新の注文の購入者名"),
  email: z.string().nullable().describe("購入者のメールアドレス(モールの中継アドレスは含めない)"),
  phone: z.string().nullable(),
  postalCode: z.string().nullable().describe("最新の注文の送付先郵便番号"),
  rank: z.string().nullable().describe("いまの顧客ランク(顧客ランク設定)。null はランクなし"),
  lastOrderedAt: z.string(),
  orderCount: z.int().describe("購入回数(キャンセル・削除・テスト取込の注文を除く)"),
  amount: z.int().describe("購入金額の合計(円、同上)"),
};
const customerSchema = z.object(customerFields).openapi("Customer");
const customerDetailSchema = z
  .object({
    ...customerFields,
    orders: z.array(
      z.object({
        id: uuid(),
        mallOrderNumber: z.string(),
        shopName: z.string(),
        orderedAt: z.string(),
        status: z.enum(ORDER_STATUSES),
        statusLabel: z.string(),
        total: z.int().nullable(),
        customerRank: z.string().nullable().describe("注文時の顧客ランク"),
        testImport: z.boolean(),
      }),
    ),
  })
  .openapi("CustomerDetail");

const listQuery = z.object({
  q: z.string().max(100, "qは100文字までです").optional().describe("氏名・メールアドレス・電話番号の一部"),
  rank: z.string().max(30).optional().describe("顧客ランク名。空文字はランクなしの顧客"),
  limit: z.coerce
    .number("limitは整数です")
    .int("limitは整数です")
    .min(1, "limitは1以上です")
    .max(200, "limitは200までです")
    .optional(),
  cursor: z.string().max(200).optional(),
});

const iso = <T extends { lastOrderedAt: Date }>(c: T) => ({
  ...c,
  lastOrderedAt: toTokyoIso(c.lastOrderedAt),
});

/** 顧客: buyers recognised across orders, with what they bought. Customer data is order data. */
export function registerCustomerRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/customers",
      summary: "顧客一覧",
      description:
        "注文の購入者を、メールアドレス・電話番号・氏名+郵便番号で同じ人とみなしてまとめた一覧。最後の注文が新しい順。",
      ...requires("orders:read"),
      request: { query: listQuery },
      responses: {
        200: json(z.object({ items: z.array(customerSchema), nextCursor: z.string().nullable() }), "顧客"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const page = await listCustomers(ctx.db, c.get("auth").accountId, c.req.valid("query"));
      return c.json({ items: page.items.map(iso), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/customers/{id}",
      summary: "顧客の詳細と注文",
      description: "削除した注文を除く、新しい順の注文(最大200件)。",
      ...requires("orders:read"),
      request: { params: z.object({ id: uuid("IDはUUIDです") }) },
      responses: { 200: json(customerDetailSchema, "顧客"), ...errorResponses },
    }),
    async (c) => {
      const found = await customerDetail(ctx.db, c.get("auth").accountId, c.req.valid("param").id);
      return c.json(
        {
          ...iso(found),
          orders: found.orders.map((o) => ({
            ...o,
            status: o.status as OrderStatus,
            statusLabel: ORDER_STATUS_LABELS[o.status as OrderStatus],
            orderedAt: toTokyoIso(o.orderedAt),
          })),
        },
        200,
      );
    },
  );
}

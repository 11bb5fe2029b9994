import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { buyerCatalogue } from "#server/app/b2b/buyer-catalogue.ts";
import { buyerOrderDetail, listBuyerOrders } from "#server/app/b2b/buyer-orders.ts";
import { listShipTo } from "#server/app/b2b/company-contacts.ts";
import { placeB2bOrder } from "#server/app/b2b/place-order.ts";
import type { AppContext } from "#server/app/context.ts";
import { CANCEL_REASONS } from "#server/domain/b2b/cancel-request.ts";
import { BUYER_ORDER_STATUS_LABELS } from "#server/domain/b2b/price-list.ts";
import { uuid } from "#server/domain/fields.ts";
import { iso, placeOrderSchema, presentShipTo, shipToEntrySchema } from "../b2b-schemas.ts";
import { errorResponses, json, jsonBody } from "../openapi.ts";
import { type BuyerEnv, buyerSecurity } from "./auth.ts";

const signedIn = { security: buyerSecurity };
const cursor = z.string().max(200).optional();

const buyerOrderSchema = z
  .object({
    id: uuid(),
    orderNumber: z.string(),
    orderedAt: z.string(),
    total: z.int().nullable(),
    status: z.enum(Object.keys(BUYER_ORDER_STATUS_LABELS) as [keyof typeof BUYER_ORDER_STATUS_LABELS]),
    statusLabel: z.string().describe("注文状況: 受付済 / 出荷準備中 / 出荷済 / 取引中止"),
    placedVia: z.string().describe("form 発注フォーム / mail メール発注"),
    desiredDeliveryDate: z.string().nullable(),
    cancelRequest: z
      .object({
        status: z.enum(["requested", "approved", "refused"]),
        label: z.string().describe("発注履歴での表示"),
        detailLabel: z.string().describe("発注履歴詳細の注文状況での表示"),
        reasonLabel: z.string(),
        reasonText: z.string().nullable(),
        refusalReason: z.string().nullable(),
      })
      .nullable(),
    canRequestCancel: z.boolean().describe("「キャンセルリクエスト」を出せるか"),
  })
  .openapi("BuyerOrder");

export const buyerOrderDetailSchema = buyerOrderSchema
  .extend({
    note: z.string(),
    lines: z.array(
      z.object({ sku: z.string(), name: z.string(), unitPrice: z.int(), quantity: z.int(), amount: z.int() }),
    ),
    shipTo: z.record(z.string(), z.string()),
    history: z.array(z.object({ at: z.string(), label: z.string() })),
  })
  .openapi("BuyerOrderDetail");

const present = <T extends { orderedAt: Date }>(o: T) => ({ ...o, orderedAt: iso(o.orderedAt) ?? "" });

/** 発注フォーム, 発注履歴 and 発注履歴詳細: everything read through the session's own company. */
export function registerBuyerOrderRoutes(app: OpenAPIHono<BuyerEnv>, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/catalogue",
      summary: "発注できる商品(この取引先の価格・最小発注数・発注単位、在庫は表示する設定のときだけ)",
      ...signedIn,
      request: { query: z.object({ q: z.string().trim().min(1).max(100).optional(), cursor }) },
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                productId: uuid(),
                sku: z.string(),
                name: z.string(),
                unitPrice: z.int(),
                minQuantity: z.int(),
                lotQuantity: z.int(),
                stock: z.int().nullable().describe("発注できる在庫数。表示しない設定なら null"),
              }),
            ),
            nextCursor: z.string().nullable(),
          }),
          "商品",
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await buyerCatalogue(ctx.db, c.get("buyer"), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/ship-to",
      summary: "配送先アドレス帳",
      ...signedIn,
      responses: { 200: json(z.object({ items: z.array(shipToEntrySchema) }), "配送先"), ...errorResponses },
    }),
    async (c) => {
      const buyer = c.get("buyer");
      return c.json(
        { items: (await listShipTo(ctx.db, buyer.accountId, buyer.companyId)).map(presentShipTo) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/cancel-reasons",
      summary: "キャンセル理由の一覧(その他は20文字以内の理由が必要)",
      ...signedIn,
      responses: {
        200: json(z.object({ items: z.array(z.object({ code: z.string(), label: z.string() })) }), "理由"),
        ...errorResponses,
      },
    }),
    (c) => c.json({ items: Object.entries(CANCEL_REASONS).map(([code, label]) => ({ code, label })) }, 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/orders",
      summary: "発注(最小発注数・発注単位に合わない行は行ごとのエラー)",
      ...signedIn,
      request: jsonBody(placeOrderSchema),
      responses: { 201: json(buyerOrderDetailSchema, "受け付けた注文"), ...errorResponses },
    }),
    async (c) => {
      const buyer = c.get("buyer");
      const orderId = await placeB2bOrder(
        ctx,
        { kind: "system", job: `buyer:${buyer.buyerUserId}` },
        buyer.accountId,
        buyer.companyId,
        { via: "form", buyerUserId: buyer.buyerUserId, buyerName: buyer.name, buyerEmail: buyer.email },
        c.req.valid("json"),
      );
      return c.json(detail(await buyerOrderDetail(ctx.db, buyer, orderId)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orders",
      summary: "発注履歴(新しい順)",
      ...signedIn,
      request: { query: z.object({ cursor }) },
      responses: {
        200: json(z.object({ items: z.array(buyerOrderSchema), nextCursor: z.string().nullable() }), "注文"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const page = await listBuyerOrders(ctx.db, c.get("buyer"), c.req.valid("query"));
      return c.json({ items: page.items.map(present), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orders/{id}",
      summary: "発注履歴詳細",
      ...signedIn,
      request: { params: z.object({ id: uuid("注文IDはUUIDです") }) },
      responses: { 200: json(buyerOrderDetailSchema, "注文"), ...errorResponses },
    }),
    async (c) => c.json(detail(await buyerOrderDetail(ctx.db, c.get("buyer"), c.req.valid("param").id)), 200),
  );
}

export function detail(o: Awaited<ReturnType<typeof buyerOrderDetail>>) {
  return { ...present(o), history: o.history.map((h) => ({ at: iso(h.at) ?? "", label: h.label })) };
}

import { createRoute, z } from "@hono/zod-openapi";
import { and, asc, count, desc, eq, ilike, isNull, or, type SQL, sql } from "drizzle-orm";
import { retryMallShippingReport } from "#server/app/channels/report-shipping.ts";
import type { AppContext } from "#server/app/context.ts";
import { mergeCandidates, mergeShipments } from "#server/app/shipping/consolidate-shipments.ts";
import { setShipmentService } from "#server/app/shipping/shipment-service.ts";
import { splitShipment } from "#server/app/shipping/split-shipment.ts";
import { warehouseKindOf } from "#server/app/shipping/warehouse-client.ts";
import { orders, shipments, shops, warehouses } from "#server/db/schema.ts";
import { uuid } from "#server/domain/fields.ts";
import { ORDER_STATUS_LABELS, type OrderStatus, SHIPPING_STATUSES } from "#server/domain/order-status.ts";
import { SHIPPING_SERVICES } from "#server/domain/shipping-service.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";
import { orderSchema } from "./order-schemas.ts";
import { presentOrder } from "./present-order.ts";
import { presentShipment, shipmentFields } from "./present-shipment.ts";
import { shipmentDateFilters, shipmentDateQuery } from "./shipment-date-filters.ts";

const shipmentRowSchema = z
  .object({
    ...shipmentFields,
    orderId: uuid(),
    mallOrderNumber: z.string(),
    orderStatus: z.string(),
    orderStatusLabel: z.string(),
    shopId: uuid(),
    shopName: z.string(),
    warehouseName: z.string(),
    warehouseKind: z.string(),
    atStockRoom: z.boolean().describe("自社倉庫の出荷: ピッキングリスト・送り状データの対象"),
    buyerName: z.string(),
    shipToName: z.string(),
  })
  .openapi("ShipmentRow");

const listQuery = z.object({
  status: z
    .enum(SHIPPING_STATUSES, { error: `出荷ステータスは ${SHIPPING_STATUSES.join(", ")} のいずれかです` })
    .optional(),
  warehouseId: uuid("warehouseIdはUUIDです").optional(),
  q: z.string().max(100).optional().describe("出荷番号・モール注文番号・送付先名・伝票番号"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  ...shipmentDateQuery,
});

const mergeGroupSchema = z.array(
  z.object({
    shipmentId: uuid(),
    orderId: uuid(),
    mallOrderNumber: z.string(),
    buyerName: z.string(),
    shipToName: z.string(),
    status: z.enum(SHIPPING_STATUSES),
  }),
);

export function registerShipmentRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/shipments",
      summary: "出荷一覧(出荷ステータス別)",
      ...requires("shipping:read"),
      request: { query: listQuery },
      responses: {
        200: json(
          z.object({
            items: z.array(shipmentRowSchema),
            total: z.int(),
            counts: z.record(z.string(), z.int()).describe("出荷ステータスごとの件数"),
          }),
          "出荷",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { accountId } = c.get("auth");
      const query = c.req.valid("query");
      const base: SQL[] = [eq(shipments.accountId, accountId), isNull(orders.deletedAt)];
      if (query.warehouseId) base.push(eq(shipments.warehouseId, query.warehouseId));
      base.push(...shipmentDateFilters(query));
      if (query.q) {
        const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
        const match = or(
          ilike(shipments.slipNumber, like),
          ilike(orders.mallOrderNumber, like),
          ilike(orders.buyerName, like),
          ilike(shipments.warehouseReference, like),
          sql`${shipments.parcels}::text ilike ${like}`,
        );
        if (match) base.push(match);
      }
      const filtered = query.status ? [...base, eq(shipments.status, query.status)] : base;
      const from = () =>
        ctx.db
          .select({ shipment: shipments, order: orders, shopName: shops.name, warehouse: warehouses })
          .from(shipments)
          .innerJoin(orders, eq(orders.id, shipments.orderId))
          .innerJoin(shops, eq(shops.id, orders.shopId))
          .innerJoin(warehouses, eq(warehouses.id, shipments.warehouseId));
      const [rows, totals, byStatus] = await Promise.all([
        from()
          .where(and(...filtered))
          .orderBy(desc(orders.orderedAt), asc(shipments.id))
          .limit(query.limit)
          .offset(query.offset),
        ctx.db
          .select({ n: count() })
          .from(shipments)
          .innerJoin(orders, eq(orders.id, shipments.orderId))
          .where(and(...filtered)),
        ctx.db
          .select({ status: shipments.status, n: count() })
          .from(shipments)
          .innerJoin(orders, eq(orders.id, shipments.orderId))
          .where(and(...base))
          .groupBy(shipments.status),
      ]);
      return c.json(
        {
          items: rows.map((r) => {
            const shipTo = (r.shipment.shipTo ?? r.order.shipTo) as { name?: string };
            return {
              ...presentShipment(r.shipment),
              orderId: r.order.id,
              mallOrderNumber: r.order.mallOrderNumber,
              orderStatus: r.order.status,
              orderStatusLabel: ORDER_STATUS_LABELS[r.order.status as OrderStatus],
              shopId: r.order.shopId,
              shopName: r.shopName,
              warehouseName: r.warehouse.name,
              warehouseKind: r.warehouse.kind,
              atStockRoom: warehouseKindOf(ctx, r.warehouse.kind).capabilities.stockRoom,
              buyerName: r.order.buyerName,
              shipToName: shipTo.name ?? "",
            };
          }),
          total: totals[0]?.n ?? 0,
          counts: Object.fromEntries(byStatus.map((s) => [s.status, s.n])),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/shipments/merge-candidates",
      summary: "同梱候補(同じショップ・購入者・送付先・倉庫で、まだ出荷依頼していない出荷)",
      ...requires("shipping:read"),
      responses: {
        200: json(z.object({ groups: z.array(mergeGroupSchema) }), "同梱候補"),
        ...errorResponses,
      },
    }),
    async (c) => c.json({ groups: await mergeCandidates(ctx, c.get("auth").accountId) }, 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/shipments/merge",
      summary: "同梱(選んだ出荷を1つの荷物として出荷依頼する)",
      ...requires("shipping:write"),
      request: {
        body: {
          content: {
            "application/json": {
              schema: z.object({
                shipmentIds: z
                  .array(uuid("shipmentIdsはUUIDです"))
                  .min(2, "2つ以上の出荷を選んでください")
                  .max(20),
              }),
            },
          },
        },
      },
      responses: {
        200: json(z.object({ leadShipmentId: uuid() }), "同梱した出荷の先頭"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const { leadId } = await mergeShipments(ctx, actor, accountId, c.req.valid("json").shipmentIds);
      return c.json({ leadShipmentId: leadId }, 200);
    },
  );

  const shipmentParams = z.object({ id: uuid("注文IDはUUIDです"), shipmentId: uuid("出荷IDはUUIDです") });
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orders/{id}/shipments/{shipmentId}/split",
      summary: "分割出荷(選んだ明細を新しい出荷に分ける)",
      ...requires("shipping:write"),
      request: {
        params: shipmentParams,
        body: {
          content: {
            "application/json": {
              schema: z.object({
                itemIds: z.array(uuid("itemIdsはUUIDです")).min(1, "分ける明細を選んでください"),
              }),
            },
          },
        },
      },
      responses: { 200: json(orderSchema, "分割後の注文"), ...errorResponses },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const { id, shipmentId } = c.req.valid("param");
      await splitShipment(ctx, actor, accountId, id, shipmentId, c.req.valid("json").itemIds);
      return c.json(await presentOrder(ctx, accountId, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/orders/{id}/shipments/{shipmentId}",
      summary: "出荷の配送サービスを指定(送り状データの前に。nullで商品の既定に戻す)",
      ...requires("shipping:write"),
      request: {
        params: shipmentParams,
        body: {
          required: true,
          content: {
            "application/json": {
              schema: z.object({
                shippingService: z
                  .enum(SHIPPING_SERVICES, {
                    error: `配送サービスは ${SHIPPING_SERVICES.join(", ")} またはnullです`,
                  })
                  .nullable(),
              }),
            },
          },
        },
      },
      responses: { 200: json(orderSchema, "変更後の注文"), ...errorResponses },
    }),
    async (c) => {
      const { accountId } = c.get("auth");
      const { id, shipmentId } = c.req.valid("param");
      await setShipmentService(ctx, accountId, id, shipmentId, c.req.valid("json").shippingService);
      return c.json(await presentOrder(ctx, accountId, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orders/{id}/report-shipping",
      summary: "出荷情報をモールに再送(モール反映エラーの解消後)",
      ...requires("shipping:write"),
      request: { params: z.object({ id: uuid("注文IDはUUIDです") }) },
      responses: {
        202: json(z.object({ queued: z.literal(true) }), "送信待ちにしました"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { accountId } = c.get("auth");
      await retryMallShippingReport(ctx, accountId, c.req.valid("param").id);
      return c.json({ queued: true as const }, 202);
    },
  );
}

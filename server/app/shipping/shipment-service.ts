import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { allocations, products, shipments } from "#server/db/schema.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import type { ShippingService, Temperature } from "#server/domain/shipping-service.ts";
import type { AppContext } from "../context.ts";

/** Once a parcel has left, or will never leave, its slip is printed or moot: the service stays. */
const SETTLED = ["shipped", "cancelled"];

/**
 * 配送サービス for one shipment (ネコポス instead of 宅配便, 着払い …), overriding its products'
 * defaults on the next 送り状データ; null goes back to the products' defaults.
 */
export async function setShipmentService(
  ctx: AppContext,
  accountId: string,
  orderId: string,
  shipmentId: string,
  service: ShippingService | null,
): Promise<void> {
  const mine = and(
    eq(shipments.id, shipmentId),
    eq(shipments.orderId, orderId),
    eq(shipments.accountId, accountId),
  );
  const [changed] = await ctx.db
    .update(shipments)
    .set({ shippingService: service, updatedAt: ctx.clock.now() })
    .where(and(mine, notInArray(shipments.status, SETTLED)))
    .returning({ id: shipments.id });
  if (changed) return;
  const [exists] = await ctx.db.select({ id: shipments.id }).from(shipments).where(mine);
  if (!exists) throw notFound("shipment", "出荷");
  throw new Refusal("shipment.service_settled", "出荷済・キャンセルの出荷は配送サービスを変えられません。", {
    rule: "shipment_settled",
  });
}

/** What each product in these shipments asks of its parcel (service and temperature), one row per allocation. */
export async function productParcelNeeds(
  db: Db,
  shipmentIds: readonly string[],
): Promise<{ shipmentId: string; service: ShippingService; temperature: Temperature }[]> {
  if (shipmentIds.length === 0) return [];
  const rows = await db
    .select({
      shipmentId: allocations.shipmentId,
      service: products.shippingService,
      temperature: products.temperature,
    })
    .from(allocations)
    .innerJoin(products, eq(products.id, allocations.productId))
    .where(inArray(allocations.shipmentId, [...shipmentIds]));
  return rows.map((r) => ({
    shipmentId: r.shipmentId,
    service: r.service as ShippingService,
    temperature: r.temperature as Temperature,
  }));
}

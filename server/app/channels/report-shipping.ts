import { eq } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { loadOrderById, saveDecision } from "#server/db/orders/order-queries.ts";
import { orders, shipments, shops, warehouses } from "#server/db/schema.ts";
import { describeParcels, type ShippedParcel } from "#server/domain/carrier.ts";
import { detachTag } from "#server/domain/order-tagging.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { completeOrder } from "#server/domain/shipment.ts";
import { type ShippingService, shipmentService } from "#server/domain/shipping-service.ts";
import { mallSyncActive, type ShopSettings } from "#server/domain/shop-settings.ts";
import { tokyoDate } from "#server/domain/tokyo-time.ts";
import type { JobToEnqueue } from "#server/jobs/queue.ts";
import type { OrderSink, OrderSource } from "#server/ports/channel.ts";
import { MallError } from "#server/ports/mall.ts";
import type { WarehouseKind } from "#server/ports/warehouse.ts";
import type { AppContext } from "../context.ts";
import { productParcelNeeds } from "../shipping/shipment-service.ts";
import { orderSinkOf, orderSourceOf } from "./channel-clients.ts";
import { recordMallReflectionError } from "./confirm-mall-order.ts";

const ACTOR = "system:mall-report-shipping";

/** 全出荷済 → the shipping report goes to the mall in a job of its own, enqueued with the status change. */
export function mallShippingReportJob(orderId: string): JobToEnqueue {
  return { data: { orderId }, singletonKey: orderId };
}

export async function enqueueMallShippingReport(tx: Db, ctx: AppContext, orderId: string): Promise<void> {
  await ctx.jobs.enqueueMany(tx, "mall-report-shipping", [mallShippingReportJob(orderId)]);
}

/** A person asks again after モール反映エラー was fixed at the mall. */
export async function retryMallShippingReport(
  ctx: AppContext,
  accountId: string,
  orderId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [order] = await tx
      .select({ accountId: orders.accountId, status: orders.status })
      .from(orders)
      .where(eq(orders.id, orderId));
    if (!order || order.accountId !== accountId) throw notFound("order", "注文");
    if (order.status !== "shipped") {
      throw new Refusal("order.report_not_allowed", "モールへの出荷報告は全出荷済の注文だけです。", {
        rule: "order_not_shipped",
      });
    }
    await enqueueMallShippingReport(tx, ctx, orderId);
  });
}

/**
 * The mall-report-shipping job: tells the mall every parcel (one report per mall package),
 * then 完了. Each parcel is marked before its call and its mall id saved as soon as the mall gives it;
 * a retry that finds a marked parcel without an id reads the mall's record first, so a lost answer
 * amends what the mall has instead of adding it twice.
 */
export async function reportShippingToMall(ctx: AppContext, orderId: string): Promise<void> {
  const [row] = await ctx.db
    .select({ order: orders, shop: shops })
    .from(orders)
    .innerJoin(shops, eq(shops.id, orders.shopId))
    .where(eq(orders.id, orderId));
  if (row?.order.status !== "shipped") return;
  const settings = row.shop.settings as ShopSettings;
  const reflects =
    row.order.source === "import" &&
    ctx.channels.get(row.shop.channel)?.capabilities.reportShipping === true &&
    mallSyncActive(settings, ctx.clock.now(), row.order);
  if (reflects) {
    try {
      const client = { source: orderSourceOf(ctx, row.shop), sink: orderSinkOf(ctx, row.shop) };
      await reportParcels(ctx, client, row.order);
    } catch (error) {
      if (!(error instanceof MallError)) throw error;
      await recordMallReflectionError(
        ctx,
        orderId,
        `出荷情報をモールに反映できませんでした: ${error.message}`,
        ACTOR,
      );
      if (error.retryable) throw error;
      return;
    }
  }
  await complete(
    ctx,
    orderId,
    reflects ? "出荷情報をモールに反映しました" : "モールへの反映が不要な注文(手動登録・受注連動前)",
  );
}

async function reportParcels(
  ctx: AppContext,
  client: { source: OrderSource; sink: OrderSink },
  order: typeof orders.$inferSelect,
): Promise<void> {
  const rows = await ctx.db
    .select({ shipment: shipments, warehouseKind: warehouses.kind })
    .from(shipments)
    .innerJoin(warehouses, eq(warehouses.id, shipments.warehouseId))
    .where(eq(shipments.orderId, order.id));
  const kindOf = new Map(rows.map((r) => [r.shipment.id, r.warehouseKind as WarehouseKind]));
  const pending = rows.map((r) => r.shipment).filter((s) => s.status === "shipped" && !s.mallReportedAt);
  if (pending.length === 0) return;
  const needs = await productParcelNeeds(
    ctx.db,
    pending.map((s) => s.id),
  );
  const serviceOf = (shipment: (typeof pending)[number]) =>
    shipmentService(
      needs.filter((n) => n.shipmentId === shipment.id).map((n) => n.service),
      shipment.shippingService as ShippingService | null,
    );
  // Only a report that may have reached the mall without its answer reaching us needs the mall's record:
  // a first report has nothing there to find.
  const unsure = pending.some((s) =>
    (s.parcels as ShippedParcel[]).some((p) => p.reportSentAt && !p.mallShippingId),
  );
  const [atMall] = unsure ? await client.source.getOrders([order.mallOrderNumber]) : [];
  for (const shipment of pending) {
    if (!shipment.mallPackageId)
      throw new MallError("mall.package_unknown", "モールの送付先IDがない出荷は反映できません。", {
        retryable: false,
      });
    const known = atMall?.packages.find((p) => p.mallPackageId === shipment.mallPackageId)?.shippings ?? [];
    const parcels = shipment.parcels as ShippedParcel[];
    for (const [index, parcel] of parcels.entries()) {
      if (parcel.mallShippingId) continue;
      const already = known.find((k) => k.trackingNumber === parcel.trackingNumber);
      if (!already) {
        parcels[index] = { ...parcel, reportSentAt: ctx.clock.now().toISOString() };
        await ctx.db.update(shipments).set({ parcels }).where(eq(shipments.id, shipment.id));
      }
      const mallShippingId =
        already?.mallShippingId ??
        (
          await client.sink.reportShipping({
            mallOrderNumber: order.mallOrderNumber,
            mallPackageId: shipment.mallPackageId,
            carrier: parcel.carrier,
            warehouseKind: kindOf.get(shipment.id),
            shippingService: serviceOf(shipment),
            trackingNumber: parcel.trackingNumber,
            shippedOn: tokyoDate(shipment.shippedAt ?? ctx.clock.now()),
          })
        ).mallShippingId;
      parcels[index] = { ...parcel, mallShippingId, reportSentAt: undefined };
      await ctx.db.update(shipments).set({ parcels }).where(eq(shipments.id, shipment.id));
    }
    // Reported and its timeline entry together: a worker killed between them would leave the
    // shipment reported with no entry, and the retry would find nothing left to say.
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(shipments)
        .set({ mallReportedAt: ctx.clock.now() })
        .where(eq(shipments.id, shipment.id));
      const loaded = await loadOrderById(tx, order.id);
      if (!loaded) return;
      await saveDecision(
        tx,
        loaded,
        {
          order: loaded.snapshot,
          events: [
            {
              type: "mall_shipping_reported",
              message: `出荷情報をモールに送りました(${describeParcels(parcels)})`,
              detail: { shipmentId: shipment.id },
            },
          ],
        },
        { actor: ACTOR, now: ctx.clock.now() },
      );
    });
  }
}

async function complete(ctx: AppContext, orderId: string, why: string): Promise<void> {
  const meta = { actor: ACTOR, now: ctx.clock.now() };
  await ctx.db.transaction(async (tx) => {
    const order = await loadOrderById(tx, orderId);
    if (!order) return;
    const done = completeOrder(order.snapshot, why);
    if (!done) return;
    const completed = await saveDecision(tx, order, done, meta);
    // A reflection error this report answered is over; one about a cancel stays until a person clears it.
    const tag = completed.snapshot.tags.find((t) => t.systemCode === "mall_reflection_error");
    if (!tag) return;
    const cleared = detachTag(completed.snapshot, tag.tagId, false);
    if (!(cleared instanceof Refusal)) await saveDecision(tx, completed, cleared, meta);
  });
}

import { eq, inArray } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { loadOrders } from "#server/db/orders/order-queries.ts";
import { OrderWrites } from "#server/db/orders/order-writes.ts";
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

type ShipmentRow = typeof shipments.$inferSelect;
type Client = { source: OrderSource; sink: OrderSink };
/** A shipment of an order being reported, its parcels as they now stand; `reported` once every parcel is at the mall. */
type Reporting = { shipment: ShipmentRow; parcels: ShippedParcel[]; reported: boolean };

/** Orders whose mall calls run at once: each order's parcels go one after another. */
const ORDERS_AT_ONCE = 4;

/**
 * The mall-report-shipping job, for every order of a fetch: tells the mall every parcel (one report per
 * mall package), then 完了. Every parcel about to be reported is marked first (one statement for the
 * batch) and the mall's ids are saved afterwards with the 完了s, in one transaction. A retry that finds a
 * marked parcel without an id reads the mall's record first, so a lost answer amends what the mall has
 * instead of adding it twice. One order the mall refuses fails alone.
 */
export async function reportShippingToMalls(
  ctx: AppContext,
  orderIds: readonly string[],
): Promise<(Error | null)[]> {
  const failures = new Map<string, Error>();
  const rows = await ctx.db
    .select({ order: orders, shop: shops })
    .from(orders)
    .innerJoin(shops, eq(shops.id, orders.shopId))
    .where(inArray(orders.id, [...new Set(orderIds)]));
  const due = rows.filter((r) => r.order.status === "shipped");
  const reflecting = due.filter(
    (r) =>
      r.order.source === "import" &&
      ctx.channels.get(r.shop.channel)?.capabilities.reportShipping === true &&
      mallSyncActive(r.shop.settings as ShopSettings, ctx.clock.now(), r.order),
  );
  const reporting = await markParcels(
    ctx,
    reflecting.map((r) => r.order.id),
  );
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < reflecting.length; i = next++) {
      const { order, shop } = reflecting[i] as (typeof reflecting)[number];
      try {
        const client = { source: orderSourceOf(ctx, shop), sink: orderSinkOf(ctx, shop) };
        await reportParcels(ctx, client, order, reporting.byOrder.get(order.id) ?? [], reporting);
      } catch (error) {
        failures.set(order.id, error instanceof Error ? error : new Error(String(error)));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(ORDERS_AT_ONCE, reflecting.length) }, lane));
  const reflected = new Set(reflecting.map((r) => r.order.id));
  await recordReports(
    ctx,
    due.map((r) => r.order.id),
    reflected,
    failures,
    reporting,
  );
  const errors = new Map<string, Error | null>();
  for (const [orderId, error] of failures) {
    if (!(error instanceof MallError)) {
      errors.set(orderId, error);
      continue;
    }
    await recordMallReflectionError(
      ctx,
      orderId,
      `出荷情報をモールに反映できませんでした: ${error.message}`,
      ACTOR,
    );
    errors.set(orderId, error.retryable ? error : null);
  }
  return orderIds.map((id) => errors.get(id) ?? null);
}

/**
 * The shipments still to report, with each parcel about to be reported marked as sent before any call:
 * a parcel marked earlier without a mall id makes its order `unsure`, its answer may have been lost.
 */
async function markParcels(ctx: AppContext, orderIds: readonly string[]) {
  const byOrder = new Map<string, Reporting[]>();
  const unsure = new Set<string>();
  const kindOf = new Map<string, WarehouseKind>();
  if (orderIds.length === 0) return { byOrder, unsure, kindOf, needs: [] };
  const rows = await ctx.db
    .select({ shipment: shipments, warehouseKind: warehouses.kind })
    .from(shipments)
    .innerJoin(warehouses, eq(warehouses.id, shipments.warehouseId))
    .where(inArray(shipments.orderId, [...orderIds]));
  const marks = new OrderWrites();
  const sentAt = ctx.clock.now().toISOString();
  for (const { shipment, warehouseKind } of rows) {
    kindOf.set(shipment.id, warehouseKind);
    if (shipment.status !== "shipped" || shipment.mallReportedAt) continue;
    const parcels = shipment.parcels as ShippedParcel[];
    if (parcels.some((p) => p.reportSentAt && !p.mallShippingId)) unsure.add(shipment.orderId);
    const marked = parcels.map((p) =>
      p.mallShippingId || p.reportSentAt ? p : { ...p, reportSentAt: sentAt },
    );
    if (marked.some((p, i) => p !== parcels[i])) marks.changeShipment(shipment.id, { parcels: marked });
    byOrder.set(shipment.orderId, [
      ...(byOrder.get(shipment.orderId) ?? []),
      { shipment, parcels: marked, reported: false },
    ]);
  }
  await marks.flush(ctx.db, null);
  const needs = await productParcelNeeds(
    ctx.db,
    [...byOrder.values()].flat().map((r) => r.shipment.id),
  );
  return { byOrder, unsure, kindOf, needs };
}

async function reportParcels(
  ctx: AppContext,
  client: Client,
  order: typeof orders.$inferSelect,
  pending: readonly Reporting[],
  known: Awaited<ReturnType<typeof markParcels>>,
): Promise<void> {
  if (pending.length === 0) return;
  // Only a report that may have reached the mall without its answer reaching us needs the mall's record:
  // a first report has nothing there to find.
  const [atMall] = known.unsure.has(order.id) ? await client.source.getOrders([order.mallOrderNumber]) : [];
  for (const reporting of pending) {
    const { shipment, parcels } = reporting;
    if (!shipment.mallPackageId)
      throw new MallError("mall.package_unknown", "モールの送付先IDがない出荷は反映できません。", {
        retryable: false,
      });
    const already = atMall?.packages.find((p) => p.mallPackageId === shipment.mallPackageId)?.shippings ?? [];
    const service = shipmentService(
      known.needs.filter((n) => n.shipmentId === shipment.id).map((n) => n.service),
      shipment.shippingService as ShippingService | null,
    );
    for (const [index, parcel] of parcels.entries()) {
      if (parcel.mallShippingId) continue;
      const mallShippingId =
        already.find((k) => k.trackingNumber === parcel.trackingNumber)?.mallShippingId ??
        (
          await client.sink.reportShipping({
            mallOrderNumber: order.mallOrderNumber,
            mallPackageId: shipment.mallPackageId,
            carrier: parcel.carrier,
            warehouseKind: known.kindOf.get(shipment.id),
            shippingService: service,
            trackingNumber: parcel.trackingNumber,
            shippedOn: tokyoDate(shipment.shippedAt ?? ctx.clock.now()),
          })
        ).mallShippingId;
      parcels[index] = { ...parcel, mallShippingId, reportSentAt: undefined };
    }
    reporting.reported = true;
  }
}

/**
 * One transaction for the batch: the mall ids of every parcel reported (a failed order's too), each
 * shipment reported with its timeline entry, and 完了 for every order with nothing left to report —
 * a worker killed before it leaves marked parcels, which the retry reads back from the mall.
 */
async function recordReports(
  ctx: AppContext,
  orderIds: readonly string[],
  reflected: ReadonlySet<string>,
  failures: ReadonlyMap<string, Error>,
  reporting: Awaited<ReturnType<typeof markParcels>>,
): Promise<void> {
  if (orderIds.length === 0) return;
  const meta = { actor: ACTOR, now: ctx.clock.now() };
  await ctx.db.transaction(async (tx) => {
    const writes = new OrderWrites();
    for (const order of await loadOrders(tx, orderIds)) {
      for (const r of reporting.byOrder.get(order.row.id) ?? []) {
        const { parcels } = r;
        if (!r.reported) {
          writes.changeShipment(r.shipment.id, { parcels });
          continue;
        }
        writes.changeShipment(r.shipment.id, { parcels, mallReportedAt: meta.now });
        writes.recordEvents(
          order.row,
          [
            {
              type: "mall_shipping_reported",
              message: `出荷情報をモールに送りました(${describeParcels(parcels)})`,
              detail: { shipmentId: r.shipment.id },
            },
          ],
          meta,
        );
      }
      if (failures.has(order.row.id)) continue;
      const done = completeOrder(
        order.snapshot,
        reflected.has(order.row.id)
          ? "出荷情報をモールに反映しました"
          : "モールへの反映が不要な注文(手動登録・受注連動前)",
      );
      if (!done) continue;
      const completed = writes.recordDecision(order, done, meta);
      // A reflection error this report answered is over; one about a cancel stays until a person clears it.
      const tag = completed.snapshot.tags.find((t) => t.systemCode === "mall_reflection_error");
      const cleared = tag ? detachTag(completed.snapshot, tag.tagId, false) : null;
      if (cleared && !(cleared instanceof Refusal)) writes.recordDecision(completed, cleared, meta);
    }
    await writes.flush(tx, null);
  });
}

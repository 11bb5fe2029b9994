import { eq, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { assembleOrder, type LoadedOrder, saveDecision } from "#server/db/order-queries.ts";
import { orderItems, orders, shipments, type shops, warehouses } from "#server/db/schema.ts";
import type { ShipTo } from "#server/domain/address.ts";
import type { ShopSettings } from "#server/domain/shop-settings.ts";
import type { MallOrder, MallPackage } from "#server/ports/mall.ts";
import type { AppContext } from "./context.ts";
import { progressOrder } from "./progress-order.ts";

type Meta = { actor: string; now: Date };

export type NewOrderLine = {
  mallItemCode: string;
  mallItemNumber?: string | undefined;
  mallSkuCode?: string | undefined;
  name: string;
  selectedChoice?: string | undefined;
  mallLineId?: string | undefined;
  mallVariantId?: string | undefined;
  unitPrice: number;
  quantity: number;
};

/** An order about to enter 新規受付, from a person's registration or a mall's import. */
export type NewOrder = {
  source: "manual" | "csv" | "import";
  mallOrderNumber: string;
  orderedAt: Date;
  buyer: { name: string; email: string; phone?: string | undefined };
  shipTo: ShipTo;
  paymentMethod: string;
  paidAt: Date | null;
  subtotal: number;
  shippingFee: number | null;
  fees: number | null;
  couponDiscount: number;
  pointsUsed: number;
  total: number | null;
  remarks: string | null;
  desiredDeliveryDate?: string | null | undefined;
  desiredTimeSlot?: string | null | undefined;
  mall?: { status: string; statusLabel: string; paymentLabel: string; checkedAt: Date } | undefined;
  testImport?: boolean | undefined;
  /** What a mall says beyond items and amounts (gift, wrapping, fees and coupons split, tax per rate). */
  mallDetails?: MallOrderDetails | undefined;
  /** One per parcel destination; its own ship-to only when it differs from the order's. */
  shipments: {
    mallPackageId?: string | undefined;
    shipTo?: ShipTo | undefined;
    details?: MallPackageDetails | undefined;
    items: NewOrderLine[];
  }[];
};

export type MallOrderDetails = Pick<
  MallOrder,
  "gift" | "wrappings" | "feeBreakdown" | "couponDiscounts" | "taxSummary" | "buyerEmailMasked"
>;
export type MallPackageDetails = Pick<
  MallPackage,
  | "temperature"
  | "pickupPoint"
  | "dropOffLocation"
  | "noshi"
  | "remoteIsland"
  | "chosenCarrier"
  | "addressPending"
>;

/** The order columns of a mall's details, for insert and for the updates later imports make. */
export function mallDetailColumns(d: MallOrderDetails) {
  return {
    gift: d.gift,
    wrappings: d.wrappings,
    feeBreakdown: d.feeBreakdown,
    shopCouponDiscount: d.couponDiscounts.shop,
    mallCouponDiscount: d.couponDiscounts.mall,
    taxSummary: d.taxSummary,
    buyerEmailMasked: d.buyerEmailMasked,
  };
}

/** The shipment columns of a mall package's details. */
export function packageDetailColumns(d: MallPackageDetails) {
  return {
    temperature: d.temperature,
    pickupPoint: d.pickupPoint,
    dropOffLocation: d.dropOffLocation,
    noshi: d.noshi,
    remoteIsland: d.remoteIsland,
    chosenCarrier: d.chosenCarrier,
    addressPending: d.addressPending,
  };
}

/** Locks a shop's mall order number for the transaction, so two registrations of it cannot both pass. */
export function lockOrderNumber(tx: Db, shopId: string, mallOrderNumber: string) {
  return tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`${shopId}:${mallOrderNumber}`}, 0))`,
  );
}

/**
 * Writes the order, its lines and shipments, its first timeline entry, then starts it: the grace
 * period (キャンセル猶予) as a delayed job, or — when it is already over — moving it on at once.
 */
export async function insertOrder(
  tx: Db,
  ctx: AppContext,
  shop: typeof shops.$inferSelect,
  input: NewOrder,
  registeredMessage: string,
  meta: Meta,
): Promise<LoadedOrder> {
  const settings = shop.settings as ShopSettings;
  const warehouseId = settings.warehouseId ?? (await firstWarehouse(tx, shop.accountId));
  const graceUntil = new Date(input.orderedAt.getTime() + settings.gracePeriodMinutes * 60_000);
  const orderId = ctx.newId();
  const lines = input.shipments.flatMap((s) => s.items);
  const [row] = await tx
    .insert(orders)
    .values({
      id: orderId,
      accountId: shop.accountId,
      shopId: shop.id,
      mallOrderNumber: input.mallOrderNumber,
      source: input.source,
      status: "new",
      orderedAt: input.orderedAt,
      graceUntil,
      buyerName: input.buyer.name,
      buyerEmail: input.buyer.email.toLowerCase(),
      buyerPhone: input.buyer.phone ?? null,
      shipTo: input.shipTo,
      paymentMethod: input.paymentMethod,
      paidAt: input.paidAt,
      subtotal: input.subtotal,
      shippingFee: input.shippingFee,
      fees: input.fees,
      couponDiscount: input.couponDiscount,
      pointsUsed: input.pointsUsed,
      total: input.total,
      remarks: input.remarks,
      desiredDeliveryDate: input.desiredDeliveryDate ?? null,
      desiredTimeSlot: input.desiredTimeSlot ?? null,
      mallStatus: input.mall?.status ?? null,
      mallStatusLabel: input.mall?.statusLabel ?? null,
      mallPaymentLabel: input.mall?.paymentLabel ?? null,
      mallCheckedAt: input.mall?.checkedAt ?? null,
      testImport: input.testImport ?? false,
      ...(input.mallDetails ? mallDetailColumns(input.mallDetails) : {}),
      searchText: [
        input.mallOrderNumber,
        input.buyer.name,
        input.buyer.email,
        input.shipTo.name,
        ...input.shipments.flatMap((s) => (s.shipTo ? [s.shipTo.name] : [])),
        ...lines.map((i) => i.name),
      ]
        .join("\n")
        .toLowerCase(),
    })
    .returning();
  if (!row) throw new Error("order insert returned nothing");
  // One statement for every shipment and one for every line, whatever the number of packages.
  const shipmentValues = input.shipments.map((s, index) => ({
    id: ctx.newId(),
    orderId,
    accountId: shop.accountId,
    warehouseId,
    status: "allocating",
    mallPackageId: s.mallPackageId ?? null,
    shipTo: s.shipTo ?? null,
    ...(s.details ? packageDetailColumns(s.details) : {}),
    // Shipments are listed by creation: a millisecond apart keeps the mall's package order.
    createdAt: new Date(meta.now.getTime() + index),
  }));
  let lineNo = 0;
  const itemValues = input.shipments.flatMap((s, index) =>
    s.items.map((item) => ({
      id: ctx.newId(),
      orderId,
      accountId: shop.accountId,
      shipmentId: shipmentValues[index]?.id ?? null,
      lineNo: ++lineNo,
      mallItemCode: item.mallItemCode,
      mallItemNumber: item.mallItemNumber ?? null,
      mallSkuCode: item.mallSkuCode ?? "",
      name: item.name,
      selectedChoice: item.selectedChoice ?? "",
      mallLineId: item.mallLineId ?? null,
      mallVariantId: item.mallVariantId ?? null,
      unitPrice: item.unitPrice,
      quantity: item.quantity,
    })),
  );
  const shipmentRows = (await tx.insert(shipments).values(shipmentValues).returning()).sort(
    (x, y) => x.createdAt.getTime() - y.createdAt.getTime(),
  );
  const itemRows = (await tx.insert(orderItems).values(itemValues).returning()).sort(
    (x, y) => x.lineNo - y.lineNo,
  );
  const loaded = await assembleOrder(tx, row, itemRows, shipmentRows, []);
  const registered = await saveDecision(
    tx,
    loaded,
    { order: loaded.snapshot, events: [{ type: "registered", to: "new", message: registeredMessage }] },
    meta,
  );
  // In its grace period the order waits for the sweep over orders_grace_idx (end-grace-period.ts).
  if (graceUntil > meta.now) return registered;
  return progressOrder(tx, ctx, registered, meta);
}

async function firstWarehouse(tx: Db, accountId: string): Promise<string> {
  const [w] = await tx
    .select({ id: warehouses.id })
    .from(warehouses)
    .where(eq(warehouses.accountId, accountId))
    .orderBy(warehouses.createdAt)
    .limit(1);
  if (!w) throw new Error(`account ${accountId} has no warehouse`);
  return w.id;
}

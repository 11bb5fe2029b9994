import { eq, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { surchargesFor } from "#server/db/options/surcharge-reads.ts";
import { rowAsInserted } from "#server/db/orders/json-rows.ts";
import { assembleWith, type LoadedOrder, loadShopsMappings } from "#server/db/orders/order-queries.ts";
import { orderItems, orders, shipments, type shops, warehouses } from "#server/db/schema.ts";
import type { ShipTo } from "#server/domain/address.ts";
import { type ChosenOption, optionAmountOf, withTableAmounts } from "#server/domain/option-amounts.ts";
import type { ShopSettings } from "#server/domain/shop-settings.ts";
import type { AppContext } from "../context.ts";
import { linkNewOrders } from "../customers/link-customers.ts";
import { scheduleParcel } from "../shipping/ship-schedule.ts";
import {
  type MallOrderDetails,
  type MallPackageDetails,
  mallDetailColumns,
  packageDetailColumns,
} from "./mall-detail-columns.ts";
import { OrderBatch } from "./order-batch.ts";
import { orderSearchColumns } from "./order-search-columns.ts";
import { progressOrders } from "./progress-order.ts";
import { holdForConditions, newParcels, type Parcel } from "./shipment-conditions.ts";

type Meta = { actor: string; now: Date };
type Shop = typeof shops.$inferSelect;

export type NewOrderLine = {
  mallItemCode: string;
  mallItemNumber?: string | undefined;
  mallSkuCode?: string | undefined;
  name: string;
  selectedChoice?: string | undefined;
  mallLineId?: string | undefined;
  mallVariantId?: string | undefined;
  unitPrice: number;
  /** The options that may carry a surcharge (a mall's 項目選択肢); their オプション金額 is written per line. */
  options?: readonly ChosenOption[] | undefined;
  quantity: number;
};

/** An order about to enter 新規受付, from a person's registration or a mall's import. */
export type NewOrder = {
  source: "manual" | "csv" | "import";
  mallOrderNumber: string;
  orderedAt: Date;
  buyer: { name: string; email: string; phone?: string | undefined };
  shipTo: ShipTo;
  /** The buyer's and recipients' カナ where the mall gives them: searched, not shown. */
  kana?: string[] | undefined;
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

/** Locks a shop's mall order number for the transaction, so two registrations of it cannot both pass. */
export function lockOrderNumber(tx: Db, shopId: string, mallOrderNumber: string) {
  return tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`${shopId}:${mallOrderNumber}`}, 0))`,
  );
}

/** A new order and the first line of its timeline. */
export type OrderToInsert = { input: NewOrder; registeredMessage: string };

/**
 * Writes one order, its lines and shipments, its first timeline entry, then starts it — see
 * insertOrders. Null when a concurrent transaction has just taken its number.
 */
export async function insertOrder(
  tx: Db,
  ctx: AppContext,
  shop: Shop,
  input: NewOrder,
  registeredMessage: string,
  meta: Meta,
): Promise<LoadedOrder | null> {
  const batch = new OrderBatch(tx, ctx, meta);
  const [order] = await insertOrders(batch, ctx, shop, [{ input, registeredMessage }]);
  return order ?? null;
}

/**
 * Writes many orders of one shop with their lines, shipments and first timeline entries (a statement
 * per table), each whose grace period (キャンセル猶予) is already over started, all together; the
 * others wait for the grace sweep. Everything is written when this returns. An order whose number a
 * concurrent transaction took first (the live-number key) is not written: null.
 */
export async function insertOrders(
  batch: OrderBatch,
  ctx: AppContext,
  shop: Shop,
  entries: readonly OrderToInsert[],
): Promise<(LoadedOrder | null)[]> {
  if (entries.length === 0) return [];
  const { tx, meta } = batch;
  batch.knowShop(shop);
  const settings = shop.settings as ShopSettings;
  const warehouseId = settings.warehouseId ?? (await firstWarehouse(tx, shop.accountId));
  const mappings =
    (
      await loadShopsMappings(
        tx,
        [shop.id],
        entries.flatMap((e) => e.input.shipments.flatMap((s) => s.items.map((i) => i.mallItemCode))),
      )
    ).get(shop.id) ?? [];
  const parcels = await newParcels(
    tx,
    warehouseId,
    mappings,
    entries.map((e) => e.input),
  );
  const surcharges = await surchargesFor(
    tx,
    shop.id,
    entries.flatMap((e) => e.input.shipments.flatMap((sh) => sh.items)),
  );
  const built = entries.map(({ input }, i) =>
    newOrderRows(ctx, shop, parcels.of[i] ?? [], input, meta, surcharges),
  );
  const linked = await linkNewOrders(
    tx,
    shop.accountId,
    built.map((b) => b.order),
    meta.now,
    ctx.newId,
  );
  const recorded: LoadedOrder[] = [];
  for (const [i, { registeredMessage }] of entries.entries()) {
    const { shipmentRows, itemRows } = built[i] as (typeof built)[number];
    const order = linked[i] as (typeof linked)[number];
    batch.writes.addOrder(order, shipmentRows, itemRows);
    const loaded = assembleWith(
      rowAsInserted(orders, order, meta.now),
      itemRows.map((i) => rowAsInserted(orderItems, i, meta.now)),
      shipmentRows.map((s) => rowAsInserted(shipments, s, meta.now)),
      [],
      mappings,
    );
    batch.writes.recordEvents(
      loaded.row,
      [{ type: "registered", to: "new", message: registeredMessage }],
      meta,
    );
    recorded.push(await holdForConditions(batch, loaded, parcels.problems[i], parcels.warehouseNames));
  }
  // Each due order walks as far as it can before it is written, so it is inserted in the state it
  // reached (出荷待ち, or held on the way) rather than inserted at 新規受付 and updated step by step.
  // In its grace period an order waits for the sweep over orders_grace_idx (end-grace-period.ts).
  const due = recorded.filter((o) => o.row.graceUntil <= meta.now);
  await batch.prefetchFacts(due, true);
  const progressed = new Map((await progressOrders(batch, due)).map((o) => [o.row.id, o]));
  const lost = await batch.flush();
  return recorded.map((o) => (lost.has(o.row.id) ? null : (progressed.get(o.row.id) ?? o)));
}

/** The rows of a new order, with its ids; nothing written yet. */
function newOrderRows(
  ctx: AppContext,
  shop: Shop,
  parcels: readonly Parcel[],
  input: NewOrder,
  meta: Meta,
  surcharges: ReadonlyMap<string, number>,
) {
  const settings = shop.settings as ShopSettings;
  const graceUntil = new Date(input.orderedAt.getTime() + settings.gracePeriodMinutes * 60_000);
  const orderId = ctx.newId();
  const order = {
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
    ...orderSearchColumns(input),
  };
  const shipmentRows = input.shipments.map((s, index) => {
    const parcel = parcels[index];
    if (!parcel) throw new Error("a shipment without its conditions");
    return {
      id: ctx.newId(),
      orderId,
      accountId: shop.accountId,
      warehouseId: parcel.warehouseId,
      status: "allocating",
      mallPackageId: s.mallPackageId ?? null,
      shipTo: s.shipTo ?? null,
      ...(s.details ? packageDetailColumns(s.details) : {}),
      // The products' conditions over the mall's クール便 (the coldest of both wins).
      temperature: parcel.temperature,
      carrier: parcel.carrier,
      shippingService: parcel.shippingService,
      productLeadDays: parcel.leadDays,
      ...scheduleParcel(parcel.origin, {
        orderedAt: input.orderedAt,
        shipTo: s.shipTo ?? input.shipTo,
        remoteIsland: s.details?.remoteIsland ?? false,
        productLeadDays: parcel.leadDays,
      }),
      // Shipments are listed by creation: a millisecond apart keeps the mall's package order.
      createdAt: new Date(meta.now.getTime() + index),
    };
  });
  let lineNo = 0;
  const itemRows = input.shipments.flatMap((s, index) =>
    s.items.map((item) => ({
      id: ctx.newId(),
      orderId,
      accountId: shop.accountId,
      shipmentId: shipmentRows[index]?.id ?? null,
      lineNo: ++lineNo,
      mallItemCode: item.mallItemCode,
      mallItemNumber: item.mallItemNumber ?? null,
      mallSkuCode: item.mallSkuCode ?? "",
      name: item.name,
      selectedChoice: item.selectedChoice ?? "",
      mallLineId: item.mallLineId ?? null,
      mallVariantId: item.mallVariantId ?? null,
      unitPrice: item.unitPrice,
      optionAmount: optionAmountOf(withTableAmounts(item.mallItemCode, item.options ?? [], surcharges)),
      options: item.options ?? [],
      quantity: item.quantity,
    })),
  );
  return { order, shipmentRows, itemRows };
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

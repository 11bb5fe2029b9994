import { inArray } from "drizzle-orm";
import { slotKey } from "#server/carriers/fields.ts";
import { carrierSlots } from "#server/carriers/registry.ts";
import type { Db } from "#server/db/database.ts";
import type { LoadedOrder } from "#server/db/orders/order-queries.ts";
import { products, warehouses } from "#server/db/schema.ts";
import { findMapping, type ProductMappingRule } from "#server/domain/allocation.ts";
import type { Carrier } from "#server/domain/carrier.ts";
import {
  type DeliveryConditions,
  deriveShipmentConditions,
  describeConflict,
  type ProductConditions,
  type ShipmentConditions,
  timeSlotProblem,
} from "#server/domain/delivery-conditions.ts";
import { attachTag } from "#server/domain/order-tagging.ts";
import type { ShippingService, Temperature } from "#server/domain/shipping-service.ts";
import type { SystemTagCode } from "#server/domain/system-tags.ts";
import type { ShipOrigin } from "#server/domain/warehouse-calendar.ts";
import { loadShipOrigins } from "../shipping/ship-schedule.ts";
import type { NewOrder } from "./insert-order.ts";
import type { OrderBatch } from "./order-batch.ts";

/** The 配送条件 of every product a batch of new orders names, in one statement. */
async function loadProductConditions(
  tx: Db,
  productIds: readonly string[],
): Promise<Map<string, ProductConditions>> {
  if (productIds.length === 0) return new Map();
  const rows = await tx
    .select({
      id: products.id,
      sku: products.sku,
      shippingService: products.shippingService,
      temperature: products.temperature,
      warehouseId: products.warehouseId,
      carrier: products.carrier,
      leadDays: products.leadDays,
      timeSlots: products.timeSlots,
    })
    .from(products)
    .where(inArray(products.id, [...new Set(productIds)]));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        ...r,
        shippingService: r.shippingService as ShippingService,
        temperature: r.temperature as Temperature,
        carrier: r.carrier as Carrier | null,
        timeSlots: r.timeSlots as DeliveryConditions["timeSlots"],
      },
    ]),
  );
}

/** The products of one new shipment's lines, through the shop's mappings (unmapped lines bring none). */
function shipmentProducts(
  lines: NewOrder["shipments"][number]["items"],
  mappings: readonly ProductMappingRule[],
  conditions: ReadonlyMap<string, ProductConditions>,
): ProductConditions[] {
  return lines.flatMap((line) =>
    (findMapping(mappings, { ...line, mallSkuCode: line.mallSkuCode ?? "" })?.components ?? []).flatMap(
      (c) => conditions.get(c.productId) ?? [],
    ),
  );
}

/** One new shipment's conditions and the calendar of the warehouse they send it to. */
export type Parcel = ShipmentConditions & { origin: ShipOrigin | undefined };

/**
 * The parcels of a batch of new orders (same shop): their products' conditions read in one statement,
 * each parcel derived in memory, the warehouses' calendars read in one more; warehouse names only
 * when a conflict needs them.
 */
export async function newParcels(
  tx: Db,
  shopWarehouseId: string,
  mappings: readonly ProductMappingRule[],
  inputs: readonly NewOrder[],
): Promise<{ of: Parcel[][]; problems: ConditionProblems[]; warehouseNames: Map<string, string> }> {
  const conditions = await loadProductConditions(
    tx,
    mappings.flatMap((m) => m.components.map((c) => c.productId)),
  );
  const derived = inputs.map((input) =>
    input.shipments.map((s) => {
      const parcelProducts = shipmentProducts(s.items, mappings, conditions);
      const parcel = deriveShipmentConditions(parcelProducts, {
        warehouseId: shopWarehouseId,
        mallTemperature: s.details?.temperature ?? null,
      });
      return { conditions: parcel, products: parcelProducts };
    }),
  );
  const origins = await loadShipOrigins(tx, [
    shopWarehouseId,
    ...derived.flat().map((p) => p.conditions.warehouseId),
  ]);
  const problems = inputs.map((input, i) => ({
    conflicts: (derived[i] ?? []).flatMap((p) => p.conditions.conflicts),
    timeSlot: timeSlotProblems(input.desiredTimeSlot ?? null, derived[i] ?? []),
  }));
  return {
    of: derived.map((parcels) =>
      parcels.map((p) => ({ ...p.conditions, origin: origins.get(p.conditions.warehouseId) })),
    ),
    problems,
    warehouseNames: await warehouseNames(tx, problems),
  };
}

/** What a new shipment's conditions leave for a person: conflicts and a time slot that cannot be sent. */
export type ConditionProblems = { conflicts: ShipmentConditions["conflicts"]; timeSlot: string[] };

/**
 * The order's お届け時間帯 against each shipment's carrier (its products' choice; unknown when they name
 * none) and against each product's accepted slots.
 */
function timeSlotProblems(
  wish: string | null,
  shipments: readonly { conditions: ShipmentConditions; products: readonly ProductConditions[] }[],
): string[] {
  const key = wish === null ? null : slotKey(wish);
  const problems = shipments.flatMap((s) => {
    const carrier = s.conditions.carrier === null ? null : carrierSlots(s.conditions.carrier);
    return timeSlotProblem(wish, key, carrier, s.products) ?? [];
  });
  return [...new Set(problems)];
}

/** Names of the warehouses a batch's conflicts mention, read only when there is one. */
async function warehouseNames(tx: Db, problems: readonly ConditionProblems[]): Promise<Map<string, string>> {
  const ids = problems.flatMap((p) =>
    p.conflicts.filter((c) => c.field === "warehouse").flatMap((c) => c.groups.map((g) => g.value)),
  );
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: warehouses.id, name: warehouses.name })
    .from(warehouses)
    .where(inArray(warehouses.id, [...new Set(ids)]));
  return new Map(rows.map((w) => [w.id, w.name]));
}

/**
 * Holds a new order whose parcels cannot go as its products and the buyer asked: 配送条件の不一致 when
 * products name different 物流会社 or 配送会社, 時間帯指定不可 when the お届け時間帯 cannot be sent. The
 * timeline says why; nothing is sent to the warehouse until a person clears the tag.
 */
export async function holdForConditions(
  batch: OrderBatch,
  order: LoadedOrder,
  problems: ConditionProblems | undefined,
  names: ReadonlyMap<string, string>,
): Promise<LoadedOrder> {
  if (!problems) return order;
  let current = order;
  const hold = async (code: SystemTagCode, type: string, messages: string[]) => {
    if (messages.length === 0) return;
    batch.writes.recordEvents(
      current.row,
      [{ type, message: messages.join("。"), detail: { messages } }],
      batch.meta,
    );
    const decision = attachTag(
      current.snapshot,
      await batch.systemTag(current.row.accountId, code),
      "system",
    );
    if (!(decision instanceof Error)) current = batch.writes.recordDecision(current, decision, batch.meta);
  };
  await hold(
    "delivery_conditions_conflict",
    "delivery_conditions_conflict",
    problems.conflicts.map((c) => describeConflict(c, (id) => names.get(id) ?? id)),
  );
  await hold("time_slot_unavailable", "time_slot_unavailable", problems.timeSlot);
  return current;
}

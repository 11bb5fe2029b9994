import { createHash } from "node:crypto";
import { inArray } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import type { LoadedOrder } from "#server/db/orders/order-queries.ts";
import { products, warehouses } from "#server/db/schema.ts";
import type { ShipTo } from "#server/domain/address.ts";
import type { ShipmentRequest } from "#server/ports/warehouse.ts";

/** One order's shipment in a request: alone, or one of a 同梱 group. */
export type Member = { order: LoadedOrder; shipmentId: string };

/** A parcel's request with the warehouse that takes it. */
export type BuiltRequest = { warehouse: typeof warehouses.$inferSelect; request: ShipmentRequest };

/**
 * What the warehouse is asked for each parcel (its members' lines summed per SKU), under an
 * idempotency key that names this attempt: the warehouses and SKUs of every parcel read at once.
 */
export async function buildRequests(tx: Db, parcels: readonly Member[][]): Promise<BuiltRequest[]> {
  if (parcels.length === 0) return [];
  const leadShipments = parcels.map((members) => {
    const [lead] = members;
    if (!lead) throw new Error("a shipment request needs a shipment");
    return shipmentOf(lead);
  });
  const warehouseRows = await tx
    .select()
    .from(warehouses)
    .where(inArray(warehouses.id, [...new Set(leadShipments.map((s) => s.warehouseId))]));
  const productIds = [
    ...new Set(
      parcels
        .flat()
        .flatMap((m) => m.order.items.flatMap((i) => i.mapping?.components.map((c) => c.productId) ?? [])),
    ),
  ];
  const rows = productIds.length
    ? await tx
        .select({ id: products.id, sku: products.sku })
        .from(products)
        .where(inArray(products.id, productIds))
    : [];
  const skus = new Map(rows.map((p) => [p.id, p.sku]));
  return parcels.map((members) => {
    const warehouseId = shipmentOf(members[0] as Member).warehouseId;
    const warehouse = warehouseRows.find((w) => w.id === warehouseId);
    if (!warehouse) throw new Error(`warehouse ${warehouseId} vanished`);
    return { warehouse, request: requestOf(members, skus) };
  });
}

function shipmentOf(m: Member) {
  const shipment = m.order.shipments.find((s) => s.id === m.shipmentId);
  if (!shipment) throw new Error(`shipment ${m.shipmentId} not in order ${m.order.row.id}`);
  return shipment;
}

function requestOf(members: readonly Member[], skus: ReadonlyMap<string, string>): ShipmentRequest {
  const lead = members[0] as Member;
  const leadShipment = shipmentOf(lead);
  const items = members.flatMap((m) => m.order.items.filter((i) => i.shipmentId === m.shipmentId));
  const quantities = new Map<string, number>();
  for (const item of items) {
    for (const c of item.mapping?.components ?? []) {
      const sku = skus.get(c.productId) ?? c.productId;
      quantities.set(sku, (quantities.get(sku) ?? 0) + c.quantity * item.quantity);
    }
  }
  const body: Omit<ShipmentRequest, "idempotencyKey"> = {
    shipmentId: leadShipment.id,
    slipNumber: leadShipment.slipNumber,
    mallOrderNumbers: [...new Set(members.map((m) => m.order.row.mallOrderNumber))],
    shipTo: (leadShipment.shipTo ?? lead.order.row.shipTo) as ShipTo,
    lines: [...quantities].map(([sku, quantity]) => ({ sku, quantity })),
    desiredDeliveryDate: lead.order.row.desiredDeliveryDate,
    desiredTimeSlot: lead.order.row.desiredTimeSlot,
    // A merged parcel (同梱) waits for its slowest member.
    plannedShipDate:
      members
        .map((m) => shipmentOf(m).calendarShipDate)
        .filter((d) => d !== null)
        .sort()
        .at(-1) ?? null,
  };
  // The key names this attempt: every retry of it sends the same key, while a new request (after
  // 出荷不可, a fixed address, another member) differs in its due time, the stopped request or the body.
  const attempt = createHash("sha256")
    .update(
      JSON.stringify([
        leadShipment.requestDueAt?.toISOString() ?? null,
        leadShipment.warehouseReference,
        members.map((m) => m.shipmentId),
        body,
      ]),
    )
    .digest("base64url")
    .slice(0, 22);
  return { idempotencyKey: `${leadShipment.id}:${attempt}`, ...body };
}

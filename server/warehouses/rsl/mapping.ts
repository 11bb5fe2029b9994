import { z } from "zod";
import type { Carrier } from "#server/domain/carrier.ts";
import type { ShipmentRequest, WarehouseResult } from "#server/ports/warehouse.ts";

/** Juchu's shipment in RSL's words, and RSL's answers back in Juchu's. */

/** お届け時間帯 RSL takes: 午前中 and the carriers' two-hour slots, as hhhh codes. */
const RSL_SLOTS = new Set(["0812", "1416", "1618", "1820", "1921"]);

/**
 * Juchu keeps a slot as the buyer reads it (`午前中`, `14:00-16:00`, or free text from the remarks).
 * Only a slot RSL has is sent; anything else (午後, 12:00-14:00, 最終便…) goes without, so the parcel
 * still ships and the merchant sees no slot on RSL's side rather than a rejected request.
 */
export function rslTimeSlot(slot: string | null): string | null {
  if (slot === null) return null;
  if (slot === "午前中") return "0812";
  const m = /^(\d{2}):00-(\d{2}):00$/.exec(slot);
  const code = m ? `${m[1]}${m[2]}` : slot;
  return RSL_SLOTS.has(code) ? code : null;
}

export function shipmentBody(request: ShipmentRequest) {
  const { shipTo } = request;
  const slot = rslTimeSlot(request.desiredTimeSlot);
  return {
    clientShipmentId: request.slipNumber,
    orderNumbers: request.mallOrderNumbers,
    recipient: {
      name: shipTo.name,
      postalCode: shipTo.postalCode,
      prefecture: shipTo.prefecture,
      address1: shipTo.address1,
      ...(shipTo.address2 ? { address2: shipTo.address2 } : {}),
      phone: shipTo.phone,
    },
    ...(request.desiredDeliveryDate ? { deliveryDate: request.desiredDeliveryDate } : {}),
    ...(slot ? { deliveryTimeSlot: slot } : {}),
    ...(request.plannedShipDate ? { requestedShipDate: request.plannedShipDate } : {}),
    lines: request.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
  };
}

const errorList = z.object({
  errors: z.array(z.object({ code: z.string(), field: z.string().optional(), message: z.string() })).min(1),
});

/** RSL's errors as one line for the merchant: every message, with the field it is about. */
export function rslErrors(json: unknown): { code: string; message: string } | null {
  const parsed = errorList.safeParse(json);
  if (!parsed.success) return null;
  const list = parsed.data.errors;
  return {
    code: list[0]?.code ?? "",
    message: list.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join(" / "),
  };
}

export const acceptedAnswer = z.object({
  requestId: z.string().min(1),
  plannedShipDate: z.string().nullish(),
});

export const withdrawnAnswer = z.object({ status: z.literal("withdrawn") });

const parcel = z.object({ carrier: z.string(), trackingNumber: z.string() });

const result = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("shipped"),
    requestId: z.string(),
    clientShipmentId: z.string(),
    shippedOn: z.string(),
    parcels: z.array(parcel),
  }),
  z.object({
    status: z.literal("unshippable"),
    requestId: z.string(),
    clientShipmentId: z.string(),
    unshippable: z.object({ code: z.string(), reason: z.string() }),
  }),
]);

export const resultsPage = z.object({
  results: z.array(result),
  nextCursor: z.string().nullable(),
  hasMore: z.boolean(),
});

/** RSL's carrier codes; one it adds later still ships, as その他, with its tracking number. */
const CARRIERS: Record<string, Carrier> = { japanpost: "japanpost", yamato: "yamato", sagawa: "sagawa" };
const carrierOf = (code: string): Carrier => CARRIERS[code] ?? "other";

export function warehouseResult(r: z.infer<typeof result>): WarehouseResult {
  const ids = { warehouseReference: r.requestId, slipNumber: r.clientShipmentId };
  if (r.status === "shipped") {
    return {
      ...ids,
      outcome: "shipped",
      shippedOn: r.shippedOn,
      parcels: r.parcels.map((p) => ({ carrier: carrierOf(p.carrier), trackingNumber: p.trackingNumber })),
    };
  }
  return {
    ...ids,
    outcome: "unshippable",
    code: r.unshippable.code,
    reason: r.unshippable.reason,
  };
}

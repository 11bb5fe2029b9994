import { z } from "@hono/zod-openapi";
import type { shipments } from "#server/db/schema.ts";
import { CARRIER_CODES, CARRIERS, type ShippedParcel } from "#server/domain/carrier.ts";
import { uuid } from "#server/domain/fields.ts";
import {
  SHIPPING_STATUS_LABELS,
  SHIPPING_STATUSES,
  type ShippingStatus,
} from "#server/domain/order-status.ts";
import { tokyoDate, toTokyoIso } from "#server/domain/tokyo-time.ts";

const iso = (d: Date | null) => (d ? toTokyoIso(d) : null);

export const parcelSchema = z.object({
  carrier: z.enum(CARRIER_CODES),
  carrierLabel: z.string(),
  trackingNumber: z.string(),
  trackingUrl: z.string().nullable(),
  mallShippingId: z.string().nullable().describe("モールに報告した発送明細ID (楽天 shippingDetailId)"),
});

/** What every screen shows of one shipment, the order screen and the shipments list alike. */
export const shipmentFields = {
  id: uuid(),
  slipNumber: z.string().describe("出荷番号(送り状のお客様管理番号)"),
  warehouseId: uuid(),
  status: z.enum(SHIPPING_STATUSES),
  statusLabel: z.string(),
  mallPackageId: z.string().nullable().describe("モールの送付先ID (楽天 basketId)"),
  shipTo: z.record(z.string(), z.unknown()).nullable().describe("注文の送付先と異なる場合の送付先"),
  requestDueAt: z.string().nullable(),
  requestedAt: z.string().nullable(),
  warehouseReference: z.string().nullable().describe("倉庫の依頼番号"),
  plannedShipDate: z.string().nullable().describe("倉庫が答えた出荷予定日"),
  consolidationId: uuid().nullable().describe("同梱グループ(先頭の出荷のID)"),
  parcels: z.array(parcelSchema),
  carrier: z.string().nullable().describe("最初の荷物の配送会社名"),
  trackingNumber: z.string().nullable().describe("最初の荷物の伝票番号"),
  shippedAt: z.string().nullable(),
  shippedOn: z.string().nullable(),
  unshippableReason: z.string().nullable(),
  mallReportedAt: z.string().nullable(),
};

export function presentShipment(s: typeof shipments.$inferSelect) {
  const parcels = (s.parcels as ShippedParcel[]).map((p) => ({
    carrier: p.carrier,
    carrierLabel: CARRIERS[p.carrier].label,
    trackingNumber: p.trackingNumber,
    trackingUrl: CARRIERS[p.carrier].trackingUrl(p.trackingNumber),
    mallShippingId: p.mallShippingId ?? null,
  }));
  return {
    id: s.id,
    slipNumber: s.slipNumber,
    warehouseId: s.warehouseId,
    status: s.status as ShippingStatus,
    statusLabel: SHIPPING_STATUS_LABELS[s.status as ShippingStatus],
    mallPackageId: s.mallPackageId,
    shipTo: s.shipTo as Record<string, unknown> | null,
    requestDueAt: iso(s.requestDueAt),
    requestedAt: iso(s.requestedAt),
    warehouseReference: s.warehouseReference,
    plannedShipDate: s.plannedShipDate,
    consolidationId: s.consolidationId,
    parcels,
    carrier: parcels[0]?.carrierLabel ?? null,
    trackingNumber: parcels[0]?.trackingNumber ?? null,
    shippedAt: iso(s.shippedAt),
    shippedOn: s.shippedAt ? tokyoDate(s.shippedAt) : null,
    unshippableReason: s.unshippableReason,
    mallReportedAt: iso(s.mallReportedAt),
  };
}

import { z } from "@hono/zod-openapi";
import { trackingUrl } from "#server/carriers/registry.ts";
import type { shipments } from "#server/db/schema.ts";
import { CARRIER_CODES, CARRIERS, type Carrier, type ShippedParcel } from "#server/domain/carrier.ts";
import { uuid } from "#server/domain/fields.ts";
import {
  SHIPPING_STATUS_LABELS,
  SHIPPING_STATUSES,
  type ShippingStatus,
} from "#server/domain/order-status.ts";
import {
  COLD_TEMPERATURES,
  type ColdTemperature,
  SHIPPING_SERVICES,
  type ShippingService,
  TEMPERATURE_LABELS,
} from "#server/domain/shipping-service.ts";
import { tokyoDate, toTokyoIso } from "#server/domain/tokyo-time.ts";

const iso = (d: Date | null) => (d ? toTokyoIso(d) : null);

export const parcelSchema = z.object({
  carrier: z.enum(CARRIER_CODES),
  carrierLabel: z.string(),
  trackingNumber: z.string(),
  trackingUrl: z.string().nullable(),
  mallShippingId: z.string().nullable().describe("モールに報告した発送明細ID (楽天 shippingDetailId)"),
});

export const pickupPointSchema = z.object({
  kind: z.string().describe("受取場所の種類(ファミリーマート、郵便局 …)"),
  storeCode: z.string(),
  name: z.string(),
  postalCode: z.string(),
  prefecture: z.string(),
  address: z.string(),
});

export const chosenCarrierSchema = z.object({
  mallCode: z.string().describe("モールの配送会社コード(楽天 1001 …)。未知のコードもそのまま"),
  label: z.string(),
  carrier: z.enum(CARRIER_CODES).nullable().describe("Juchuの配送会社。対応がなければ null"),
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
  temperature: z
    .enum(COLD_TEMPERATURES)
    .nullable()
    .describe("クール便: chilled 冷蔵 / frozen 冷凍。null は常温"),
  temperatureLabel: z.string().describe("常温・冷蔵・冷凍"),
  pickupPoint: pickupPointSchema
    .nullable()
    .describe("コンビニ・郵便局受取: 荷物はここへ届く(送付先はこの住所)"),
  dropOffLocation: z.string().nullable().describe("置き配の場所"),
  noshi: z.string().nullable().describe("熨斗(のし)"),
  remoteIsland: z.boolean().describe("離島・一部地域"),
  chosenCarrier: chosenCarrierSchema.nullable().describe("購入者が選んだ配送会社"),
  addressPending: z.boolean().describe("ソーシャルギフトの受取人が住所を未入力"),
  requestDueAt: z.string().nullable(),
  requestedAt: z.string().nullable(),
  warehouseReference: z.string().nullable().describe("倉庫の依頼番号"),
  plannedShipDate: z.string().nullable().describe("倉庫が答えた出荷予定日"),
  calendarShipDate: z.string().nullable().describe("倉庫カレンダーから求めた出荷予定日"),
  expectedDeliveryDate: z.string().nullable().describe("お届け予定日(出荷予定日+配送日数)"),
  shippingService: z
    .enum(SHIPPING_SERVICES)
    .nullable()
    .describe("この出荷に指定した配送サービス(nullは商品の既定に従う)"),
  deliveryCarrier: z
    .enum(CARRIER_CODES)
    .nullable()
    .describe("配送会社(商品の配送条件から)。null は倉庫の既定"),
  productLeadDays: z.int().describe("商品のお届け対応可能日数(出荷予定日に足した営業日数)"),
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
    trackingUrl: trackingUrl(p),
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
    temperature: s.temperature as ColdTemperature | null,
    temperatureLabel: s.temperature ? TEMPERATURE_LABELS[s.temperature as ColdTemperature] : "常温",
    pickupPoint: s.pickupPoint as z.infer<typeof pickupPointSchema> | null,
    dropOffLocation: s.dropOffLocation,
    noshi: s.noshi,
    remoteIsland: s.remoteIsland,
    chosenCarrier: s.chosenCarrier as z.infer<typeof chosenCarrierSchema> | null,
    addressPending: s.addressPending,
    requestDueAt: iso(s.requestDueAt),
    requestedAt: iso(s.requestedAt),
    warehouseReference: s.warehouseReference,
    plannedShipDate: s.plannedShipDate,
    calendarShipDate: s.calendarShipDate,
    expectedDeliveryDate: s.expectedDeliveryDate,
    shippingService: s.shippingService as ShippingService | null,
    deliveryCarrier: s.carrier as Carrier | null,
    productLeadDays: s.productLeadDays,
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

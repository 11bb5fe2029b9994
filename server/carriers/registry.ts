import { CARRIERS, type Carrier } from "#server/domain/carrier.ts";
import type { TimeSlot } from "#server/domain/delivery-conditions.ts";
import type { CarrierDefinition } from "./carrier-definition.ts";
import { japanpost } from "./japanpost/index.ts";
import { sagawa } from "./sagawa/index.ts";
import type { CarrierLayout } from "./slip.ts";
import type { TrackingImportProfile } from "./tracking-import.ts";
import { yamato } from "./yamato/index.ts";

/** The carriers Juchu prints slips for and reads tracking numbers from; a new one is a folder and a line. */
export const CARRIER_DEFINITIONS: readonly CarrierDefinition[] = [yamato, sagawa, japanpost];

export function carrierDefinition(code: Carrier): CarrierDefinition | undefined {
  return CARRIER_DEFINITIONS.find((c) => c.code === code);
}

/** Every slip format of every carrier, in the order the merchant sees them. */
export const CARRIER_CSV_FORMATS: readonly {
  code: string;
  carrier: Carrier;
  label: string;
  layout: CarrierLayout;
}[] = CARRIER_DEFINITIONS.flatMap((c) =>
  Object.entries(c.slipFormats).map(([code, f]) => ({
    code,
    carrier: c.code,
    label: f.label,
    layout: f.layout,
  })),
);

export function carrierLayout(format: string): CarrierLayout | undefined {
  return CARRIER_CSV_FORMATS.find((f) => f.code === format)?.layout;
}

/** The built-in tracking-number import profiles; merchants add their own in 倉庫設定. */
export const TRACKING_IMPORT_PROFILES: readonly TrackingImportProfile[] = CARRIER_DEFINITIONS.flatMap(
  (c) => c.trackingProfiles,
);

/** The carrier's tracking page; null for a carrier Juchu has no page for (その他). */
export function trackingUrl(parcel: { carrier: Carrier; trackingNumber: string }): string | null {
  return carrierDefinition(parcel.carrier)?.trackingUrl(parcel.trackingNumber) ?? null;
}

/** What the order's お届け時間帯 check needs of a carrier: its name and its slots; null for その他. */
export function carrierSlots(code: Carrier): { label: string; slots: readonly TimeSlot[] } | null {
  const definition = carrierDefinition(code);
  return definition ? { label: CARRIERS[code].label, slots: definition.timeSlots } : null;
}

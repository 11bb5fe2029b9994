import type { Carrier } from "#server/domain/carrier.ts";
import type { TimeSlot } from "#server/domain/delivery-conditions.ts";
import type { CarrierLayout } from "./slip.ts";
import type { TrackingImportProfile } from "./tracking-import.ts";

/**
 * Everything Juchu knows of one carrier, in its own folder: the slip files its label software imports,
 * the exports its tracking numbers come back in, and what its numbers look like. Generic code asks the
 * registry (registry.ts) and never names a carrier, so a new carrier is a new folder.
 */
export type CarrierDefinition = {
  /** Juchu's own code (domain/carrier.ts), the one parcels carry. */
  code: Exclude<Carrier, "other">;
  /** How exported files and merchants name the carrier, for files that say it per row. */
  names: readonly string[];
  /** The tracking page the shipping mail and the order screen link to. */
  trackingUrl: (trackingNumber: string) => string;
  /** The number's shape, and the Japanese rule shown when a number does not fit it. */
  trackingNumber: { test: (normalized: string) => boolean; rule: string };
  /** お届け時間帯 the carrier offers (domain/delivery-conditions.ts keys), as its slip layout codes them. */
  timeSlots: readonly TimeSlot[];
  /** Slip import files (送り状発行データ) by format code, each with the label the merchant picks. */
  slipFormats: Readonly<Record<string, { label: string; layout: CarrierLayout }>>;
  /** The carrier's exports that hand tracking numbers back, read by header name. */
  trackingProfiles: readonly TrackingImportProfile[];
};

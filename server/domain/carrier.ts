/**
 * 配送会社: Juchu's own codes for the carriers a parcel leaves with, and their Japanese names. Each
 * channel and warehouse maps them to its own codes; what each carrier's files and tracking pages look
 * like lives in server/carriers/<code>/.
 */
export const CARRIERS = {
  yamato: { label: "ヤマト運輸" },
  sagawa: { label: "佐川急便" },
  japanpost: { label: "日本郵便" },
  other: { label: "その他" },
} as const satisfies Record<string, { label: string }>;

export type Carrier = keyof typeof CARRIERS;
export const CARRIER_CODES = Object.keys(CARRIERS) as Carrier[];

export function isCarrier(value: string): value is Carrier {
  return value in CARRIERS;
}

/** One box as it left the warehouse: a shipment may go in several (複数口). */
export type Parcel = { carrier: Carrier; trackingNumber: string };

/**
 * A parcel as Juchu keeps it: with the mall's id once reported, so a later report amends, not adds.
 * reportSentAt marks a report on its way: set with no id, the answer may have been lost.
 */
export type ShippedParcel = Parcel & { mallShippingId: string | null; reportSentAt?: string | undefined };

/** "日本郵便 123456789012" for the timeline and the screens. */
export function describeParcels(parcels: readonly Parcel[]): string {
  return parcels.map((p) => `${CARRIERS[p.carrier].label} ${p.trackingNumber}`).join("、");
}

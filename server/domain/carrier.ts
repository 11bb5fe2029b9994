/**
 * 配送会社: the carriers a parcel leaves with. The code is Juchu's own; each mall and warehouse adapter
 * maps it to theirs (RMS deliveryCompany 1001…, RSL's carrier names). The tracking URL is what the
 * shipping mail and the order screen link to.
 */
export const CARRIERS = {
  yamato: {
    label: "ヤマト運輸",
    trackingUrl: (n: string) =>
      `https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=${encodeURIComponent(n)}`,
  },
  sagawa: {
    label: "佐川急便",
    trackingUrl: (n: string) =>
      `https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=${encodeURIComponent(n)}`,
  },
  japanpost: {
    label: "日本郵便",
    trackingUrl: (n: string) =>
      `https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=${encodeURIComponent(n)}&searchKind=S002&locale=ja`,
  },
  other: { label: "その他", trackingUrl: (_n: string) => null as string | null },
} as const satisfies Record<string, { label: string; trackingUrl: (n: string) => string | null }>;

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

/** What the slip export knows of each shipment of a cash-on-delivery order. */
export type CodShipment = {
  id: string;
  orderId: string;
  /** 出荷番号: shipments are numbered as they are made, so the lowest is the order's first. */
  slipNumber: string;
  status: string;
};

/**
 * 代引: the buyer pays once. An order split over several parcels collects its whole amount on the
 * parcel carrying its first live shipment (lowest 出荷番号, a cancelled one aside); every other parcel
 * is a plain 発払い. Returns the ids of those collecting shipments.
 */
export function collectingShipments(shipments: readonly CodShipment[]): Set<string> {
  const first = new Map<string, CodShipment>();
  for (const s of shipments) {
    if (s.status === "cancelled") continue;
    const seen = first.get(s.orderId);
    if (!seen || s.slipNumber < seen.slipNumber) first.set(s.orderId, s);
  }
  return new Set([...first.values()].map((s) => s.id));
}

/**
 * The amount one parcel collects: the totals of the cash-on-delivery orders it is the collecting
 * parcel for (several when 同梱 merged them); null when it collects nothing. An order whose total is
 * not fixed yet leaves the parcel's amount unknown (NaN), which the layouts refuse.
 */
export function parcelCashOnDelivery(
  members: readonly { shipmentId: string; cashOnDelivery: boolean; orderTotal: number | null }[],
  collecting: ReadonlySet<string>,
): number | null {
  const paying = members.filter((m) => m.cashOnDelivery && collecting.has(m.shipmentId));
  if (paying.length === 0) return null;
  return paying.reduce((sum, m) => sum + (m.orderTotal ?? Number.NaN), 0);
}

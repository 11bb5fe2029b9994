/**
 * 配送サービス and 温度帯: what kind of parcel a shipment is, in the merchant's words. Each carrier's layout
 * (server/carriers/<carrier>/) turns them into its own codes.
 * 代金引換 is not a service here: it follows from the order's payment method.
 */
export const SHIPPING_SERVICE_LABELS = {
  standard: "宅配便(発払い)",
  compact: "宅急便コンパクト",
  mailbox: "ポスト投函(ネコポス・ゆうパケット)",
  time_10: "タイム便(午前10時まで)",
  time_17: "タイム便(午後5時まで)",
  recipient_pays: "着払い",
} as const;

export type ShippingService = keyof typeof SHIPPING_SERVICE_LABELS;
export const SHIPPING_SERVICES = Object.keys(SHIPPING_SERVICE_LABELS) as [
  ShippingService,
  ...ShippingService[],
];

export const TEMPERATURE_LABELS = { ambient: "常温", chilled: "冷蔵", frozen: "冷凍" } as const;
export type Temperature = keyof typeof TEMPERATURE_LABELS;
export const TEMPERATURES = Object.keys(TEMPERATURE_LABELS) as [Temperature, ...Temperature[]];

/** クール便 as a mall or a shipment records it: no value means 常温. */
export type ColdTemperature = Exclude<Temperature, "ambient">;
export const COLD_TEMPERATURES = ["chilled", "frozen"] as const satisfies readonly ColdTemperature[];

export function isColdTemperature(value: unknown): value is ColdTemperature {
  return value === "chilled" || value === "frozen";
}

/** Coldest last: one frozen item makes the whole parcel a 冷凍 parcel. */
const COLDNESS: readonly Temperature[] = ["ambient", "chilled", "frozen"];

/**
 * The parcel's temperature: the strictest of its products' and of what the mall says of its orders
 * (Rakuten's クール便 choice; null where the mall says nothing).
 */
export function shipmentTemperature(
  productTemperatures: readonly Temperature[],
  mallTemperatures: readonly (ColdTemperature | null)[],
): Temperature {
  const all = [...productTemperatures, ...mallTemperatures.filter((t) => t !== null)];
  return all.reduce<Temperature>((a, b) => (COLDNESS.indexOf(b) > COLDNESS.indexOf(a) ? b : a), "ambient");
}

/**
 * Products that want different services share one parcel: a choice the merchant made for a product
 * (タイム, 着払い) outranks the size classes, and a box fits what a smaller one would (宅配便 >
 * コンパクト > ポスト投函).
 */
const RANK: readonly ShippingService[] = [
  "mailbox",
  "compact",
  "standard",
  "recipient_pays",
  "time_17",
  "time_10",
];

/** The shipment's service: the one set on the shipment itself, else what its products need. */
export function shipmentService(
  productServices: readonly ShippingService[],
  override: ShippingService | null,
): ShippingService {
  if (override !== null) return override;
  if (productServices.length === 0) return "standard";
  return productServices.reduce((a, b) => (RANK.indexOf(b) > RANK.indexOf(a) ? b : a));
}

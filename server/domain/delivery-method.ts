import { SHIPPING_SERVICE_LABELS, type ShippingService } from "./shipping-service.ts";

export type DeliveryFacts = { chosenCarrier: unknown; shippingService: string | null };

/**
 * 配送方法 as the order list and its CSV show it: what the buyer chose at checkout (the mall's words),
 * else the 配送サービス set on the shipment; one label per distinct method, so a split order reads once.
 */
export function deliveryMethodOf(shipments: readonly DeliveryFacts[]): string | null {
  const labels = new Set<string>();
  for (const s of shipments) {
    const chosen = (s.chosenCarrier as { label?: unknown } | null)?.label;
    if (typeof chosen === "string" && chosen) labels.add(chosen);
    else if (s.shippingService) labels.add(SHIPPING_SERVICE_LABELS[s.shippingService as ShippingService]);
  }
  return labels.size ? [...labels].join("・") : null;
}

import { trackingUrl } from "#server/carriers/registry.ts";
import { CARRIERS, type Carrier } from "#server/domain/carrier.ts";
import { ORDER_STATUS_LABELS, SHIPPING_STATUS_LABELS } from "#server/domain/order-status.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";

type Facts = Record<string, unknown>;
type Labels = Record<string, string>;

const labelOf = (labels: Labels, code: unknown) => (typeof code === "string" ? (labels[code] ?? code) : null);

function withStatusLabels(data: Facts, labels: Labels): Facts {
  return {
    ...data,
    statusLabel: labelOf(labels, data.status),
    previousStatusLabel: labelOf(labels, data.previousStatus),
  };
}

/** What left the warehouse, as the order API shows parcels (without the mall's bookkeeping). */
function parcelsOf(value: unknown) {
  if (!Array.isArray(value)) return [];
  return value.map((p: { carrier: Carrier; trackingNumber: string }) => ({
    carrier: p.carrier,
    carrierLabel: CARRIERS[p.carrier]?.label ?? p.carrier,
    trackingNumber: p.trackingNumber,
    trackingUrl: trackingUrl(p),
  }));
}

/**
 * The body a receiver gets, Standard Webhooks style: `{ type, timestamp, data }`. The outbox keeps
 * order and shipment facts by code; the Japanese labels are added here, from the same tables the API
 * reads, so every try of a delivery sends the same bytes.
 */
export function webhookPayload(event: { type: string; at: Date; data: unknown }) {
  const facts = (event.data ?? {}) as Facts;
  let data: Facts = facts;
  if (event.type.startsWith("order.")) data = withStatusLabels(facts, ORDER_STATUS_LABELS);
  if (event.type.startsWith("shipment."))
    data = { ...withStatusLabels(facts, SHIPPING_STATUS_LABELS), parcels: parcelsOf(facts.parcels) };
  return { type: event.type, timestamp: toTokyoIso(event.at), data };
}

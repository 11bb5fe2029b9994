import { eq, inArray } from "drizzle-orm";
import { webhookDeliveries, webhookEndpoints, webhookEvents } from "#server/db/schema.ts";
import type { AppContext } from "../context.ts";
import { webhookPayload } from "./payload.ts";
import { recordAttempt } from "./record.ts";
import { signatureHeaders, signingSecrets } from "./sign.ts";

/** A `webhook-delivery` job: the try of one delivery due at `dueAt` (ISO). */
export type DeliveryJob = { deliveryId: string; dueAt: string };

/** Endpoints sent to at once; each endpoint's own deliveries go one after another. */
const ENDPOINTS_AT_ONCE = 8;

type Row = {
  delivery: typeof webhookDeliveries.$inferSelect;
  endpoint: typeof webhookEndpoints.$inferSelect;
  event: typeof webhookEvents.$inferSelect;
};

/**
 * A fetch of delivery jobs: read in one query, grouped by endpoint, each endpoint's sent in event order
 * (sign → POST → record), endpoints side by side. A job whose delivery is settled, was reset, or whose
 * endpoint is off sends nothing. Answers one error per job whose outcome could not be recorded (the
 * database gone), for the queue to retry — which sends it again with the same webhook-id.
 */
export async function sendDeliveries(
  ctx: AppContext,
  jobs: readonly DeliveryJob[],
): Promise<(Error | null)[]> {
  const outcomes = new Map<string, Error>();
  const rows = await ctx.db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints, event: webhookEvents })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(
      inArray(
        webhookDeliveries.id,
        jobs.map((j) => j.deliveryId),
      ),
    );
  const dueAt = new Map(jobs.map((j) => [j.deliveryId, Date.parse(j.dueAt)]));
  const byEndpoint = new Map<string, Row[]>();
  for (const row of rows) {
    const { delivery, endpoint } = row;
    if (delivery.status !== "pending" || !endpoint.enabled) continue;
    if (delivery.nextAttemptAt?.getTime() !== dueAt.get(delivery.id)) continue;
    byEndpoint.set(endpoint.id, [...(byEndpoint.get(endpoint.id) ?? []), row]);
  }
  const queue = [...byEndpoint.values()].map((list) => list.sort((a, b) => a.event.seq - b.event.seq));
  const lane = async () => {
    for (let list = queue.shift(); list; list = queue.shift()) {
      for (const row of list) {
        try {
          await sendOne(ctx, row);
        } catch (error) {
          outcomes.set(row.delivery.id, error instanceof Error ? error : new Error(String(error)));
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(ENDPOINTS_AT_ONCE, queue.length) }, lane));
  return jobs.map((j) => outcomes.get(j.deliveryId) ?? null);
}

/**
 * One try. The webhook-id is the event's, the same on every try and redelivery, so a receiver that
 * keeps the ids it has handled sees each event once; the timestamp is the try's own.
 */
async function sendOne(ctx: AppContext, { delivery, endpoint, event }: Row): Promise<void> {
  const sentAt = ctx.clock.now();
  const body = JSON.stringify(webhookPayload(event));
  const headers = signatureHeaders({
    id: event.id,
    at: sentAt,
    body,
    secrets: signingSecrets(ctx.secrets, endpoint, sentAt),
  });
  const answer = await ctx.webhookSender({ url: endpoint.url, headers, body });
  await recordAttempt(
    ctx,
    {
      deliveryId: delivery.id,
      endpointId: endpoint.id,
      dueAt: delivery.nextAttemptAt as Date,
      sentAt,
    },
    answer,
  );
}

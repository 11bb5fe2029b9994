import { type DeliveryJob, sendDeliveries } from "#server/app/webhooks/send.ts";
import type { BatchHandler } from "./batch.ts";

/**
 * Tries of webhook deliveries. A receiver's failure is not the job's: it is recorded with its next
 * try as a new delayed job (the backoff of domain/webhooks.ts), so pg-boss retries a job only when
 * the outcome could not be recorded, or its worker died mid-send.
 */
export const handleWebhookDelivery: BatchHandler<DeliveryJob> = (ctx, jobs) => sendDeliveries(ctx, jobs);

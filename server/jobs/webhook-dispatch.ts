import { dispatchWebhookEvents } from "#server/app/webhooks/dispatch.ts";
import type { BatchHandler } from "./batch.ts";

/** The outbox's new events become deliveries, a batch at a time until it is empty. */
export const handleWebhookDispatch: BatchHandler = async (ctx, jobs) => {
  while ((await dispatchWebhookEvents(ctx)) > 0);
  return jobs.map(() => null);
};

import { and, eq } from "drizzle-orm";
import { webhookDeliveries, webhookEndpoints } from "#server/db/schema.ts";
import type { WebhookEventType } from "#server/domain/webhooks.ts";
import type { AppContext } from "../context.ts";
import { endpointView, lockedEndpoint, type WebhookEndpointView } from "./endpoint-views.ts";
import { newWebhookSecret, sealSecret } from "./sign.ts";

export type EndpointInput = { url: string; description?: string | undefined; events: WebhookEventType[] };

/** A new endpoint, on, with its signing secret — answered once, here, and never shown again. */
export async function createEndpoint(
  ctx: AppContext,
  accountId: string,
  input: EndpointInput,
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const id = ctx.newId();
  const secret = newWebhookSecret();
  const now = ctx.clock.now();
  await ctx.db.insert(webhookEndpoints).values({
    id,
    accountId,
    url: input.url,
    description: input.description ?? "",
    events: [...new Set(input.events)],
    secret: sealSecret(ctx.secrets, secret),
    createdAt: now,
    updatedAt: now,
  });
  return { endpoint: await endpointView(ctx.db, accountId, id), secret };
}

/**
 * A change of URL, description, events or on/off. Switched on again, the failure count starts over
 * and the deliveries left waiting while it was off go out at once.
 */
export async function updateEndpoint(
  ctx: AppContext,
  accountId: string,
  id: string,
  input: Partial<EndpointInput> & { enabled?: boolean | undefined },
): Promise<WebhookEndpointView> {
  await ctx.db.transaction(async (tx) => {
    const before = await lockedEndpoint(tx, accountId, id);
    const now = ctx.clock.now();
    const resumed = input.enabled === true && !before.enabled;
    await tx
      .update(webhookEndpoints)
      .set({
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.events !== undefined ? { events: [...new Set(input.events)] } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled, disabledReason: null } : {}),
        ...(resumed ? { consecutiveFailures: 0 } : {}),
        updatedAt: now,
      })
      .where(eq(webhookEndpoints.id, id));
    if (!resumed) return;
    const waiting = await tx
      .update(webhookDeliveries)
      .set({ nextAttemptAt: now })
      .where(and(eq(webhookDeliveries.endpointId, id), eq(webhookDeliveries.status, "pending")))
      .returning({ id: webhookDeliveries.id });
    await ctx.jobs.enqueueMany(
      tx,
      "webhook-delivery",
      waiting.map((d) => ({ data: { deliveryId: d.id, dueAt: now.toISOString() } })),
    );
  });
  return endpointView(ctx.db, accountId, id);
}

/** Gone with its deliveries and their log; the events stay in the outbox for the other endpoints. */
export async function deleteEndpoint(ctx: AppContext, accountId: string, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockedEndpoint(tx, accountId, id);
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  });
}

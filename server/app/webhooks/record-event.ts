import { and, eq } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { webhookEndpoints, webhookEvents } from "#server/db/schema.ts";
import type { WebhookEventType } from "#server/domain/webhooks.ts";
import type { AppContext } from "../context.ts";

export type WebhookEventInput = {
  type: WebhookEventType;
  data: Record<string, unknown>;
  /** Only this endpoint gets it, whatever it subscribes to (a test send). */
  endpointId?: string;
};

/**
 * The one way app code puts an event in the webhook outbox: through `tx`, so the event exists exactly
 * when the change it tells of commits. Nothing is written unless an enabled endpoint of the account
 * subscribes to the type (or the event names its endpoint). Order and shipment status changes are
 * written by the trigger on order_events instead (migration 0023).
 */
export async function recordWebhookEvent(
  ctx: Pick<AppContext, "clock" | "newId">,
  tx: Db,
  accountId: string,
  events: readonly WebhookEventInput[],
): Promise<number> {
  if (events.length === 0) return 0;
  const listening = await tx
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.accountId, accountId), eq(webhookEndpoints.enabled, true)));
  const wanted = events.filter((e) =>
    listening.some((w) => (e.endpointId ? w.id === e.endpointId : w.events.includes(e.type))),
  );
  if (wanted.length === 0) return 0;
  const at = ctx.clock.now();
  await tx.insert(webhookEvents).values(
    wanted.map((e) => ({
      id: ctx.newId(),
      accountId,
      type: e.type,
      at,
      data: e.data,
      endpointId: e.endpointId ?? null,
    })),
  );
  return wanted.length;
}

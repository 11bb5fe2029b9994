import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { webhookDeliveries, webhookEndpoints, webhookEvents } from "#server/db/schema.ts";
import type { AppContext } from "../context.ts";

/** Events fanned out per transaction. */
const DISPATCH_BATCH = 500;

/** The workers' sweep: one `webhook-dispatch` run (a stately queue) while the outbox holds new events. */
export async function enqueueWebhookDispatch(ctx: AppContext): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const [waiting] = await tx
      .select({ id: webhookEvents.id })
      .from(webhookEvents)
      .where(isNull(webhookEvents.dispatchedAt))
      .limit(1);
    if (waiting) await ctx.jobs.enqueue(tx, "webhook-dispatch", {}, { singletonKey: "webhook-dispatch" });
    return Boolean(waiting);
  });
}

/**
 * New outbox events → one delivery per enabled endpoint that wants each, and the job that sends it, in
 * one transaction with marking the events dispatched. Skip-locked, so two workers split the backlog.
 * Answers how many events it took (DISPATCH_BATCH at most: the caller goes on while it is full).
 */
export async function dispatchWebhookEvents(ctx: AppContext): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const events = await tx
      .select({
        id: webhookEvents.id,
        accountId: webhookEvents.accountId,
        type: webhookEvents.type,
        endpointId: webhookEvents.endpointId,
      })
      .from(webhookEvents)
      .where(isNull(webhookEvents.dispatchedAt))
      .orderBy(asc(webhookEvents.seq))
      .limit(DISPATCH_BATCH)
      .for("update", { skipLocked: true });
    if (events.length === 0) return 0;
    const endpoints = await tx
      .select({
        id: webhookEndpoints.id,
        accountId: webhookEndpoints.accountId,
        events: webhookEndpoints.events,
      })
      .from(webhookEndpoints)
      .where(
        and(
          inArray(webhookEndpoints.accountId, [...new Set(events.map((e) => e.accountId))]),
          eq(webhookEndpoints.enabled, true),
        ),
      );
    const rows = events.flatMap((e) =>
      endpoints
        .filter(
          (w) =>
            w.accountId === e.accountId && (e.endpointId ? w.id === e.endpointId : w.events.includes(e.type)),
        )
        .map((w) => ({
          id: ctx.newId(),
          accountId: e.accountId,
          endpointId: w.id,
          eventId: e.id,
          status: "pending",
          nextAttemptAt: now,
          createdAt: now,
        })),
    );
    if (rows.length > 0) {
      const made = await tx
        .insert(webhookDeliveries)
        .values(rows)
        .onConflictDoNothing()
        .returning({ id: webhookDeliveries.id });
      await ctx.jobs.enqueueMany(
        tx,
        "webhook-delivery",
        made.map((d) => ({ data: { deliveryId: d.id, dueAt: now.toISOString() } })),
      );
    }
    await tx
      .update(webhookEvents)
      .set({ dispatchedAt: now })
      .where(
        inArray(
          webhookEvents.id,
          events.map((e) => e.id),
        ),
      );
    return events.length;
  });
}

import { eq, sql } from "drizzle-orm";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "#server/db/schema.ts";
import { disabledReason, nextAttemptAt } from "#server/domain/webhooks.ts";
import type { WebhookAnswer } from "#server/ports/webhook-sender.ts";
import type { AppContext } from "../context.ts";

export type SentDelivery = { deliveryId: string; endpointId: string; dueAt: Date; sentAt: Date };

/**
 * A try's outcome, in one transaction: its line in the attempt log; delivered, or the next try and the
 * job that makes it (the backoff of domain/webhooks.ts), or given up; and the endpoint's run of
 * give-ups, which switches it off once too long. Only the try the delivery still waits for is
 * recorded: a second run of the same job (its worker thought dead) finds it settled and stays silent.
 */
export async function recordAttempt(
  ctx: AppContext,
  sent: SentDelivery,
  answer: WebhookAnswer,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [delivery] = await tx
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, sent.deliveryId))
      .for("update");
    if (delivery?.status !== "pending" || delivery.nextAttemptAt?.getTime() !== sent.dueAt.getTime()) return;
    const now = ctx.clock.now();
    const attempts = delivery.attempts + 1;
    const lastError = answer.ok
      ? null
      : (answer.error ?? `受信先がHTTP ${answer.statusCode}を返しました(2xx以外は失敗)`);
    await tx.insert(webhookAttempts).values({
      deliveryId: delivery.id,
      at: sent.sentAt,
      statusCode: answer.statusCode,
      durationMs: answer.durationMs,
      error: lastError,
      responseBody: answer.responseBody,
    });
    const endpoint = eq(webhookEndpoints.id, sent.endpointId);
    if (answer.ok) {
      await tx
        .update(webhookDeliveries)
        .set({
          status: "succeeded",
          attempts,
          lastStatusCode: answer.statusCode,
          lastError: null,
          nextAttemptAt: null,
          deliveredAt: now,
        })
        .where(eq(webhookDeliveries.id, delivery.id));
      await tx.update(webhookEndpoints).set({ consecutiveFailures: 0 }).where(endpoint);
      return;
    }
    const next = nextAttemptAt(attempts, now);
    await tx
      .update(webhookDeliveries)
      .set({
        status: next ? "pending" : "failed",
        attempts,
        lastStatusCode: answer.statusCode,
        lastError,
        nextAttemptAt: next,
      })
      .where(eq(webhookDeliveries.id, delivery.id));
    if (next) {
      await ctx.jobs.enqueue(
        tx,
        "webhook-delivery",
        { deliveryId: delivery.id, dueAt: next.toISOString() },
        { startAfter: next },
      );
      return;
    }
    const [counted] = await tx
      .update(webhookEndpoints)
      .set({ consecutiveFailures: sql`${webhookEndpoints.consecutiveFailures} + 1` })
      .where(endpoint)
      .returning({ failures: webhookEndpoints.consecutiveFailures });
    const reason = disabledReason(counted?.failures ?? 0);
    if (reason)
      await tx
        .update(webhookEndpoints)
        .set({ enabled: false, disabledReason: reason, updatedAt: now })
        .where(endpoint);
  });
}

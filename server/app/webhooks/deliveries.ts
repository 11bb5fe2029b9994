import { and, asc, desc, eq, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { webhookAttempts, webhookDeliveries, webhookEvents } from "#server/db/schema.ts";
import { decodeCursor, encodeCursor } from "#server/domain/keyset-cursor.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import type { AppContext } from "../context.ts";
import { lockedEndpoint } from "./endpoint-views.ts";
import { webhookPayload } from "./payload.ts";

export const DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const iso = (d: Date | null) => (d ? toTokyoIso(d) : null);
type Row = { delivery: typeof webhookDeliveries.$inferSelect; type: string };

function summary({ delivery: d, type }: Row) {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: type,
    status: d.status as DeliveryStatus,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    nextAttemptAt: d.status === "pending" ? iso(d.nextAttemptAt) : null,
    createdAt: toTokyoIso(d.createdAt),
    deliveredAt: iso(d.deliveredAt),
  };
}

/** An endpoint's delivery log, newest first, keyset-paged; another account's endpoint is not found. */
export async function listDeliveries(
  db: Db,
  accountId: string,
  endpointId: string,
  query: { status?: DeliveryStatus | undefined; cursor?: string | undefined; limit: number },
) {
  await lockedEndpoint(db, accountId, endpointId, false);
  const where: (SQL | undefined)[] = [
    eq(webhookDeliveries.endpointId, endpointId),
    eq(webhookDeliveries.accountId, accountId),
  ];
  if (query.status) where.push(eq(webhookDeliveries.status, query.status));
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    const at = new Date(c.at);
    where.push(
      or(
        sql`${webhookDeliveries.createdAt} < ${at}`,
        and(eq(webhookDeliveries.createdAt, at), sql`${webhookDeliveries.id} < ${c.id}`),
      ),
    );
  }
  const rows = await db
    .select({ delivery: webhookDeliveries, type: webhookEvents.type })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(and(...where))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(summary),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ at: last.delivery.createdAt.toISOString(), id: last.delivery.id })
        : null,
  };
}

async function deliveryRow(db: Db, accountId: string, endpointId: string, id: string) {
  const [row] = await db
    .select({ delivery: webhookDeliveries, event: webhookEvents })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(
      and(
        eq(webhookDeliveries.id, id),
        eq(webhookDeliveries.endpointId, endpointId),
        eq(webhookDeliveries.accountId, accountId),
      ),
    );
  if (!row) throw notFound("webhook_delivery", "Webhookの配信");
  return row;
}

/** One delivery with the payload it sends and every recorded try. */
export async function deliveryDetail(db: Db, accountId: string, endpointId: string, id: string) {
  const { delivery, event } = await deliveryRow(db, accountId, endpointId, id);
  const attempts = await db
    .select()
    .from(webhookAttempts)
    .where(eq(webhookAttempts.deliveryId, id))
    .orderBy(asc(webhookAttempts.id));
  return {
    ...summary({ delivery, type: event.type }),
    payload: webhookPayload(event),
    attemptLog: attempts.map((a) => ({
      at: toTokyoIso(a.at),
      statusCode: a.statusCode,
      durationMs: a.durationMs,
      error: a.error,
      responseBody: a.responseBody,
    })),
  };
}

/**
 * 再送: a settled delivery (delivered or given up) starts over — tries counted from 0, the first one at
 * once, with the same webhook-id. One still waiting for its next try is already on its way.
 */
export async function redeliver(ctx: AppContext, accountId: string, endpointId: string, id: string) {
  await ctx.db.transaction(async (tx) => {
    const endpoint = await lockedEndpoint(tx, accountId, endpointId);
    const { delivery } = await deliveryRow(tx, accountId, endpointId, id);
    if (delivery.status === "pending")
      throw new Refusal("webhook_delivery.pending", "この配信はまだ送信待ちです。次の送信をお待ちください。");
    if (!endpoint.enabled)
      throw new Refusal("webhook.disabled", "無効の送信先には再送できません。有効にしてからお試しください。");
    const now = ctx.clock.now();
    await tx
      .update(webhookDeliveries)
      .set({ status: "pending", attempts: 0, nextAttemptAt: now, deliveredAt: null })
      .where(eq(webhookDeliveries.id, id));
    await ctx.jobs.enqueue(tx, "webhook-delivery", { deliveryId: id, dueAt: now.toISOString() });
  });
}

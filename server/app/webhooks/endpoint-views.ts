import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { webhookDeliveries, webhookEndpoints } from "#server/db/schema.ts";
import { notFound } from "#server/domain/refusal.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import type { WebhookEventType } from "#server/domain/webhooks.ts";

type EndpointRow = typeof webhookEndpoints.$inferSelect;

export type WebhookEndpointView = {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  enabled: boolean;
  disabledReason: string | null;
  createdAt: string;
  secretRotatedAt: string | null;
  deliveries: { succeeded: number; failed: number; pending: number };
};

/** The account's endpoint (locked for a change unless only read); not found for another account's id. */
export async function lockedEndpoint(
  tx: Db,
  accountId: string,
  id: string,
  lock = true,
): Promise<EndpointRow> {
  const query = tx
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.accountId, accountId)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("webhook", "Webhookの送信先");
  return row;
}

async function present(db: Db, rows: readonly EndpointRow[]): Promise<WebhookEndpointView[]> {
  const counts = rows.length
    ? await db
        .select({ endpointId: webhookDeliveries.endpointId, status: webhookDeliveries.status, n: count() })
        .from(webhookDeliveries)
        .where(
          inArray(
            webhookDeliveries.endpointId,
            rows.map((r) => r.id),
          ),
        )
        .groupBy(webhookDeliveries.endpointId, webhookDeliveries.status)
    : [];
  const tally = (id: string, status: string) =>
    counts.find((c) => c.endpointId === id && c.status === status)?.n ?? 0;
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    description: r.description,
    events: r.events as WebhookEventType[],
    enabled: r.enabled,
    disabledReason: r.disabledReason,
    createdAt: toTokyoIso(r.createdAt),
    secretRotatedAt: r.secretRotatedAt ? toTokyoIso(r.secretRotatedAt) : null,
    deliveries: {
      succeeded: tally(r.id, "succeeded"),
      failed: tally(r.id, "failed"),
      pending: tally(r.id, "pending"),
    },
  }));
}

export async function listEndpoints(db: Db, accountId: string): Promise<WebhookEndpointView[]> {
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.accountId, accountId))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
  return present(db, rows);
}

export async function endpointView(db: Db, accountId: string, id: string): Promise<WebhookEndpointView> {
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.accountId, accountId)));
  const [view] = await present(db, rows);
  if (!view) throw notFound("webhook", "Webhookの送信先");
  return view;
}

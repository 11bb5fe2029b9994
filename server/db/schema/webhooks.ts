import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { created, ts, updated } from "./columns.ts";

/** A receiver of an account's events: its URL, what it subscribes to and the secret that signs them. */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    events: text("events").array().notNull(),
    enabled: boolean("enabled").notNull().default(true),
    /** Why Juchu switched it off (failures in a row); null when a person did, or while it is on. */
    disabledReason: text("disabled_reason"),
    /** The signing secret (whsec_…), sealed like mall credentials. */
    secret: jsonb("secret").notNull(),
    /** The secret before the last rotation: it signs beside the new one until previous_secret_until. */
    previousSecret: jsonb("previous_secret"),
    previousSecretUntil: ts("previous_secret_until"),
    secretRotatedAt: ts("secret_rotated_at"),
    /** Deliveries given up in a row; a success starts it again at 0. */
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index("webhook_endpoints_account_idx").on(t.accountId)],
);

/**
 * The outbox: one row per event some enabled endpoint subscribed to, written in the transaction of
 * the change (order events by the trigger on order_events, the others by recordWebhookEvent). `data`
 * holds the facts by code; the payload's labels are added when it is sent.
 */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: uuid("id").primaryKey(),
    /** The order events were written in: one transaction's events share their `at`. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    type: text("type").notNull(),
    at: ts("at").notNull(),
    data: jsonb("data").notNull(),
    /** Addressed to one endpoint only (a test send), whatever it subscribes to. */
    endpointId: uuid("endpoint_id"),
    /** When its deliveries were made; null while it waits for the dispatcher. */
    dispatchedAt: ts("dispatched_at"),
  },
  (t) => [index("webhook_events_undispatched_idx").on(t.seq).where(sql`${t.dispatchedAt} is null`)],
);

/** One event to one endpoint: its state, the tries so far and when the next one is due. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id").notNull(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventId: uuid("event_id")
      .notNull()
      .references(() => webhookEvents.id),
    /** "pending" | "succeeded" | "failed" */
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** The due time of the one job that may send it now: a job carrying another time is stale. */
    nextAttemptAt: ts("next_attempt_at"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    deliveredAt: ts("delivered_at"),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_once_key").on(t.endpointId, t.eventId),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt, t.id),
    index("webhook_deliveries_status_idx").on(t.endpointId, t.status),
    check("webhook_deliveries_status_known", sql`${t.status} in ('pending', 'succeeded', 'failed')`),
  ],
);

/** Every recorded try of a delivery, with the receiver's answer cut to a few KB. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    at: ts("at").notNull(),
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms").notNull(),
    error: text("error"),
    responseBody: text("response_body"),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.id)],
);

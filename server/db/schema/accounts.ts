import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ROLE_CODES } from "#server/domain/access.ts";
import { DEFAULT_PLAN, PLAN_CODES } from "#server/domain/plans.ts";
import { created, oneOf, ts } from "./columns.ts";

export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind").notNull().default("merchant"),
    /** Set by an operator (`npm run juchu -- account plan`); a self-hosted install has every feature. */
    plan: text("plan").notNull().default(DEFAULT_PLAN),
    createdAt: created(),
  },
  (t) => [check("accounts_plan_check", sql`${t.plan} in ${oneOf(PLAN_CODES)}`)],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    email: text("email").notNull(),
    name: text("name").notNull().default(""),
    role: text("role").notNull().default("owner"),
    /** Null until an invited user sets a password through the invitation link. */
    passwordHash: text("password_hash"),
    /** A disabled user cannot log in and their sessions end; their name stays on the timeline. */
    disabledAt: ts("disabled_at"),
    lastLoginAt: ts("last_login_at"),
    /**
     * A removed user keeps their row so the timeline still names who acted; their e-mail is free to be
     * invited again.
     */
    removedAt: ts("removed_at"),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`).where(sql`${t.removedAt} is null`),
    check("users_role_check", sql`${t.role} in ${oneOf(ROLE_CODES)}`),
  ],
);

/** One-time links an owner sends to invite a user; only the token's SHA-256 is kept. */
export const userInvitations = pgTable(
  "user_invitations",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: created(),
    expiresAt: ts("expires_at").notNull(),
    acceptedAt: ts("accepted_at"),
  },
  (t) => [index("user_invitations_user_idx").on(t.userId)],
);

export const apiTokens = pgTable("api_tokens", {
  id: uuid("id").primaryKey(),
  accountId: uuid("account_id")
    .notNull()
    .references(() => accounts.id),
  userId: uuid("user_id").references(() => users.id),
  name: text("name").notNull(),
  /** sha256 of the token: tokens are long random secrets, so a fast hash is enough and lookups stay indexed. */
  tokenHash: text("token_hash").notNull().unique(),
  /** Permissions (`orders:read`, `orders:write` …) the token carries, chosen when it is made. */
  scopes: text("scopes").array().notNull().default(sql`'{}'::text[]`),
  createdAt: created(),
  /** Kept to the minute: written at most once a minute per token, not on every request. */
  lastUsedAt: ts("last_used_at"),
  revokedAt: ts("revoked_at"),
});

/** Admin UI log-ins: the cookie carries a random token, only its SHA-256 is stored (as for API tokens). */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: created(),
    expiresAt: ts("expires_at").notNull(),
    /** Shown on 「ログイン中の端末」 so a user recognises the session they end. */
    userAgent: text("user_agent"),
    address: text("address"),
    lastSeenAt: ts("last_seen_at"),
  },
  (t) => [index("sessions_expires_idx").on(t.expiresAt), index("sessions_user_idx").on(t.userId)],
);

/**
 * Log-in attempts per e-mail, per client address and per both, in a fixed window: counted in the
 * database, before the password is checked, so parallel guesses and several server processes share
 * one count.
 */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    key: text("key").primaryKey(),
    attempts: integer("attempts").notNull(),
    windowStartedAt: ts("window_started_at").notNull(),
  },
  (t) => [index("login_attempts_window_idx").on(t.windowStartedAt)],
);

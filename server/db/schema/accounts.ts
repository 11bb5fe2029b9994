import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { created, ts } from "./columns.ts";

export const accounts = pgTable("accounts", {
  id: uuid("id").primaryKey(),
  name: text("name").notNull(),
  kind: text("kind").notNull().default("merchant"),
  createdAt: created(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    createdAt: created(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
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
  createdAt: created(),
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
  },
  (t) => [index("sessions_expires_idx").on(t.expiresAt)],
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

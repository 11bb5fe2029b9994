/**
 * Who calls the API in a test: a user of a role with a session (cookie and CSRF header, as the admin
 * UI sends them), or an API token with chosen scopes. Rows go in directly, so the walks need no
 * invitation flow.
 */
import { randomUUID } from "node:crypto";
import { csrfTokenFor, openSession } from "#server/app/account/sessions.ts";
import { hashPassword, newApiToken } from "#server/app/channels/credentials.ts";
import { apiTokens, users } from "#server/db/schema.ts";
import type { Permission, Role } from "#server/domain/access.ts";
import { CSRF_HEADER, SESSION_COOKIE } from "#server/http/auth.ts";
import type { TestApp } from "./app.ts";

export type Principal = { label: string; headers: Record<string, string> };

const PASSWORD = "walk password 1";
// One hash for every user a walk makes: scrypt per user would be most of the walk's time.
let sharedHash: Promise<string> | undefined;

export async function userWithRole(t: TestApp, accountId: string, role: Role): Promise<Principal> {
  const id = randomUUID();
  sharedHash ??= hashPassword(PASSWORD);
  await t.database.db.insert(users).values({
    id,
    accountId,
    email: `${role}-${id}@example.jp`,
    name: `${role}さん`,
    role,
    passwordHash: await sharedHash,
  });
  const { token } = await openSession(t.ctx, id, accountId, { userAgent: null, address: null });
  return {
    label: `${role} (session)`,
    headers: { cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: csrfTokenFor(token) },
  };
}

export async function tokenWithScopes(
  t: TestApp,
  accountId: string,
  scopes: readonly Permission[],
): Promise<Principal> {
  const { token, hash } = newApiToken();
  await t.database.db
    .insert(apiTokens)
    .values({ id: randomUUID(), accountId, name: "テスト", tokenHash: hash, scopes: [...scopes] });
  return { label: `token [${scopes.join(", ")}]`, headers: { authorization: `Bearer ${token}` } };
}

/** One request as `who`; the body goes as JSON, or as CSV text when a string. */
export async function callAs(who: Principal, url: string, method: string, body: unknown) {
  const headers: Record<string, string> = { ...who.headers };
  if (body !== undefined)
    headers["content-type"] = typeof body === "string" ? "text/csv" : "application/json";
  const res = await fetch(url, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const contentType = res.headers.get("content-type") ?? "";
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the endpoint answered.
  const json: any = /json/.test(contentType) && text ? JSON.parse(text) : null;
  return { status: res.status, contentType, body: json, text };
}

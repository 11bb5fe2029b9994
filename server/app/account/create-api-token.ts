import { apiTokens } from "#server/db/schema.ts";
import type { Permission } from "#server/domain/access.ts";
import { scopeRefusal } from "#server/domain/token-scopes.ts";
import { newApiToken } from "../channels/credentials.ts";
import type { Actor, AppContext } from "../context.ts";

/**
 * APIトークンの発行: the secret is returned this once and only its SHA-256 kept. Its scopes are at most
 * what its maker may do themself.
 */
export async function createApiToken(
  ctx: Pick<AppContext, "db" | "clock" | "newId">,
  maker: { actor: Actor; accountId: string; permissions: ReadonlySet<Permission> },
  input: { name: string; scopes: readonly Permission[] },
): Promise<{ id: string; token: string }> {
  const scopes = [...new Set(input.scopes)];
  const refusal = scopeRefusal(maker.permissions, scopes);
  if (refusal) throw refusal;
  const { token, hash } = newApiToken();
  const id = ctx.newId();
  await ctx.db.insert(apiTokens).values({
    id,
    accountId: maker.accountId,
    // A token made by a token has no person behind it to name.
    userId: maker.actor.kind === "user" ? maker.actor.userId : null,
    name: input.name,
    tokenHash: hash,
    scopes,
    createdAt: ctx.clock.now(),
  });
  return { id, token };
}

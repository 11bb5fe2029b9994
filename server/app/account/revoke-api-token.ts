import { and, eq, isNull } from "drizzle-orm";
import { apiTokens } from "#server/db/schema.ts";
import { notFound } from "#server/domain/refusal.ts";
import type { AppContext } from "../context.ts";

/** 無効化: the token stops at once and stays listed with when; revoking twice is no error. */
export async function revokeApiToken(
  ctx: Pick<AppContext, "db" | "clock">,
  accountId: string,
  tokenId: string,
): Promise<void> {
  const [found] = await ctx.db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.accountId, accountId)));
  if (!found) throw notFound("api_token", "APIトークン");
  await ctx.db
    .update(apiTokens)
    .set({ revokedAt: ctx.clock.now() })
    .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)));
}
